"""Who a subject phrase names: canonical speaker, title and kind, with an article memory.

The memory keeps named people (with titles) in order of appearance so that "he",
"the prime minister" or a bare surname later in the article resolve to the last
fitting full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import singular
from .titles import DISPLAY_ALIASES, HONORIFICS, ORG_WORDS, ROLE_WORDS, split_title

PERSON, ORGANIZATION, GROUP, DOCUMENT = "person", "organization", "group", "document"

DOC_WORDS = frozenset(
    """letter memo memorandum report statement study document filing lawsuit complaint
    survey poll analysis assessment review email e-mail note cable decree order ruling
    bill resolution agreement indictment affidavit transcript audit data figures records
    paper draft plan proposal budget release communique communiqué post tweet video
    footage census estimate estimates projections forecast website announcement
    letters memos reports statements studies documents""".split()
)
# Singular nouns for groups of people ("The family said ...").
COLLECTIVES = frozenset(
    """family crowd public community opposition prosecution prosecutors jury panel
    delegation leadership management couple household tribe clan staff electorate""".split()
)
# Plural nouns that open sentences as speakers and must not be read as surnames.
PLURAL_SPEAKERS = frozenset(
    """critics officials analysts experts residents witnesses lawmakers activists sources
    protesters diplomats leaders authorities officers observers scientists researchers
    doctors investigators prosecutors supporters opponents economists historians scholars
    teachers parents students voters employees workers police rescuers medics survivors
    organizers organisers campaigners demonstrators forecasters meteorologists pollsters
    regulators negotiators mediators insiders residents locals villagers""".split()
)
COUNTRIES = frozenset(
    """afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon
    canada chile china colombia croatia cuba cyprus denmark egypt england estonia
    ethiopia finland france georgia germany ghana greece haiti hungary india indonesia
    iran iraq ireland israel italy japan jordan kazakhstan kenya kosovo kuwait lebanon
    libya lithuania malaysia mali mexico moldova morocco myanmar nepal netherlands
    nigeria norway oman pakistan palestine panama peru philippines poland portugal qatar
    romania russia rwanda scotland serbia singapore slovakia somalia spain sudan sweden
    switzerland syria taiwan tajikistan tanzania thailand tunisia turkey uganda ukraine
    uzbekistan venezuela vietnam wales yemen zimbabwe moscow beijing tehran baghdad
    kyiv kiev damascus ankara jerusalem london paris berlin brussels""".split()
)
_ROLE_EXPANSIONS = {
    "gen": "general", "sen": "senator", "rep": "representative", "gov": "governor",
    "pres": "president", "lt": "lieutenant", "col": "colonel", "adm": "admiral",
    "capt": "captain", "sgt": "sergeant", "maj": "major", "dr": "doctor",
    "prof": "professor", "sec": "secretary", "amb": "ambassador", "brig": "brigadier",
}
_DETERMINER_RE = re.compile(r"^(?:the|a|an|this|that|these|those|another|one|some)\s+", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_PREP_SPLIT_RE = re.compile(r"\s+(?:of|from|in|at|for|with|by|on|to|within|inside|across)\s+")
_NAME_TOKEN_RE = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.|al-\w+|bin|ibn|de|van|von|da|del|der|la|le)$")
_WORD_RE = re.compile(r"[\w'’.-]+")
_POSSESSIVE_PRONOUN_RE = re.compile(r"^(his|her|their|its)\s+([a-z][a-z ]{2,40})$", re.IGNORECASE)

PRONOUNS = {"he": PERSON, "she": PERSON, "they": GROUP, "it": ORGANIZATION}


@dataclass(slots=True)
class Speaker:
    name: str | None
    title: str | None
    kind: str | None


@dataclass(slots=True)
class _Entry:
    name: str
    title: str | None
    kind: str
    roles: frozenset


def _roles(title: str | None) -> frozenset:
    if not title:
        return frozenset()
    words = set()
    for tok in _WORD_RE.findall(title.lower()):
        tok = tok.strip(".")
        words.add(_ROLE_EXPANSIONS.get(tok, tok))
    return frozenset(w for w in words if w in ROLE_WORDS and w not in ("of", "the", "for", "and"))


class Memory:
    """People and bodies named so far in one article, most recent last."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.speakers: list[_Entry] = []
        # People named in the sentence being read, in order (its subject first).
        self.sentence_people: list[_Entry] = []

    def remember(self, name: str, title: str | None, kind: str, *, spoke: bool) -> None:
        roles = _roles(title)
        if kind == PERSON and not any(e.name == name for e in self.entries):
            # "Abdul Mahdi" after "Adel Abdul Mahdi" is the same person, not a new one.
            known = self.by_surname(name)
            if known is not None:
                name = known.name
        for e in self.entries:
            if e.name == name:
                if title and better_title(title, e.title):
                    e.title = title
                e.roles = e.roles | roles
                break
        else:
            e = _Entry(name, title, kind, roles)
            self.entries.append(e)
            if len(self.entries) > 200:
                self.entries.pop(0)
        if spoke:
            self.speakers.append(e)
            if len(self.speakers) > 50:
                self.speakers.pop(0)

    def by_surname(self, name: str) -> _Entry | None:
        """A remembered full name ending with ``name`` ("Milley", "Abdul Mahdi")."""
        low = " " + name.lower().replace("-", " ")
        for e in reversed(self.entries):
            full = " " + e.name.lower().replace("-", " ")
            if e.kind == PERSON and full.endswith(low) and len(full) > len(low):
                return e
        return None

    def last_person(self) -> _Entry | None:
        """The subject of the current sentence, else the last person who spoke."""
        if self.sentence_people:
            return self.sentence_people[0]
        return self.by_pronoun(PERSON) or next(
            (e for e in reversed(self.entries) if e.kind == PERSON), None
        )

    def last_issuer(self) -> _Entry | None:
        """Who issued "the statement": the last speaker that is not itself a document."""
        return next((e for e in reversed(self.speakers) if e.kind != DOCUMENT), None)

    def by_role(self, phrase: str) -> _Entry | None:
        wanted = _roles(phrase)
        if not wanted:
            return None
        for pool in (self.speakers, self.entries):
            for e in reversed(pool):
                if e.kind == PERSON and wanted <= e.roles:
                    return e
        return None

    def by_pronoun(self, kind: str) -> _Entry | None:
        for e in reversed(self.speakers):
            if e.kind == kind or (kind == ORGANIZATION and e.kind in (ORGANIZATION, DOCUMENT)) or (
                kind == GROUP and e.kind in (GROUP, ORGANIZATION)
            ):
                return e
        if kind == PERSON:
            # Nobody has spoken yet: fall back to the last person named.
            return next((e for e in reversed(self.entries) if e.kind == PERSON), None)
        return None


