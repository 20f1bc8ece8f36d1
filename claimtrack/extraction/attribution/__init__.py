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

from ..cues import (
    ASSERTING,
    BASE_FORMS,
    COMMITTING,
    CUE_FORMS,
    FINDING_FORMS,
    LISTENER_CUES,
    NOUNISH_BASES,
    PROGRESSIVE_ONLY,
    SPEECH_FORMS,
    TAIL_CUES,
    WORD_RE,
    cue_positions,
)
from ..cues import BARE_FORMS as _BARE_FORMS
from ..mentions import remember_mentions
from ..sentences import quote_spans
from ..speakers import (
    DOCUMENT,
    ORGANIZATION,
    PERSON,
    Memory,
    Speaker,
    classify,
    clean_phrase,
    clean_speaker,
    note_gender,
    remember_speaker,
)
from .patterns import (
    _ACCORDING_RE,
    _BY_AGENT_RE,
    _COMMA_OR_AND_RE,
    _COORDINATED_RE,
    _DETERMINER_BEFORE_RE,
    _INFINITIVE_RE,
    _INTERPOSED_RE,
    _LAST_WORD_RE,
    _NEXT_CAPITAL_RE,
    _PASSIVE_BEFORE_RE,
    _PLURAL_BEFORE_RE,
    _SOURCE_END_RE,
    INTERPOSED_WINDOW,
    MAX_CUES,
    SUBJECT_WINDOW,
    TAIL_WINDOW,
)
from .places import _colon_speaker, _final_sourcing, _next_to_quote, _tail
from .subjects import (
    _clause_subject,
    _has_cue,
    _inverted,
    _leading_subject,
    _looks_named,
    _trim_subject,
    document_subject,
    plural_before_verb,
    speaker_for,
)


class WorkCounter:
    """Candidate cue positions and characters examined by the speaker search."""

    def __init__(self) -> None:
        self.cues = 0
        self.chars = 0

    def reset(self) -> None:
        self.cues = self.chars = 0


WORK = WorkCounter()


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
        parts.append(quote_mask(text, s, e))
        last = e + 1
    parts.append(text[last:])
    return "".join(parts), spans


def quote_mask(text: str, s: int, e: int) -> str:
    """Underscores for the quotation ``text[s:e + 1]``; a comma closing it inside the marks
    (' "...," said Wu', ' citing "...," said') stays visible, as if set after them."""
    k = e
    while k > s and text[k] in _CLOSING_MARKS:
        k -= 1  # over the closing mark, doubled ("''") or not
    if k > s and k < e and text[k] == ",":
        return "_" * (e - s) + ","
    return "_" * (e - s + 1)


_CLOSING_MARKS = frozenset("\"'”’")


def attribute(text: str, memory: Memory, masked: str | None = None) -> Attribution:
    """Find the speaker of one sentence and update the article memory.

    ``masked`` is the sentence with its quoted parts already masked, when the caller
    knows quotations that open or close outside the sentence (one running over
    several sentences).
    """
    if masked is None or len(masked) != len(text):
        masked, _spans = mask_quotes(text)
    if "(" in masked or "-" in masked:
        # "Sen. Chris Murphy (D-Conn.) said": the party label is not part of the phrase;
        # between commas its first comma stays, to close the name before an appositive.
        masked = _PARTY_RE.sub(_blank_party, masked)
    quote = _longest_quote(text, masked)
    share = masked.count("_") / max(1, len(text))
    remember_mentions(text, memory)
    speaker, cue = _find_speaker(_headline_cues(masked), memory)
    if speaker is not None and not clean_speaker(speaker):
        speaker, cue = None, None
    if speaker is None and memory.sentence_people:
        memory.narrated = memory.sentence_people[0]
    elif speaker is not None:
        memory.narrated = None
    memory.sentence_people = []
    if speaker is not None:
        remember_speaker(speaker, memory)
        note_gender(speaker, masked, memory)
    return Attribution(speaker, cue, quote, share)


_HEADLINE_WORD_RE = re.compile(r"\b[A-Za-z][a-z’'-]{3,}\b")


def _headline_cues(masked: str) -> str:
    """A headline in title case ("Mayor Lena Ortiz Says Budget Gap Is Worse") with its
    cue words lower-cased, so they read as the verbs they are; other text unchanged."""
    words = _HEADLINE_WORD_RE.findall(masked, 0, 400)
    if len(words) < 4 or sum(1 for w in words if w[:1].isupper()) < 0.8 * len(words):
        return masked
    first = WORD_RE.search(masked)
    start = first.end() if first else 0  # the opening word is capitalised anyway
    return masked[:start] + WORD_RE.sub(_lower_cue, masked[start:])


