"""Reading a subject phrase: the noun phrase before a cue, after an inverted cue, or
opening the clause, stepping over asides, auxiliaries and appositives."""

from __future__ import annotations

import re

from ..cues import ASSERTING, BARE_FORMS, BASE_FORMS, CUE_FORMS, FINDING_FORMS, NOUNISH_BASES, SPEECH_FORMS, WORD_RE
from ..nouns import PERSON_NOUNS
from ..speakers import (
    _BAD_FIRST,
    DOC_WORDS,
    DOCUMENT,
    GROUP,
    PERSON,
    QUANTITY_SUBJECT_RE,
    Memory,
    Speaker,
    better_title,
    classify,
    clean_phrase,
    clean_speaker,
)
from .patterns import (
    _ARTICLE_RE,
    _AUX_TAIL_RE,
    _CLAUSE_SUBJECT_RE,
    _CLAUSE_WORD_RE,
    _DESCRIPTION_RE,
    _FINITE_VERB_RE,
    _INNER_CLAUSE_RE,
    _LEADING_ADVERBIAL_RE,
    _MAX_SUBJECT_WORDS,
    _NAME_HEAD_RE,
    _NOUN_AFTER_RE,
    _OPENER_RE,
    _PART_SPLIT_RE,
    _PP_AFTER_RE,
    _RELATIVE_HEAD_RE,
    _RELATIVE_RE,
    _SUBORDINATOR_RE,
    _WITH_RE,
)

_BARE_FORMS = BARE_FORMS


def _clause_subject(head: str, memory: Memory) -> Speaker | None:
    """The subject that opens the sentence ("Trump returned ..., telling ...")."""
    m = _CLAUSE_SUBJECT_RE.match(head)
    if not m:
        return None
    subj = _LEADING_ADVERBIAL_RE.sub("", m.group("subj")).strip()
    if " " not in subj and _PARTICIPLE_OPENING_RE.match(head, m.start("subj")):
        return None  # "Speaking to reporters, ...", "Hastily politicizing ...": an opening phrase, not a name
    if not subj or _CLAUSE_WORD_RE.search(subj.lower()) and subj.lower() not in ("it",):
        return None
    if (
        " " not in subj
        and subj[:1].isupper()
        and memory.by_surname(subj) is None
        and memory.entry(subj) is None
        and _NOUN_AFTER_RE.match(head, m.end("subj"))
    ):
        return None  # "Natural selection endowed ... and reasoned": a capitalised adjective
    sp = classify(subj, memory)
    return sp if sp and clean_speaker(sp) else None


def plural_before_verb(masked: str, e: int, cue: str) -> bool:
    """ "Her campaign volunteers here said": an "-s" cue right before a speech verb is the
    plural noun heading that verb's subject."""
    if " " in cue or not cue.endswith("s"):
        return False
    m = _NEXT_WORD_RE.match(masked, e)
    return m is not None and m.group(1) in SPEECH_FORMS


_NEXT_WORD_RE = re.compile(r"(?:\s+(?:here|there|also|too))?\s+(\w+)")


_PARTICIPLE_OPENING_RE = re.compile(
    r"[A-Z][a-z]{3,}(?:ing\s+(?:to|the|a|an|on|with|about|at|in|for|from|his|her|their|its|up|out|back)\b|ly\s+[a-z]+ing\b)"
)


def _has_cue(phrase: str) -> bool:
    # Base forms are nouns as often as verbs ("Rider advocate Tom Lindqvist").
    # "-ing" forms are adjectives there ("the commanding general"), and an "-s" form
    # after a quantifier is a plural noun ("Some advocates"), as is one heading the
    # phrase ("Her campaign volunteers").
    prev = ""
    words = _PLACE_ADVERB_RE.sub("", phrase).split()
    # Only after a determiner ("Her campaign volunteers"): "technocracy holds" is a clause.
    last = words[-1] if len(words) > 2 and words[0].lower() in _NOUN_DETERMINERS | _QUANTIFIER_WORDS else ""
    for w in WORD_RE.finditer(phrase):
        word = w.group(0)
        if (
            word in CUE_FORMS
            and word not in _BARE_FORMS
            and not word.endswith("ing")
            and not (word.endswith("s") and (prev.lower() in _QUANTIFIER_WORDS or word == last))
            and not (word in NOUNISH_BASES and prev.lower() in _NOUN_DETERMINERS)
        ):
            return True
        prev = word
    return False


