"""Attribution: who a sentence says is speaking, by which cue, and how.

Cues (cues.py) are searched outside quotations. The speaker is found in one of these
places, tried in this order:
0. a colon label ('Harlan Pierce, Daily Ledger: "..."');
1. the subject before a cue ("Gen. Mark Milley has also denied ...", "Council member
   Raj Patel warned ..."), or the clause's subject for ", saying ..." / "... and said";
2. "according to X" (after 1: "X told Y, according to the statement" is X's claim);
3. a tail ('"...," he said.' / '..., said Gen. Mark Milley, a senior fellow at ...');
4. an interposed aside ("The plan, the researchers note, will cost more").

Work is bounded per sentence (cues examined, characters looked back), so cue-dense
text costs time linear in its length; ``WORK`` counts what was examined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import BARE_FORMS as _BARE_FORMS
from .cues import CUE_FORMS, SPEECH_FORMS, TAIL_CUES, WORD_RE, cue_positions
from .sentences import quote_spans
from .speakers import (
    DOCUMENT, ORGANIZATION, PERSON, QUANTITY_SUBJECT_RE, Memory, Speaker, better_title, classify, clean_phrase,
    clean_speaker, note_gender, remember_speaker,
)
from .mentions import remember_mentions

# Cue positions examined per sentence; a real sentence has one to three.
MAX_CUES = 6
# How far before a cue its subject may start, and how much of a sentence's end a tail
# attribution may occupy.
SUBJECT_WINDOW = 300
TAIL_WINDOW = 260
INTERPOSED_WINDOW = 400


class WorkCounter:
    """Candidate cue positions and characters examined by the speaker search."""

    def __init__(self) -> None:
        self.cues = 0
        self.chars = 0

    def reset(self) -> None:
        self.cues = self.chars = 0


WORK = WorkCounter()
# Auxiliaries and adverbs between a subject and its cue ("have been quick to stress").
_AUX_TAIL_RE = re.compile(
    r"(?:\s+(?:has|have|had|is|was|were|are|also|further|later|previously|repeatedly|"
    r"publicly|privately|again|already|then|quickly|recently|once|would|will|did|does|do|"
    r"not|never|reportedly|separately|earlier|always|often|been|being|quick|to|too|first|"
    r"last|long|even|both|all|each|(?:on\s+|earlier\s+|late\s+)?\w+day(?:\s+(?:night|morning|evening|afternoon))?|"
    r"this\s+week|last\s+week|in\s+an?\s+(?:statement|interview|email|speech)|in\s+the\s+past|"
    r"(?!(?:family|ally|assembly|supply|rally|monopoly|anomaly)\b)[a-z]{2,}ly))+\s*$"
)
_LEADING_ADVERBIAL_RE = re.compile(
    r"^(?:and|but|so|yet|still|also|however|meanwhile|moreover|furthermore|instead|"
    r"separately|earlier|later|now|then|today|yesterday|in\s+addition)\b[\s,]*",
    re.IGNORECASE,
)
_PASSIVE_BEFORE_RE = re.compile(
    r"\b(?:was|were|been|being|be|is|are|it's|get|got)(?:\s+[a-z]+ly)?\s*$", re.IGNORECASE
)
_CLAUSE_WORD_RE = re.compile(
    r"\b(?:that|which|when|because|if|whether|while|although|though|since|as|after|before|"
    r"until|where|what|is|was|were|are|has|have|had|will|would|could|can|should|may|might|"
    r"did|does|do|said|says|it|this|there)\b"
)
# An aside between commas: ", the researchers note," / ", he said,".
_INTERPOSED_RE = re.compile(r",\s*(?P<subj>[^,_;]{1,60}?)\s+(?P<cue>[a-z]+)\s*,")
_INFINITIVE_RE = re.compile(
    r"\b(?:wants?|wanted|plans?|planned|hopes?|hoped|expects?|expected|seeks?|sought|tries|"
    r"tried|trying|going|intends?|aims?|needs?|has|have|had|together|unable|able|order)\s+to\s*$|"
    r"^\s*[A-Z][a-z]+\s+to\s*$"
)
_DETERMINER_BEFORE_RE = re.compile(r"(?:['’]s|\b(?:the|a|an|his|her|their|its|our|my|your|this|these))\s+$",
                                   re.IGNORECASE)
_LAST_WORD_RE = re.compile(r"([a-z]+)\s+$")
_PLURAL_BEFORE_RE = re.compile(r"\b[A-Za-z][a-z]{2,}[^s's]s\s+$|\b(?:they|we|you|I)\s+$")
_NEXT_CAPITAL_RE = re.compile(r"\s+[A-Z]")
_TAIL_SEP_RE = re.compile(r"[,—–_]")
_COORDINATED_RE = re.compile(r"\b(?:and|but|then)\s+(?:\w+ly\s+)?$")
_COMMA_OR_AND_RE = re.compile(r"(?:,|\band|\bbut|\bthen)\s+(?:\w+ly\s+)?$")
# 'Name, Outlet: "' at the start of a paragraph-like sentence, quotation masked.
_COLON_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+)(?:,\s+[A-Z][^,:_]{1,40})?\s*:\s*_"
)
# A headline's 'Bernie Sanders: I am not much of a socialist'.
_COLON_HEAD_RE = re.compile(r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s*:\s+[A-Z‘'_]")
_NOT_COLON_NAMES = frozenset(
    """update updated note editor correction watch video photos photo breaking exclusive
    opinion analysis related read source sources q a live poll graphic chart map
    warning disclosure transcript full this that here what why how when where""".split()
)
_TAIL_CUE_ALT = "|".join(sorted((re.escape(c) for c in TAIL_CUES), key=len, reverse=True))
_AFTER_QUOTE_RE = re.compile(
    rf"_[,—–-]?\s+(?:(?P<icue>{_TAIL_CUE_ALT})\s+(?P<isubj>[^_;:]{{2,160}}?)(?=[.!?]?$|[.;:]\s|[—–]|,?\s*_|$)|"
    rf"(?P<subj>(?:[A-Z][\w.'’-]*\s+){{0,5}}[A-Z][\w'’-]*|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|"
    rf"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[\w'’-]+(?:\s+[\w'’-]+){{0,6}}?)"
    rf"(?:,\s+(?P<appos>[^,_]{{1,160}}),)?\s+(?:(?:also|later|then|has|had|have|once|again|simply|flatly|\w+ly)\s+)?"
    rf"(?P<cue>{_TAIL_CUE_ALT})\b)"
)
_FINAL_SOURCING_RE = re.compile(
    r",\s+(?P<subj>[^,_;]{2,80}?)\s+(?P<cue>said|say|says|told\s+\w+|reported|wrote)"
    r"(?:\s+(?:on\s+)?\w+day|\s+in\s+an?\s+\w+)?(?:\.?$|,\s+(?:adding|saying|noting|citing|explaining)\b)"
)
# The subject opening a sentence, after an optional introductory phrase.
_CLAUSE_SUBJECT_RE = re.compile(
    r"^(?:[^,_]{0,150},\s+)?(?P<subj>(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+|[Hh]e|[Ss]he|[Tt]hey|"
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w'’-]+\s+){0,4}?[a-z][\w-]+)"
    r"(?:,[^,_]{1,80},)?\s+(?:(?:has|have|had|is|was|were|are|also|\w+ly)\s+)*[a-z]+"
)
# A lower-case word that is not a verb form after a lone capital: "Natural selection".
_NOUN_AFTER_RE = re.compile(r"\s+[a-z]+(?:tion|sion|ment|ness|ity|ism|ance|ence)\b")
_SUBORDINATOR_RE = re.compile(r"^(?:[Aa]s|[Bb]oth|[Tt]hen)\s+(?=[A-Z])")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+(?P<subj>[^,;_.]{2,120}(?:\.[A-Z][^,;_.]*)*)")
_MAX_SUBJECT_WORDS = 16
_DESCRIPTION_RE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+[a-z]")
# A lower-case "-ed" word right after a noun reads as a finite verb; after a
# determiner, conjunction or preposition it is an adjective ("a leaked letter").
_FINITE_VERB_RE = re.compile(
    r"\b(?!(?:the|a|an|and|or|of|in|from|with|his|her|its|their|by|for|newly|recently)\b)"
    r"[a-z][\w-]*\s+[a-z]{3,}ed\b|\d"
)
_NAME_HEAD_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’-]*")
_PP_AFTER_RE = re.compile(r"\s+(?:of|from|at|for|with)\s+(?:the\s+)?[A-Z]")
_PART_SPLIT_RE = re.compile(r"[,;:—–]|\s-\s|_+")
_ARTICLE_RE = re.compile(r"^(?:the|an?)\s", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\s+(?:who|whose|which|that)\s")
_WITH_RE = re.compile(r"^(?:with|as)\s+", re.IGNORECASE)


@dataclass(slots=True)
class Attribution:
    speaker: Speaker | None
    cue: str | None
    quote: str | None  # longest direct quotation in the sentence (without marks)
    quote_share: float  # fraction of the sentence inside quotation marks


def mask_quotes(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Replace quotations (marks included) by underscores; same length as ``text``."""
    spans = quote_spans(text)
    if not spans:
        return text, spans
    parts = []
    last = 0
    for s, e in spans:
        parts.append(text[last:s])
        parts.append("_" * (e - s + 1))
        last = e + 1
    parts.append(text[last:])
    return "".join(parts), spans