def _lower_cue(m: re.Match) -> str:
    word = m.group(0)
    low = word.lower()
    return low if word[:1].isupper() and low in CUE_FORMS and low not in _BARE_FORMS else word


_MASK_RUN_RE = re.compile(r"_{2,}")
_PARTY_RE = re.compile(
    r"\s?\((?:[RDI]|Dem|Rep|Ind)(?:[-–][A-Z][\w.]{0,12})?\.?\)|,\s[RDI][-–][A-Z][\w.]{0,12},(?=\s)|"
    r"\s?\([A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]{0,4}\.)?\)"
)


def _blank_party(m: re.Match) -> str:
    label = m.group(0)
    return "," + " " * (len(label) - 1) if label.startswith(",") else " " * len(label)


def _longest_quote(text: str, masked: str) -> str | None:
    best = None
    for m in _MASK_RUN_RE.finditer(masked):
        inner = text[m.start() : m.end()].strip().strip("\"“”'").strip()
        if inner and (best is None or len(inner) > len(best)):
            best = inner
    return best


# Where a second attribution starts inside one sentence: "X said A, while Y said B."
_SECOND_RE = re.compile(r"(?:,\s+(?:while|whereas|but|and)|;|\s+(?:and|but|while|whereas))\s+(?=[A-Z])")


def second_attribution(text: str) -> tuple[int, int] | None:
    """(end of the first clause, start of the second) in ``text``, or None.

    Both sides need a speaker-and-cue of their own: "Tran said the work starts in March,
    while Patel said it would slip to June." (with or without the comma).
    """
    masked, _spans = mask_quotes(text)
    for m in _SECOND_RE.finditer(masked):
        left, right = masked[: m.start()], masked[m.end() :]
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
    found = _before_cue(masked, memory)
    if found is not None:
        return found
    return _after_content(masked, 0, memory) or (None, None)