# After these a speech base is a noun: "each state", "the reply".
_NOUN_DETERMINERS = frozenset("a an the each every this that its his her their our one".split())
_QUANTIFIER_WORDS = frozenset("some many several few all both most other the these those their our".split())


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


def _leading_subject(pre: str, asserting: bool = True) -> tuple[str, str | None] | None:
    """(speaker phrase, appositive title) before a cue, or None if it is not a subject.

    The subject is the comma-separated part nearest the cue, stepping back over
    parentheticals: appositive descriptions ("the chairman of ..."), participle
    phrases ("bearing the name of ..."), relative clauses and ages.
    """
    pre = _strip_aux(_TRAILING_PAREN_RE.sub("", pre)).rstrip()
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
        if k > 0 and (
            not part
            or _ASIDE_RE.match(part)
            or aside
            and (_is_parenthetical(part) or _PREP_ASIDE_RE.match(part) or _state_after_city(parts[k - 1], part))
        ):
            k -= 1  # "Experts, however, said" / "Milley, the chairman, said"
            continue
        break
    if k < 0:
        return None
    subject = _LEADING_ADVERBIAL_RE.sub("", parts[k]).strip()
    subject = _PLACE_ADVERB_RE.sub("", _WITH_RE.sub("", subject))
    if " and " in subject and not aside:
        listed = _whole_list(parts[:k], subject, pre)
        if listed is None:
            return None
        subject = listed
    # "While Ramos said ...": a speech verb's subject stays a speaker inside a
    # subordinate clause; "When Dion decided ..." is the outlet narrating.
    subject = (_SUBORDINATOR_RE if asserting else _OPENER_RE).sub("", subject)
    rel = _RELATIVE_RE.search(subject)
    if rel and _RELATIVE_HEAD_RE.match(subject):
        subject = subject[: rel.start()]  # "A woman who has accused ... said": "A woman"
    if not subject or len(subject.split()) > _MAX_SUBJECT_WORDS:
        return None
    low = subject.lower()
    if _CLAUSE_WORD_RE.search(low) and low not in ("it", "this"):
        inner = _INNER_CLAUSE_RE.match(subject) if asserting else None
        rest = subject[inner.end() :] if inner else ""
        if not rest or _CLAUSE_WORD_RE.search(rest.lower()) or len(rest.split()) > 8:
            return None
        subject, low = rest, rest.lower()
    if _has_cue(subject):
        return None
    if _VERB_THEN_ARTICLE_RE.search(subject):
        return None  # "things stand the Government": a clause with its verb inside
    if _FINITE_VERB_RE.search(_AGE_RE.sub("", subject)) and not QUANTITY_SUBJECT_RE.match(subject):
        return None  # "The storm dumped 8 inches ..." is a clause, not a speaker
    title = None
    if _looks_named(subject):
        if k + 1 < len(parts) and _starts_description(parts[k + 1]):
            title = clean_phrase(parts[k + 1])  # "Mark Milley, the chairman of ..."
        elif k > 0 and _starts_description(parts[k - 1]) and not _CLAUSE_WORD_RE.search(parts[k - 1]):
            title = clean_phrase(parts[k - 1])  # "The chairman of ..., Gen. Mark Milley,"
    return subject, title or None