def attribute(text: str, memory: Memory, masked: str | None = None) -> Attribution:
    """Find the speaker of one sentence and update the article memory.

    ``masked`` is the sentence with its quoted parts already masked, when the caller
    knows quotations that open or close outside the sentence (one running over
    several sentences).
    """
    if masked is None or len(masked) != len(text):
        masked, _spans = mask_quotes(text)
    if "(" in masked or "-" in masked:
        # "Sen. Chris Murphy (D-Conn.) said": the party label is not part of the phrase.
        masked = _PARTY_RE.sub(lambda m: " " * len(m.group(0)), masked)
    quote = _longest_quote(text, masked)
    share = masked.count("_") / max(1, len(text))
    remember_mentions(text, memory)
    speaker, cue = _find_speaker(masked, memory)
    if speaker is not None and not clean_speaker(speaker):
        speaker, cue = None, None
    memory.sentence_people = []
    if speaker is not None:
        remember_speaker(speaker, memory)
        note_gender(speaker, masked, memory)
    return Attribution(speaker, cue, quote, share)


_MASK_RUN_RE = re.compile(r"_{2,}")
_PARTY_RE = re.compile(
    r"\s?\((?:[RDI]|Dem|Rep|Ind)(?:[-–][A-Z][\w.]{0,12})?\.?\)|,\s[RDI][-–][A-Z][\w.]{0,12},(?=\s)|"
    r"\s?\([A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]{0,4}\.)?\)"
)