def _before_cue(masked: str, memory: Memory) -> tuple[Speaker, str] | None:
    """The subject of the first cue that has one ("Council member Raj Patel warned")."""
    examined = 0
    for s, e, cue in cue_positions(masked):
        if cue == "according to":
            continue
        examined += 1
        WORK.cues += 1
        if examined > MAX_CUES:
            break  # cue-dense text: a subject this far in is not the sentence's speaker
        if (
            cue in _BARE_FORMS
            and _NEXT_CAPITAL_RE.match(masked, e)
            and not _PLURAL_BEFORE_RE.search(masked, max(0, s - 30), s)
            and not _ADVERB_BEFORE_RE.search(masked, max(0, s - 16), s)
        ):
            continue  # "Rider advocate Tom Lindqvist": a noun before a name, not a verb ("polls show Trump")
        if _DETERMINER_BEFORE_RE.search(masked, max(0, s - 12), s) or plural_before_verb(masked, e, cue):
            continue  # "Cruz's charges", "the findings", "campaign volunteers said": a noun
        last = _LAST_WORD_RE.search(masked, max(0, s - 24), s)
        if (
            last is not None
            and last.group(1) in CUE_FORMS
            and not _noun_before(last.group(1), cue)
            and not _DETERMINER_BEFORE_RE.search(masked, max(0, last.start(1) - 12), last.start(1))
        ):
            continue  # "said said": a cue right after a cue has no subject between them ("its ruling said" has)
        pre = masked[max(0, s - SUBJECT_WINDOW) : s]
        WORK.chars += len(pre)
        if pre_to(masked, s) or cue.startswith("continu") and masked.startswith(" to ", e):
            continue  # "to comment", "was to promote", "continues to shout": not a cue of its own
        if cue.startswith("ask") and not _ASKED_QUESTION_RE.match(masked, e):
            continue  # "asked Washington to send delegates" is a request the outlet reports
        if (cue in _SAME_PAST or cue.endswith("s") and " " not in cue) and _QUANTIFIER_BEFORE_RE.search(
            masked, max(0, s - 12), s
        ):
            continue  # "Several cast members", "Some advocates": a noun after a quantifier
        if cue in NOUNISH_BASES and not _PLURAL_BEFORE_RE.search(masked, max(0, s - 30), s):
            continue  # "an off-the-cuff remark", "their email": nouns
        if (cue in BASE_FORMS or cue.endswith("s")) and " " not in cue and _VERB_AFTER_RE.match(masked, e):
            continue  # "some cruel remarks were aimed her way": the cue word is the subject
        if cue not in ASSERTING and _RELATIVE_BEFORE_RE.search(masked, max(0, s - 40), s):
            continue  # "customers who sought to pay": a relative clause, not the sentence's cue
        progressive = (
            cue.split()[0].endswith("ing")
            and (" " in cue or cue not in _NOT_PROGRESSIVE)
            and _PROGRESSIVE_RE.search(pre[-40:]) is not None
        )
        if cue in PROGRESSIVE_ONLY and not progressive:
            continue
        if not progressive and (_PASSIVE_BEFORE_RE.search(pre[-32:]) or _INFINITIVE_RE.search(pre[-16:])):
            agent = _passive_agent(masked, e, cue, memory) if _PASSIVE_BEFORE_RE.search(pre[-32:]) else None
            if agent is not None:
                return agent, cue
            continue  # "was reported", "wants to maintain": not the subject's own cue
        if cue in TAIL_CUES and cue not in LISTENER_CUES and pre.rstrip().endswith(","):
            m = _INVERTED_NAME_RE.match(masked, e)
            if m is not None:  # "And Trump, said Sunshine, who ..., doesn't forgive"
                sp = _inverted(m.group("name"), memory)
                if sp is not None and clean_speaker(sp):
                    return sp, cue
        if not progressive and (cue.endswith("ing") or _COORDINATED_RE.search(pre[-40:])):
            # ", saying ..." / "... and said ...": the cue shares the clause's subject.
            if _COMMA_OR_AND_RE.search(pre[-40:]) and not _loose_dash(pre, masked, e, cue):
                sp = _clause_subject(masked[: min(s, SUBJECT_WINDOW)], memory)
                if sp:
                    # "Police were closing roads and urging ..., WXYZ reported": the
                    # sourcing that closes the sentence covers all of it.
                    later = _after_content(masked, e, memory, final=True) if cue not in SPEECH_FORMS else None
                    return later or (sp, cue)
            if cue.endswith("ing"):
                continue
        # "When Ortiz pointed out that ...": a cue with a "that" clause asserts.
        # "When Ortiz pointed out that ...", "after Webb vowed to ...": a cue that asserts or
        # commits keeps its subject inside a subordinate clause.
        lead = _leading_subject(pre, cue in ASSERTING or cue in COMMITTING or masked.startswith(" that ", e))
        if not lead:
            doc = document_subject(pre, cue)
            if doc is not None:
                return doc, cue
        if lead:
            sp = speaker_for(lead[0], cue, memory)
            if sp is not None:
                if lead[1] and sp.kind == PERSON:
                    sp.title = lead[1]
                # "Cruz lacks support ..., said Larry Sabato": a weak predicate's subject
                # yields to sourcing at the sentence's end.
                later = _after_content(masked, e, memory, final=True) if cue not in SPEECH_FORMS else None
                return later or (sp, cue)
    return None


def _after_content(masked: str, start: int, memory: Memory, final: bool = False) -> tuple[Speaker, str] | None:
    """A source named after the content: "according to X", a tail (", said Wu."), an aside.

    With ``final`` only sourcing that closes the sentence counts ("..., according to the
    report." / "..., Sabato said."), not an "according to" opening an inner clause.
    """
    tail_start = max(start, len(masked) - TAIL_WINDOW)
    if final:
        # "Iraq wants ..., Abdul Mahdi told Pompeo, according to the statement": the
        # nearest speech verb first, the document around it after.
        found = _final_sourcing(masked, memory)
        if found is not None and (found[1].split()[0] in TAIL_CUES or found[1] in FINDING_FORMS):
            return found  # ", WXYZ reported." / ", the poll found."
        found = found or _tail(masked[tail_start:], memory)
        if found is not None and found[1].split()[0] in SPEECH_FORMS:
            return found
    m = _ACCORDING_RE.search(masked, start)
    if m and (not final or _FINAL_ACCORDING_RE.match(masked, m.end())):
        subj = _trim_subject(_SOURCE_END_RE.split(m.group("subj"), 1)[0])
        sp = classify(subj, memory)
        if sp is None and clean_phrase(subj):
            # Whatever follows "according to" is a source: a body if named, else a document.
            name = clean_phrase(subj)
            sp = Speaker(name, None, ORGANIZATION if name[:1].isupper() else DOCUMENT)
        if sp and clean_speaker(sp):
            return sp, "according to"
    if final:
        return None
    found_tail = _tail(masked[tail_start:], memory)
    if found_tail is not None:
        return found_tail
    for m in _INTERPOSED_RE.finditer(masked[:INTERPOSED_WINDOW]):
        if m.group("cue") not in TAIL_CUES:
            continue
        sp = speaker_for(_trim_subject(m.group("subj")), m.group("cue"), memory)
        if sp is not None:
            return sp, m.group("cue")
    return None