# "The 57-year-old scientist", "the nominee for the Nov. 8 election", "a group of 32
# experts", "A 2014 study", "an ad in 2008": an age, a date, a count or a year that
# qualifies a noun is no clause's number ("come 2008 the actress" stays a clause).
_AGE_RE = re.compile(
    r"\b\d{1,3}-year-old\b|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b|"
    r"\b(?:of|than)\s+\d[\d,]*\b|\b(?:[Aa]n?|[Tt]he|in)\s+(?:19|20)\d\d\b"
)
# "Kasich (who has 25 delegates to date) said": the aside in brackets is not the subject.
_TRAILING_PAREN_RE = re.compile(r"\s*\([^()]{1,160}\)\s*$")
# "Her campaign workers here said": the place adverb is not part of the speaker.
_PLACE_ADVERB_RE = re.compile(r"\s+(?:here|there)$")


def _state_after_city(before: str, part: str) -> bool:
    """ "of Flint, Mich.," / "in Columbus, Ohio,": the state that completes a place."""
    return _PLACE_END_RE.search(before) is not None and _STATE_RE.match(part) is not None


_PLACE_END_RE = re.compile(r"\b(?:in|of|from|at|near)\s+(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*$")
_STATE_RE = re.compile(r"^(?:[A-Z][a-z]*\.?\s*){1,2}$|^[A-Z]\.[A-Z]\.$")


def _whole_list(before: list[str], last: str, pre: str) -> str | None:
    """ "Friends, lobbyists and former foes": the items before the last one belong to it.

    Only a list that opens its clause: after a long part ("lists cards from Nvidia,
    Asus and EVGA") the items are an object, and a last part with a preposition
    ("Maynard, at a Miami airport on drug and money charges") is no list at all."""
    head = last.split(" and ", 1)[0]
    if _LIST_PREP_RE.search(head) or last.split()[0].lower() in _BAD_FIRST:
        return last
    whole, n = last, len(before)
    for item in reversed(before[-4:]):
        joined = f"{item}, {last}"
        words = item.split()
        if (
            not 1 <= len(words) <= 5
            or words[0].lower() in _BAD_FIRST
            or _CLAUSE_WORD_RE.search(item.lower())
            or _has_cue(item)
            or not pre.endswith(joined)
        ):
            break
        last = joined
        n -= 1
    if last != whole and n > 0 and not _opener(before[n - 1]):
        return None  # the items continue an object: "bikes from Trek, Giant and Scott"
    return last


_LIST_PREP_RE = re.compile(r"\s(?:at|on|in|of|for|from|with|by|to|into|over|under)\s")


def _opener(part: str) -> bool:
    """ "In Millbrook", "On Monday night": a short adverbial the subject may follow."""
    words = part.split()
    return len(words) <= 8 and bool(words) and words[0].lower() in _BAD_FIRST


def _is_parenthetical(part: str) -> bool:
    if _ARTICLE_RE.match(part):
        part = _RELATIVE_RE.split(part, 1)[0]  # "a Republican who has refused to ..."
    first = part.split(" ", 1)[0].lower() if part else ""
    participle = first.endswith(("ing", "ed")) and part[:1].islower() and first not in _NOT_DESCRIPTION
    if _CLAUSE_WORD_RE.search(part.lower()) and first not in ("who", "which", "whose") and not participle:
        return False
    return (
        _starts_description(part)
        or _POSSESSIVE_ROLE_RE.match(part) is not None
        or first in ("who", "which", "whose", "aged", "republican", "democrat", "independent")
        or first.isdigit()
        or (first.endswith(("ing", "ed")) and part[:1].islower())
    )


# "Ortiz's director of field operations": an owner's role, an appositive like "the director".
_POSSESSIVE_ROLE_RE = re.compile(r"^(?:[A-Z][\w.-]*\s+(?:(?:of|for|the|and)\s+)?){0,3}[A-Z][\w.-]*['’]s?\s+[a-z]")
# "Cruz, with unconcealed delight, chided": a prepositional aside between subject and cue.
_PREP_ASIDE_RE = re.compile(r"^(?:with|in|at|on|during|after|before|from|through|like|despite)\s+\S")
# Asides that describe nobody: "Tom Riley, for example, said".
_ASIDE_RE = re.compile(r"^(?:for\s+(?:example|instance)|in\s+(?:fact|turn|particular)|of\s+course)$", re.I)