def better_title(new: str, old: str | None) -> bool:
    """A descriptive title ("chairman of the joint chiefs") beats a bare honorific ("Gen.")."""
    if not old:
        return True
    old_words = [w.strip(".").lower() for w in old.split()]
    return all(w in HONORIFICS for w in old_words) and len(new) > len(old)


def _speaker(e: _Entry | None) -> Speaker | None:
    return Speaker(e.name, e.title, e.kind) if e else None


def clean_phrase(phrase: str) -> str:
    phrase = phrase.strip(" ,;:—–-\"“”'’()")
    return _DETERMINER_RE.sub("", phrase).strip()


def is_name(tokens: list[str]) -> bool:
    """Capitalised tokens that can form a personal name (1 to 5 of them)."""
    if not 1 <= len(tokens) <= 5 or not tokens[0][:1].isupper():
        return False
    return all(_NAME_TOKEN_RE.match(t) for t in tokens) and not all(len(t) <= 2 for t in tokens)


def classify(phrase: str, memory: Memory) -> Speaker | None:
    """Turn a subject phrase into a speaker, resolving pronouns, roles and surnames."""
    raw = phrase.strip(" ,;:—–-")
    low = raw.lower()
    if low in PRONOUNS:
        return _speaker(memory.by_pronoun(PRONOUNS[low]))
    pm = _POSSESSIVE_PRONOUN_RE.match(raw)
    if pm:
        pron = pm.group(1).lower()
        owner = (
            memory.last_person() if pron in ("his", "her")
            else memory.by_pronoun(GROUP if pron == "their" else ORGANIZATION)
        )
        if owner is None:
            return None
        noun = pm.group(2)
        kind = ORGANIZATION if noun.split()[-1].lower() in ORG_WORDS else GROUP
        return Speaker(f"{owner.name}'s {noun}", None, kind)  # "his office" -> "X's office"
    text = clean_phrase(raw)
    if not text:
        return None
    if text.lower() in ("statement", "announcement", "release", "communique") and raw[:4].lower() == "the ":
        issuer = memory.last_issuer()
        if issuer is not None:
            return _speaker(issuer)
    alias = DISPLAY_ALIASES.get(text.lower()) or DISPLAY_ALIASES.get(raw.lower())
    if alias:
        return Speaker(alias, None, ORGANIZATION)
    tokens = text.split()
    head_seg = _head_segment(text)
    head = head_seg.split()[-1].lower().strip(",.") if head_seg.split() else ""
    if head in DOC_WORDS:
        return Speaker(head_seg, None, DOCUMENT)
    title, name = split_title(text)
    name_tokens = [_POSSESSIVE_RE.sub("", t) if t.endswith(("'s", "’s")) else t for t in name.split()]
    if title and is_name(name_tokens):
        return _person(" ".join(name_tokens), title, memory)
    if " and " in f" {low} " and (_is_plural(head) or len(tokens) > 3):
        return Speaker(text, None, GROUP)
    if head in ORG_WORDS or (head_seg[:1].isupper() and head.rstrip("s") in ORG_WORDS):
        return Speaker(text, None, ORGANIZATION)
    if len(tokens) == 1 and (tokens[0].lower() in PLURAL_SPEAKERS or tokens[0].endswith(("ists", "ians"))):
        return Speaker(text, None, GROUP)  # sentence-initial "Critics", "Officials"
    if is_name(tokens):
        if len(tokens) == 1:
            key = tokens[0].strip(".").lower()
            if key in COUNTRIES:
                return Speaker(tokens[0], None, ORGANIZATION)
            found = memory.by_surname(tokens[0])
            if found:
                return _speaker(found)
        return _person(text, None, memory)
    if head in COLLECTIVES:
        return Speaker(text, None, GROUP)
    if _is_plural(head) or any(_is_plural(t) and t[:1].isalpha() for t in head_seg.split()[:3]):
        return Speaker(text, None, GROUP)
    if head in ROLE_WORDS or head.rstrip(".") in HONORIFICS:
        found = memory.by_role(text)
        if found:
            return _speaker(found)
        return Speaker(text, None, PERSON)
    return None


def _person(name: str, title: str | None, memory: Memory) -> Speaker:
    name = name.strip(" ,")
    found = memory.by_surname(name)
    if found:
        return Speaker(found.name, title or found.title, PERSON)
    return Speaker(name, title, PERSON)


def _head_segment(text: str) -> str:
    """The phrase before its first preposition ("leaked letter" of "leaked letter from ...")."""
    m = _PREP_SPLIT_RE.search(text)
    return text[: m.start()] if m else text


def _is_plural(word: str) -> bool:
    word = word.lower().strip(".,")
    return len(word) > 3 and word[:1].isalpha() and singular(word) != word and word not in ("news", "series")


def remember_speaker(sp: Speaker, memory: Memory) -> None:
    if sp.name and sp.kind:
        memory.remember(sp.name, sp.title, sp.kind, spoke=True)