_ASKED_QUESTION_RE = re.compile(
    r"(?:\s+[\w’'.-]+){0,4}?\s+(?:whether|if|why|how|what|when|where|who|which|about)\b|[\s,:]*_"
)
# "-ing" forms that after "is" describe what happens, not what someone says: "is seeing gains".
_NOT_PROGRESSIVE = frozenset(
    """seeing hearing learning counting measuring ranking rating judging feeling reading
    finding showing backing supporting opposing welcoming speaking talking
    quoting listing charging offering requiring""".split()
)
_SAME_PAST = frozenset("cast put set hit bet read".split())
_VERB_AFTER_RE = re.compile(r"\s+(?:is|are|was|were|has|have|had)\b")
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|which|that)\s+(?:(?:has|have|had|also|\w+ly)\s+)*$")
# An adverb before a base form makes it a verb: "they often blame China".
_ADVERB_BEFORE_RE = re.compile(r"\b(?:often|also|still|now|always|never|repeatedly|openly|publicly|all|both)\s+$")
_QUANTIFIER_BEFORE_RE = re.compile(r"\b(?:several|many|some|few|all|both|each|most|other|\d+)\s+$", re.IGNORECASE)


# Cues whose passive names someone speaking about the subject.
_SAID_OF = frozenset(
    """criticized criticised praised described accused condemned denounced blamed dismissed
    rejected questioned attacked slammed blasted labeled labelled branded mocked ridiculed
    disputed contradicted quoted cited warned urged lambasted faulted chastised""".split()
)


def _passive_agent(masked: str, e: int, cue: str, memory: Memory) -> Speaker | None:
    """ "Trump has been criticized by his rivals for ...": the rivals speak. A question's
    asker is not the speaker of the answer ("asked by a reporter, she said"), and support
    or a guarantee is something done, not said ("supported by the delegates")."""
    if cue not in _SAID_OF:
        return None
    m = _BY_AGENT_RE.match(masked, e)
    if m is None:
        return None
    sp = speaker_for(_trim_subject(m.group("agent")), cue, memory)
    return sp if sp is not None and sp.kind != DOCUMENT else None


def _loose_dash(pre: str, masked: str, e: int, cue: str) -> bool:
    """ "— adding knowledge about ...": after a dash only a speech cue that reports
    wording continues the subject's clause ("– saying he had been misled")."""
    if not pre.rstrip().endswith(("—", "–", "-")):
        return False
    if cue not in ASSERTING:
        return True
    return cue == "adding" and not masked.startswith((" that", " _", ",", ":"), e)


def _noun_before(word: str, cue: str) -> bool:
    """ "voters in each state want", "fundraising documents show": the word before the
    cue is a noun (a base form, or a plural before a plural verb), not a second verb."""
    return word in _BARE_FORMS or word in NOUNISH_BASES or (word.endswith("s") and cue in BASE_FORMS)


def pre_to(masked: str, s: int) -> bool:
    """ "Her task was to promote", "used the show to comment": an infinitive of purpose."""
    return _PURPOSE_TO_RE.search(masked, max(0, s - 40), s) is not None


_PURPOSE_TO_RE = re.compile(
    r"(?:\b(?:was|is|are|were|be|used|use|uses|using|chance|opportunity|attempt|effort|time|way|how|"
    r"what|where|whether|ready|order|platform|stage|moment)|[A-Z][\w’'-]*)\s+to\s+$"
)


# "is telling reporters", "has been calling for": a progressive is a finite cue.
_PROGRESSIVE_RE = re.compile(
    r"\b(?:is|are|was|were|been|be|am|[’']s|[’']re|isn[’']t|aren[’']t|wasn[’']t|weren[’']t)\s+"
    r"(?:(?:also|now|still|not|\w+ly)\s+)?$"
)
_INVERTED_NAME_RE = re.compile(
    r"\s+(?P<name>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*(?:,\s+[^,_;]{2,80}?)?)(?=,|\.?$|;)"
)
_FINAL_ACCORDING_RE = re.compile(r"[^_;:]{0,120}?[.!?]?\s*$")