def _starts_description(part: str) -> bool:
    """An appositive description: "the chairman of ...", "chairman of ...", "a spokesman"."""
    if _ASIDE_RE.match(part.strip()) or _PREP_ASIDE_RE.match(part):
        return False  # "for example", "during a town hall in Columbus": no description
    if _DESCRIPTION_RE.match(part) or _POSSESSIVE_ROLE_RE.match(part):
        return True
    first = part.split(" ", 1)[0]
    if first.lower() == "the" and _looks_named(part[4:]) and part.split()[-1].lower() not in PERSON_NOUNS:
        return False  # "the Daily Ledger": a name with its article ("the Democratic pollster" describes)
    return first[:1].islower() and first.lower() not in _NOT_DESCRIPTION


_NOT_DESCRIPTION = frozenset("his her their its he she they it we i with as and but or while when whose who".split())


def _looks_named(part: str) -> bool:
    toks = part.split()
    return 1 <= len(toks) <= 6 and all(t[:1].isupper() for t in toks)


_IN_ITS_RE = re.compile(r"\s+in\s+(?:its|his|her|their)\s+[a-z]+(?:\s+[a-z]+)?\.?$")


def _inverted(subj: str, memory: Memory) -> Speaker | None:
    """'..., said Gen. Mark Milley, chairman of the Joint Chiefs.'"""
    bits = [b.strip() for b in subj.split(",") if b.strip()]
    if not bits or len(bits[0].split()) > 8:
        return None
    bits[0] = _IN_ITS_RE.sub("", bits[0])  # "explained the court in its ruling"
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


# A described subject of a speech verb whose noun no lexicon lists ("the moderator said",
# "One California delegate told ..."): after a speech verb it can only be a speaker.
_DESCRIBED_RE = re.compile(
    r"^(?:the|a|an|one|another|other|some|several|many|two|three|four|five)\s+"
    r"(?:[\w'’-]+\s+){0,4}[a-z][a-z-]{2,}$",
    re.IGNORECASE,
)
_NOT_HEAD_RE = re.compile(r"(?:ly|day|week|month|year|time|night|morning|evening|afternoon)$")
_STRONG_CUES = ASSERTING
_VERB_THEN_ARTICLE_RE = re.compile(
    r"(?<=\s)(?!(?:of|in|at|for|from|with|on|by|to|and|or|but|nor|as|than|about|over|under|into|across|"
    r"near|after|before|behind|between|among|against|like|via|per|is|was|are|were|within|without|throughout|"
    r"around|beyond|toward|towards|inside|outside|amid|upon|during|through|including|despite|along)\b)"
    r"[a-z]+\s+(?:the|an?)\s"
)
_EVIDENCE_RE = re.compile(
    r"^(?:(?:the|a|an|this|that|these|new|recent|exit|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,7}[a-z][a-z-]{3,}$",
    re.IGNORECASE,
)


def speaker_for(phrase: str, cue: str, memory: Memory) -> Speaker | None:
    """The clean speaker a subject phrase names, or a description when the cue is a
    speech verb and the phrase a determiner-led noun phrase."""
    sp = classify(phrase, memory)
    if (
        sp is None
        and cue in _STRONG_CUES
        and cue not in BASE_FORMS
        and _DESCRIBED_RE.match(phrase)
        and not _NOT_HEAD_RE.search(phrase)
    ):
        name = clean_phrase(phrase)
        sp = Speaker(name, None, GROUP) if name else None
    elif sp is None and cue in FINDING_FORMS and cue not in BASE_FORMS and _EVIDENCE_RE.match(phrase):
        name = clean_phrase(phrase)  # "Recent polling shows", "a projection from X shows"
        sp = Speaker(name, None, DOCUMENT) if name else None
    if sp is not None and not clean_speaker(sp):
        sp = None
    if sp is None and " and " in phrase:
        sp = _pair(phrase, memory)
    if sp is None and (cue in _STRONG_CUES or cue in FINDING_FORMS) and cue not in BASE_FORMS:
        sp = _document(phrase) or _described(phrase)
    return sp if sp is not None and clean_speaker(sp) else None