def _longest_quote(text: str, masked: str) -> str | None:
    best = None
    for m in _MASK_RUN_RE.finditer(masked):
        inner = text[m.start():m.end()].strip().strip("\"“”'").strip()
        if inner and (best is None or len(inner) > len(best)):
            best = inner
    return best


# Where a second attribution starts inside one sentence: "X said A, while Y said B."
_SECOND_RE = re.compile(r"(?:,\s+(?:while|whereas|but|and)|;)\s+(?=[A-Z])")


def second_attribution(text: str) -> tuple[int, int] | None:
    """(end of the first clause, start of the second) in ``text``, or None.

    Both sides need a speaker-and-cue of their own: "Tran said the work starts in March,
    while Patel said it would slip to June."
    """
    masked, _spans = mask_quotes(text)
    for m in _SECOND_RE.finditer(masked):
        left, right = masked[: m.start()], masked[m.end():]
        if not _has_cue(left) or len(left.split()) < 4 or len(right.split()) < 4:
            continue
        head = right[:SUBJECT_WINDOW]
        for s, _e, _cue in cue_positions(head):
            found = _leading_subject(head[:s])
            if found and not head[:s].strip().endswith(",") and _looks_named(found[0]):
                return m.start() + (1 if masked[m.start()] in ",;" else 0), m.end()
            break
    return None


