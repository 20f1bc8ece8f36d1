"""People named in a sentence, remembered for later pronouns, surnames and roles.

"Gen. Mark Milley, chairman of the Joint Chiefs," or "Nadia Osman, 27, won ..." tell the
article memory who Milley and Osman are, whoever speaks in that sentence.
"""

from __future__ import annotations

import re

from .speakers import PERSON, Memory, clean_phrase, is_label, is_name
from .titles import CONNECTORS, DISPLAY_ALIASES, ORG_WORDS, ROLE_WORDS, split_title

_CLAUSE_WORD_RE = re.compile(
    r"\b(?:that|which|when|because|if|whether|while|although|though|since|as|after|before|"
    r"until|where|what|is|was|were|are|has|have|had|will|would|could|can|should|may|might|"
    r"did|does|do|said|says|it|this|there)\b"
)
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
_SUBJECT_NAME_RE = re.compile(
    r"^(?:[^,]{0,40},\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})(?:\s+[a-z]|,\s+\d{1,3},)"
)
_COMMA_NAME_RE = re.compile(r"[A-Za-z.],\s+[A-Z]|[A-Z][\w'’-]*,\s+[a-z]")
_POSSESSOR_RE = re.compile(r"^[A-Z][\w]*['’]s\s+")


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
    if title is None and is_label(tokens) and is_name(tokens[1:]):
        title, tokens = tokens[0], tokens[1:]  # "Chef Jamie Oliver": the noun is a label
        name = " ".join(tokens)
    if not is_name(tokens) or len(tokens) < 2 or tokens[-1].lower() in ORG_WORDS:
        return
    if name.lower() in DISPLAY_ALIASES or tokens[0].lower() in ("the", "a", "an"):
        return
    if desc:
        desc = _POSSESSOR_RE.sub("", clean_phrase(desc))
    found.append((pos, name, desc or title))