# A document named with what made it or when: "A poll conducted by the college last week",
# "The March survey", "a leaked copy of the memo seen by reporters".
_TOKEN_RE = re.compile(r"\S+")
_DOC_OPENERS = frozenset("the a an this that one another its their his her".split())
# What may follow the document's noun: who made, sent or saw it, and when.
_DOCUMENT_REST_RE = re.compile(
    r"^(?:\s+(?:of|from|by|on|about|in|to|for|with|into|over)\s+[^,;]{1,80}?)?"
    r"(?:\s+(?:conducted|released|issued|obtained|seen|published|prepared|commissioned|filed|sent|"
    r"written|posted|made|reviewed|leaked|circulated|produced|signed)(?:\s+[^,;]{1,80})?)?\s*$",
    re.IGNORECASE,
)


def _document(phrase: str) -> Speaker | None:
    words = list(_TOKEN_RE.finditer(phrase, 0, 200))
    if words and words[0].group(0).lower() in _DOC_OPENERS:
        words = words[1:]
    end = -1
    for w in words[:7]:
        low = w.group(0).lower()
        if _CLAUSE_WORD_RE.match(low):
            return None
        if low in DOC_WORDS or low.endswith("s") and low[:-1] in DOC_WORDS:
            end = w.end()
            break
    if end < 0 or not _DOCUMENT_REST_RE.match(phrase[end:]):
        return None
    name = phrase[:end]
    if not clean_speaker(Speaker(clean_phrase(name), None, DOCUMENT)):
        # "The March survey": a month opening the phrase keeps its article.
        return Speaker(name[:1].lower() + name[1:], None, DOCUMENT) if name[:1].isupper() else None
    return Speaker(clean_phrase(name), None, DOCUMENT)


# "A senior fellow at the Hoover Institution": a described person, whatever body follows.
_DESCRIBED_HEAD_RE = re.compile(
    r"^(?i:the|a|an|one|another)\s+(?:[a-z][\w'’-]*\s+){0,3}[a-z][a-z-]{2,}(?=\s+(?:at|of|for|with|from|in)\s+(?:the\s+)?[A-Z])"
)


def _described(phrase: str) -> Speaker | None:
    m = _DESCRIBED_HEAD_RE.match(phrase)
    if m is None or _NOT_HEAD_RE.search(m.group(0)) or _CLAUSE_WORD_RE.search(phrase.lower()):
        return None
    name = clean_phrase(phrase)
    return Speaker(name, None, GROUP) if name else None


def document_subject(pre: str, cue: str) -> Speaker | None:
    """A document subject the clause reading rejects for its participle or date
    ("A poll conducted by the college last week showed", "A March 3 email shows")."""
    if cue not in FINDING_FORMS and cue not in _STRONG_CUES:
        return None
    part = _PART_SPLIT_RE.split(_strip_aux(pre).rstrip())[-1]
    part = _LEADING_ADVERBIAL_RE.sub("", part.strip()).strip()
    doc = _document(part) if part else None
    if doc is not None and cue in BASE_FORMS and not (doc.name or "").endswith("s"):
        return None  # a base form agrees with a plural only ("city documents show")
    return doc


def _pair(phrase: str, memory: Memory) -> Speaker | None:
    """ "Ortiz and Kim", "Mr. Lee and his deputy": two named people speaking together."""
    left, _, right = phrase.partition(" and ")
    if not (_looks_named(left) and _looks_named(right)) or len(phrase.split()) > 8:
        return None
    a, b = classify(left, memory), classify(right, memory)
    if a is None or b is None or a.kind != PERSON or b.kind != PERSON:
        return None
    return Speaker(f"{a.name} and {b.name}", None, GROUP)