def _find_speaker(masked: str, memory: Memory) -> tuple[Speaker | None, str | None]:
    sp = _colon_speaker(masked, memory)
    if sp is not None:
        return sp, ":"
    if "_" in masked:
        found = _next_to_quote(masked, memory)
        if found is not None:
            return found
    examined = 0
    for s, e, cue in cue_positions(masked):
        if cue == "according to":
            continue
        examined += 1
        WORK.cues += 1
        if examined > MAX_CUES:
            break  # cue-dense text: a subject this far in is not the sentence's speaker
        if cue in _BARE_FORMS and _NEXT_CAPITAL_RE.match(masked, e) and not _PLURAL_BEFORE_RE.search(
                masked, max(0, s - 30), s):
            continue  # "Rider advocate Tom Lindqvist": a noun before a name, not a verb ("polls show Trump")
        if _DETERMINER_BEFORE_RE.search(masked, max(0, s - 12), s):
            continue  # "Cruz's charges", "the findings": a noun
        last = _LAST_WORD_RE.search(masked, max(0, s - 24), s)
        if last is not None and last.group(1) in CUE_FORMS:
            continue  # "said said": a cue right after a cue has no subject between them
        pre = masked[max(0, s - SUBJECT_WINDOW): s]
        WORK.chars += len(pre)
        if _PASSIVE_BEFORE_RE.search(pre[-32:]) or _INFINITIVE_RE.search(pre[-16:]):
            continue  # "was reported", "wants to maintain": not the subject's own cue
        if cue.endswith("ing") or _COORDINATED_RE.search(pre[-40:]):
            # ", saying ..." / "... and said ...": the cue shares the clause's subject.
            if _COMMA_OR_AND_RE.search(pre[-40:]):
                sp = _clause_subject(masked[:min(s, SUBJECT_WINDOW)], memory)
                if sp:
                    return sp, cue
            if cue.endswith("ing"):
                continue
        lead = _leading_subject(pre)
        if lead:
            sp = classify(lead[0], memory)
            if sp and clean_speaker(sp):
                if lead[1] and sp.kind == PERSON:
                    sp.title = lead[1]
                final = _final_sourcing(masked, memory) if cue not in SPEECH_FORMS else None
                return final or (sp, cue)
    tail = masked[-TAIL_WINDOW:]
    m = _ACCORDING_RE.search(masked)
    if m:
        subj = _trim_subject(m.group("subj"))
        sp = classify(subj, memory)
        if sp is None and clean_phrase(subj):
            # Whatever follows "according to" is a source: a body if named, else a document.
            name = clean_phrase(subj)
            sp = Speaker(name, None, ORGANIZATION if name[:1].isupper() else DOCUMENT)
        if sp and clean_speaker(sp):
            return sp, "according to"
    found_tail = _tail(tail, memory)
    if found_tail is not None:
        return found_tail
    for m in _INTERPOSED_RE.finditer(masked[:INTERPOSED_WINDOW]):
        if m.group("cue") not in TAIL_CUES:
            continue
        sp = classify(_trim_subject(m.group("subj")), memory)
        if sp and clean_speaker(sp):
            return sp, m.group("cue")
    return None, None


def _next_to_quote(masked: str, memory: Memory) -> tuple[Speaker, str] | None:
    """'"...," said Harvey, who ...' and '"...," Harvey said, adding ...': the speaker
    right after a closing quotation, however long the sentence runs on."""
    for m in _AFTER_QUOTE_RE.finditer(masked):
        if m.group("icue"):
            sp = _inverted(m.group("isubj"), memory)
            cue = m.group("icue")
        else:
            appos = m.group("appos")
            if appos and _looks_named(appos) and 2 <= len(appos.split()) <= 4:
                sp = classify(appos, memory)  # 'his wife, Gabriela Lazar, wrote'
            else:
                sp = classify(_trim_subject(m.group("subj")), memory)
            cue = m.group("cue")
        if sp is not None and clean_speaker(sp):
            return sp, cue
    return None


def _final_sourcing(masked: str, memory: Memory) -> tuple[Speaker, str] | None:
    """', people familiar with the session said.' ending a sentence sources all of it."""
    m = _FINAL_SOURCING_RE.search(masked[-TAIL_WINDOW:])
    if m is None:
        return None
    sp = classify(_trim_subject(m.group("subj")), memory)
    return (sp, m.group("cue")) if sp is not None and clean_speaker(sp) else None


