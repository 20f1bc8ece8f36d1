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
from .cues import CUE_FORMS, TAIL_CUES, WORD_RE, cue_positions
from .sentences import quote_spans
from .speakers import (
    DOCUMENT, ORGANIZATION, PERSON, Memory, Speaker, better_title, classify, clean_phrase,
    clean_speaker, is_name, note_gender, remember_speaker,
)
from .titles import CONNECTORS, DISPLAY_ALIASES, ORG_WORDS, ROLE_WORDS, split_title

# Cue positions examined per sentence; a real sentence has one to three.
MAX_CUES = 8
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
    r"last|long|even|both|all|each|on\s+\w+day|in\s+a\s+statement|"
    r"(?!(?:family|ally|assembly|supply|rally|monopoly|anomaly)\b)[a-z]{2,}ly))+\s*$"
)
_LEADING_ADVERBIAL_RE = re.compile(
    r"^(?:and|but|so|yet|still|also|however|meanwhile|moreover|furthermore|instead|"
    r"separately|earlier|later|now|then|today|yesterday|in\s+addition)\b[\s,]*",
    re.IGNORECASE,
)
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|be|is|are|it's|get|got)\s*$", re.IGNORECASE)
_CLAUSE_WORD_RE = re.compile(
    r"\b(?:that|which|when|because|if|whether|while|although|though|since|as|after|before|"
    r"until|where|what|is|was|were|are|has|have|had|will|would|could|can|should|may|might|"
    r"did|does|do|said|says|it|this|there)\b"
)
# An aside between commas: ", the researchers note," / ", he said,".
_INTERPOSED_RE = re.compile(r",\s*(?P<subj>[^,_;]{1,60}?)\s+(?P<cue>[a-z]+)\s*,")
_INFINITIVE_RE = re.compile(
    r"\b(?:wants?|wanted|plans?|planned|hopes?|hoped|expects?|expected|seeks?|sought|tries|"
    r"tried|trying|going|intends?|aims?|needs?|has|have|had)\s+to\s*$"
)
_NEXT_CAPITAL_RE = re.compile(r"\s+[A-Z]")
_TAIL_SEP_RE = re.compile(r"[,—–_]")
_COORDINATED_RE = re.compile(r"\b(?:and|but|then)\s+(?:\w+ly\s+)?$")
_COMMA_OR_AND_RE = re.compile(r"(?:,|\band|\bbut|\bthen)\s+(?:\w+ly\s+)?$")
# 'Name, Outlet: "' at the start of a paragraph-like sentence, quotation masked.
_COLON_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+)(?:,\s+[A-Z][^,:_]{1,40})?\s*:\s*_"
)
# The subject opening a sentence, after an optional introductory phrase.
_CLAUSE_SUBJECT_RE = re.compile(
    r"^(?:[^,_]{0,60},\s+)?(?P<subj>(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+|[Hh]e|[Ss]he|[Tt]hey|"
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w'’-]+\s+){0,4}?[a-z][\w-]+)"
    r"(?:,[^,_]{1,80},)?\s+(?:(?:has|have|had|is|was|were|are|also|\w+ly)\s+)*[a-z]+"
)
_SUBORDINATOR_RE = re.compile(r"^(?:[Aa]s|[Bb]oth|[Tt]hen)\s+(?=[A-Z])")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+(?P<subj>[^,;_.]{2,120}(?:\.[A-Z][^,;_.]*)*)")
_NAME_RUN_RE = re.compile(r"(?:\b[A-Z][\w'’.-]*\s+(?:of\s+(?:the\s+)?)?){1,6}[A-Z][\w'’-]+")
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+"
# "Gen. Mark Milley, chairman of the Joint Chiefs of Staff," / "..., the chairman of ...,"
_APPOSITIVE_AFTER_RE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<desc>(?:the\s+|a\s+)?[a-z][\w-]*(?:\s+[\w.’'-]+){{0,10}}?)(?=,|\.\s|\.$)"
)
# "Iraq’s caretaker prime minister, Adel Abdul Mahdi," / "The chairman of ..., Gen. Mark Milley,"
_APPOSITIVE_BEFORE_RE = re.compile(
    rf"(?P<desc>(?:\b[A-Z][\w]*['’]s\s+)?(?:\b[Tt]he\s+)?\b[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,6}}),\s+(?P<name>{_NAME}),"
)
# A sentence that opens with a personal name ("Adel Abdul-Mahdi made the request ...").
_SUBJECT_NAME_RE = re.compile(r"^(?:[^,]{0,40},\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s+[a-z]")
_COMMA_NAME_RE = re.compile(r"[A-Za-z.],\s+[A-Z]|[A-Z][\w'’-]*,\s+[a-z]")
_POSSESSOR_RE = re.compile(r"^[A-Z][\w]*['’]s\s+")
_MAX_SUBJECT_WORDS = 16
_DESCRIPTION_RE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+[a-z]")
# A lower-case "-ed" word right after a noun reads as a finite verb; after a
# determiner, conjunction or preposition it is an adjective ("a leaked letter").
_FINITE_VERB_RE = re.compile(
    r"\b(?!(?:the|a|an|and|or|of|in|from|with|his|her|its|their|by|for|newly|recently)\b)"
    r"[a-z][\w-]*\s+[a-z]{3,}ed\b|\d"
)
_PART_SPLIT_RE = re.compile(r"[,;:—–]|_+")
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


def attribute(text: str, memory: Memory) -> Attribution:
    """Find the speaker of one sentence and update the article memory."""
    masked, spans = mask_quotes(text)
    quote = None
    quoted_chars = 0
    for s, e in spans:
        inner = text[s + 1:e].strip()
        quoted_chars += e - s + 1
        if quote is None or len(inner) > len(quote):
            quote = inner
    share = quoted_chars / max(1, len(text))
    remember_mentions(text, memory)
    speaker, cue = _find_speaker(masked, memory)
    if speaker is not None and not clean_speaker(speaker):
        speaker, cue = None, None
    memory.sentence_people = []
    if speaker is not None:
        remember_speaker(speaker, memory)
        note_gender(speaker, masked, memory)
    return Attribution(speaker, cue, quote, share)


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
    examined = 0
    for s, e, cue in cue_positions(masked):
        if cue == "according to":
            continue
        examined += 1
        WORK.cues += 1
        if examined > MAX_CUES:
            break  # cue-dense text: a subject this far in is not the sentence's speaker
        if cue in _BARE_FORMS and _NEXT_CAPITAL_RE.match(masked, e):
            continue  # "Rider advocate Tom Lindqvist": a noun before a name, not a verb
        pre = masked[max(0, s - SUBJECT_WINDOW): s]
        WORK.chars += len(pre)
        if _PASSIVE_BEFORE_RE.search(pre[-16:]) or _INFINITIVE_RE.search(pre[-16:]):
            continue  # "was reported", "wants to maintain": not the subject's own cue
        if cue.endswith("ing") or _COORDINATED_RE.search(pre[-40:]):
            # ", saying ..." / "... and said ...": the cue shares the clause's subject.
            if _COMMA_OR_AND_RE.search(pre[-40:]):
                sp = _clause_subject(masked[:min(s, SUBJECT_WINDOW)], memory)
                if sp:
                    return sp, cue
            if cue.endswith("ing"):
                continue
        found = _leading_subject(pre)
        if found:
            sp = classify(found[0], memory)
            if sp and clean_speaker(sp):
                if found[1] and sp.kind == PERSON:
                    sp.title = found[1]
                return sp, cue
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


def _colon_speaker(masked: str, memory: Memory) -> Speaker | None:
    """'Harlan Pierce, Daily Ledger: "..."' and 'Name: "..."' outside transcripts."""
    m = _COLON_RE.match(masked)
    if not m:
        return None
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


def _trim_subject(subj: str) -> str:
    subj = _AUX_TAIL_RE.sub("", " " + subj).strip(" ,")
    return _LEADING_ADVERBIAL_RE.sub("", subj).strip(" ,")


def _leading_subject(pre: str) -> tuple[str, str | None] | None:
    """(speaker phrase, appositive title) before a cue, or None if it is not a subject.

    The subject is the comma-separated part nearest the cue, stepping back over
    parentheticals: appositive descriptions ("the chairman of ..."), participle
    phrases ("bearing the name of ..."), relative clauses and ages.
    """
    pre = _AUX_TAIL_RE.sub("", " " + pre).rstrip()
    # Only a comma before the cue closes a parenthetical ("Milley, the chairman, said");
    # "The plan, the researchers note" has its subject right before the cue.
    aside = pre.endswith((",", "—", "–"))
    pre = pre.strip(" ,")
    if not pre or "_" in pre[-3:]:
        return None
    parts = [p.strip() for p in _PART_SPLIT_RE.split(pre) if p.strip()]
    k = len(parts) - 1
    while k >= 0:
        part = _LEADING_ADVERBIAL_RE.sub("", parts[k]).strip()
        if k > 0 and aside and _is_parenthetical(part):
            k -= 1
            continue
        break
    if k < 0:
        return None
    subject = _LEADING_ADVERBIAL_RE.sub("", parts[k]).strip()
    subject = _WITH_RE.sub("", subject)
    subject = _SUBORDINATOR_RE.sub("", subject)
    if not subject or len(subject.split()) > _MAX_SUBJECT_WORDS:
        return None
    low = subject.lower()
    if (_CLAUSE_WORD_RE.search(low) and low not in ("it", "this")) or _has_cue(subject):
        return None
    if _FINITE_VERB_RE.search(subject):
        return None  # "The storm dumped 8 inches ..." is a clause, not a speaker
    title = None
    if _looks_named(subject):
        if k + 1 < len(parts) and _starts_description(parts[k + 1]):
            title = clean_phrase(parts[k + 1])  # "Mark Milley, the chairman of ..."
        elif k > 0 and _starts_description(parts[k - 1]) and not _CLAUSE_WORD_RE.search(parts[k - 1]):
            title = clean_phrase(parts[k - 1])  # "The chairman of ..., Gen. Mark Milley,"
    return subject, title or None


def _is_parenthetical(part: str) -> bool:
    first = part.split(" ", 1)[0].lower() if part else ""
    if _CLAUSE_WORD_RE.search(part.lower()) and first not in ("who", "which", "whose"):
        return False
    return (
        _starts_description(part)
        or first in ("who", "which", "whose", "aged")
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
    sp = classify(bits[0], memory)
    if sp and len(bits) > 1 and sp.kind == PERSON and _starts_description(bits[1]):
        if better_title(clean_phrase(bits[1]), sp.title):
            sp.title = clean_phrase(bits[1]) or sp.title
    return sp


def remember_mentions(text: str, memory: Memory) -> None:
    """Record people named in a sentence, with their titles when the text gives them.

    Sets ``memory.sentence_people`` (in textual order) so that "his office" in the
    same sentence refers to the sentence's own subject.
    """
    found: list[tuple[int, str, str | None]] = []
    # Appositives need a comma next to a capitalised name; most sentences have none.
    appositive = bool(_COMMA_NAME_RE.search(text))
    for m in _APPOSITIVE_AFTER_RE.finditer(text) if appositive else ():
        desc = m.group("desc")
        words = [w.strip(".,").lower() for w in desc.split()]
        # A description names a role ("chairman of ..."); "has asked ..." is a predicate.
        if any(w in ROLE_WORDS and w not in CONNECTORS for w in words) and not _CLAUSE_WORD_RE.search(desc.lower()):
            _add_person(found, m.start(), m.group("name"), desc)
    for m in _APPOSITIVE_BEFORE_RE.finditer(text) if appositive else ():
        if m.group("desc").split()[-1].lower() in ROLE_WORDS:
            _add_person(found, m.start("name"), m.group("name"), m.group("desc"))
    for m in _NAME_RUN_RE.finditer(text):
        title, name = split_title(m.group(0))
        if title and " " in name:
            _add_person(found, m.start(), m.group(0), None)
    subject = _SUBJECT_NAME_RE.match(text)
    if subject:
        _add_person(found, subject.start("name"), subject.group("name"), None)
    found.sort(key=lambda x: x[0])
    memory.sentence_people = []
    for _pos, name, title in found:
        memory.remember(name, title, PERSON, spoke=False)
        entry = next((e for e in memory.entries if e.name == name), None)
        if entry is not None and entry not in memory.sentence_people:
            memory.sentence_people.append(entry)


def _add_person(found: list, pos: int, phrase: str, desc: str | None) -> None:
    title, name = split_title(phrase.strip())
    name = re.sub(r"['’]s$", "", name)
    tokens = name.split()
    if not is_name(tokens) or len(tokens) < 2 or tokens[-1].lower() in ORG_WORDS:
        return
    if name.lower() in DISPLAY_ALIASES or tokens[0].lower() in ("the", "a", "an"):
        return
    if desc:
        desc = _POSSESSOR_RE.sub("", clean_phrase(desc))
    found.append((pos, name, desc or title))