def _colon_speaker(masked: str, memory: Memory) -> Speaker | None:
    """'Harlan Pierce, Daily Ledger: "..."' and 'Name: "..."' outside transcripts; and
    a headline's 'Bernie Sanders: Taxes must rise'."""
    m = _COLON_RE.match(masked)
    if not m:
        m = _COLON_HEAD_RE.match(masked)
        if not m or m.group("name").split()[0].lower() in _NOT_COLON_NAMES:
            return None
        sp = classify(m.group("name"), memory)
        if sp is None or not sp.name:
            return None
        known = " " in sp.name or memory.entry(sp.name) is not None
        return sp if known and sp.kind in (PERSON, ORGANIZATION) and clean_speaker(sp) else None
    sp = classify(m.group("name"), memory)
    if sp is None or sp.kind not in (PERSON, ORGANIZATION) or not clean_speaker(sp):
        return None
    return sp


def _clause_subject(head: str, memory: Memory) -> Speaker | None:
    """The subject that opens the sentence ("Trump returned ..., telling ...")."""
    m = _CLAUSE_SUBJECT_RE.match(head)
    if not m:
        return None
    subj = _LEADING_ADVERBIAL_RE.sub("", m.group("subj")).strip()
    if not subj or _CLAUSE_WORD_RE.search(subj.lower()) and subj.lower() not in ("it",):
        return None
    if " " not in subj and subj[:1].isupper() and memory.by_surname(subj) is None \
            and memory.entry(subj) is None and _NOUN_AFTER_RE.match(head, m.end("subj")):
        return None  # "Natural selection endowed ... and reasoned": a capitalised adjective
    sp = classify(subj, memory)
    return sp if sp and clean_speaker(sp) else None


def _tail(tail: str, memory: Memory) -> tuple[Speaker, str] | None:
    """'..., Wu said on Monday.' or '..., said Maria Ortiz, a fellow at ...' at the end."""
    seps = [m.start() for m in _TAIL_SEP_RE.finditer(tail)]
    for k, sep in enumerate(reversed(seps)):
        if k >= 4:
            break
        seg = tail[sep + 1:]
        if "_" in seg:
            continue
        words = list(WORD_RE.finditer(seg))
        if not words:
            continue
        first = words[0].group(0)
        if first in TAIL_CUES:
            sp = _inverted(seg[words[0].end():].strip(" .!"), memory)
            if sp and clean_speaker(sp):
                return sp, first
            continue
        for w in words[1:10]:
            cue = w.group(0)
            if cue in TAIL_CUES:
                if len(seg) - w.end() > 60:
                    break
                if _PASSIVE_BEFORE_RE.search(seg[max(0, w.start() - 32): w.start()]):
                    break  # "the staff were asked to leave": passive, nobody speaks
                sp = classify(_trim_subject(seg[: w.start()]), memory)
                if sp and clean_speaker(sp):
                    return sp, cue
                break
    return None


def _has_cue(phrase: str) -> bool:
    # Base forms are nouns as often as verbs ("Rider advocate Tom Lindqvist").
    # "-ing" forms are adjectives there ("the commanding general").
    return any(w.group(0) in CUE_FORMS and w.group(0) not in _BARE_FORMS and not w.group(0).endswith("ing")
               for w in WORD_RE.finditer(phrase))


def _strip_aux(phrase: str) -> str:
    """``phrase`` without the auxiliaries and adverbs that end it; only its last
    characters are searched, so the cost does not grow with the phrase."""
    if len(phrase) <= _AUX_REACH:
        return _AUX_TAIL_RE.sub("", " " + phrase)
    cut = phrase.find(" ", len(phrase) - _AUX_REACH)  # start the window on a word boundary
    if cut < 0:
        return phrase
    return phrase[:cut] + _AUX_TAIL_RE.sub("", phrase[cut:])


_AUX_REACH = 120


def _trim_subject(subj: str) -> str:
    subj = _strip_aux(subj).strip(" ,")
    return _LEADING_ADVERBIAL_RE.sub("", subj).strip(" ,")


def _leading_subject(pre: str) -> tuple[str, str | None] | None:
    """(speaker phrase, appositive title) before a cue, or None if it is not a subject.

    The subject is the comma-separated part nearest the cue, stepping back over
    parentheticals: appositive descriptions ("the chairman of ..."), participle
    phrases ("bearing the name of ..."), relative clauses and ages.
    """
    pre = _strip_aux(pre).rstrip()
    # Only a comma before the cue closes a parenthetical ("Milley, the chairman, said");
    # "The plan, the researchers note" has its subject right before the cue.
    aside = pre.endswith((",", "—", "–", " -"))
    pre = pre.strip(" ,")
    quoted_end = "_" in pre[-3:]
    if not pre or quoted_end and not aside:
        return None
    parts = [p.strip() for p in _PART_SPLIT_RE.split(pre) if p.strip()]
    if quoted_end and (len(parts) < 2 or not _is_parenthetical(parts[-1])):
        return None  # a quotation right before the cue, unless inside an aside ("citing '...',")
    k = len(parts) - 1
    while k >= 0:
        part = _LEADING_ADVERBIAL_RE.sub("", parts[k]).strip()
        if k > 0 and (not part or aside and _is_parenthetical(part)):
            k -= 1  # "Experts, however, said" / "Milley, the chairman, said"
            continue
        break
    if k < 0:
        return None
    subject = _LEADING_ADVERBIAL_RE.sub("", parts[k]).strip()
    subject = _WITH_RE.sub("", subject)
    subject = _SUBORDINATOR_RE.sub("", subject)
    rel = _RELATIVE_RE.search(subject)
    if rel and _DESCRIPTION_RE.match(subject):
        subject = subject[: rel.start()]  # "A woman who has accused ... said": "A woman"
    if not subject or len(subject.split()) > _MAX_SUBJECT_WORDS:
        return None
    low = subject.lower()
    if (_CLAUSE_WORD_RE.search(low) and low not in ("it", "this")) or _has_cue(subject):
        return None
    if _FINITE_VERB_RE.search(subject) and not QUANTITY_SUBJECT_RE.match(subject):
        return None  # "The storm dumped 8 inches ..." is a clause, not a speaker
    title = None
    if _looks_named(subject):
        if k + 1 < len(parts) and _starts_description(parts[k + 1]):
            title = clean_phrase(parts[k + 1])  # "Mark Milley, the chairman of ..."
        elif k > 0 and _starts_description(parts[k - 1]) and not _CLAUSE_WORD_RE.search(parts[k - 1]):
            title = clean_phrase(parts[k - 1])  # "The chairman of ..., Gen. Mark Milley,"
    return subject, title or None


def _is_parenthetical(part: str) -> bool:
    if _ARTICLE_RE.match(part):
        part = _RELATIVE_RE.split(part, 1)[0]  # "a Republican who has refused to ..."
    first = part.split(" ", 1)[0].lower() if part else ""
    participle = first.endswith(("ing", "ed")) and part[:1].islower() and first not in _NOT_DESCRIPTION
    if _CLAUSE_WORD_RE.search(part.lower()) and first not in ("who", "which", "whose") and not participle:
        return False
    return (
        _starts_description(part)
        or first in ("who", "which", "whose", "aged", "republican", "democrat", "independent")
        or first.isdigit()
        or (first.endswith(("ing", "ed")) and part[:1].islower())
    )


def _starts_description(part: str) -> bool:
    """An appositive description: "the chairman of ...", "chairman of ...", "a spokesman"."""
    if _DESCRIPTION_RE.match(part):
        return True
    first = part.split(" ", 1)[0]
    return first[:1].islower() and first.lower() not in _NOT_DESCRIPTION


_NOT_DESCRIPTION = frozenset(
    "his her their its he she they it we i with as and but or while when whose who".split()
)


def _looks_named(part: str) -> bool:
    toks = part.split()
    return 1 <= len(toks) <= 6 and all(t[:1].isupper() for t in toks)


def _inverted(subj: str, memory: Memory) -> Speaker | None:
    """'..., said Gen. Mark Milley, chairman of the Joint Chiefs.'"""
    bits = [b.strip() for b in subj.split(",") if b.strip()]
    if not bits or len(bits[0].split()) > 8:
        return None
    if bits[0][:1].isupper():
        # '..., said Gates described the role ...' is a clause; the name is its capitals.
        m = _NAME_HEAD_RE.match(bits[0])
        if m is None or len(m.group(0)) < len(bits[0]) and not _PP_AFTER_RE.match(bits[0], m.end()):
            if m is None:
                return None
            bits[0] = m.group(0)
    sp = classify(bits[0], memory)
    if sp and len(bits) > 1 and sp.kind == PERSON and _starts_description(bits[1]):
        if better_title(clean_phrase(bits[1]), sp.title):
            sp.title = clean_phrase(bits[1]) or sp.title
    return sp
