"""Who a subject phrase names: canonical speaker, title and kind, with an article memory.

The memory keeps named people (with titles) in order of appearance so that "he",
"the prime minister" or a bare surname later in the article resolve to the last
fitting full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleanspeakers import _BAD_FIRST, clean_speaker  # noqa: F401  (re-exported for callers)
from .nouns import COUNTRIES, FEMALE_NAMES, MALE_NAMES, PERSON_NOUNS, QUANTIFIERS
from .numbers import singular
from .titles import DISPLAY_ALIASES, HONORIFICS, KNOWN_BODIES, ORG_WORDS, ROLE_WORDS, split_title

PERSON, ORGANIZATION, GROUP, DOCUMENT = "person", "organization", "group", "document"

DOC_WORDS = frozenset(
    """letter memo memorandum report statement study document filing lawsuit complaint
    survey poll analysis assessment review email e-mail note cable decree order ruling
    bill resolution agreement indictment affidavit transcript audit data figures records
    paper draft plan proposal film documentary book article ad advertisement editorial
    column memoir research budget release communique communiqué post tweet video
    footage census estimate estimates projections forecast website announcement
    letters memos reports statements studies documents tally count calculations
    filings polls surveys investigation probe inquiry suit message accord petition motion
    verdict ads rule regulation guidance manifesto law laws""".split()
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
    regulators negotiators mediators insiders residents locals villagers people others""".split()
)
_ROLE_EXPANSIONS = {
    "gen": "general",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "pres": "president",
    "lt": "lieutenant",
    "col": "colonel",
    "adm": "admiral",
    "capt": "captain",
    "sgt": "sergeant",
    "maj": "major",
    "dr": "doctor",
    "prof": "professor",
    "sec": "secretary",
    "amb": "ambassador",
    "brig": "brigadier",
}
_DETERMINER_RE = re.compile(r"^(?:the|a|an|this|that|these|those|another|one|some)\s+", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_PREP_SPLIT_RE = re.compile(
    r"\s+(?:of|from|in|at|for|with|by|on|to|within|inside|across|familiar|close|knowledgeable|"
    r"briefed|involved|aware|who|that|whose)\s+"
)
_NAME_TOKEN_RE = re.compile(r"^(?:[A-Z][\w'’-]*\.?|(?:[A-Z]\.)+|al-\w+|bin|ibn|de|van|von|da|del|der|la|le)$")
_WORD_RE = re.compile(r"[\w'’.-]+")
_DOC_CUT_RE = re.compile(r",|\s(?:obtained|released|published|conducted|broadcast|posted|that|which|who)\s")
_MAKER_RE = re.compile(r"\s+(?:by|from|of)\s+(?:the\s+)?[A-Z]")
_PERCENT_RE = re.compile(r"\bpercent\b|%")
# Shares of people: "Almost half of respondents", "One in four voters", "58 percent of ...".
QUANTITY_SUBJECT_RE = re.compile(
    r"^(?:(?:almost|nearly|about|roughly|only|just|over|more\s+than|fewer\s+than|less\s+than|at\s+least)\s+){0,2}"
    r"(?:\d[\d,.]*\s*(?:percent|%)|(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:in|out\s+of)\s+\w+|"
    r"half|most|many|some|a\s+majority|a\s+third|a\s+quarter|two-thirds|three-quarters|a\s+plurality)\b",
    re.IGNORECASE,
)
# Offices named without their holder ("International Trade Secretary", "Foreign Minister").
_OFFICES = frozenset(
    """secretary minister chancellor commissioner spokesperson spokesman spokeswoman
    attorney-general ombudsman""".split()
)


def _unnamed_office(tokens: list[str]) -> bool:
    """Capitalised words ending with an office and opening with no honorific or first
    name: "Stephen King" and "Mr. King" are people, "Defense Secretary" is an office."""
    first = tokens[0].lower().strip(".")
    return (
        len(tokens) > 1
        and tokens[-1].lower() in _OFFICES
        and first not in HONORIFICS
        and first not in MALE_NAMES
        and first not in FEMALE_NAMES
    )


_SERVES_RE = re.compile(r"\s(?:for|to)\s")
_PLURAL_ACRONYM_RE = re.compile(r"^[A-Z]{2,5}s$")
_ONLY_RE = re.compile(r"^(?:only|just|even)\s+", re.IGNORECASE)
_ACRONYM_RE = re.compile(r"^(?:(?:[A-Z]\.){2,}|[A-Z]{2,6}s?)$")
_POSSESSIVE_PRONOUN_RE = re.compile(r"^(his|her|their|its)\s+([a-z][a-z ]{2,40})$", re.IGNORECASE)

PRONOUNS = {"he": PERSON, "she": PERSON, "they": GROUP, "it": ORGANIZATION}
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_TITLE_GENDER = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "father": "m",
    "brother": "m",
    "congressman": "m",
    "councilman": "m",
    "chairman": "m",
    "spokesman": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
    "sister": "f",
    "congresswoman": "f",
    "councilwoman": "f",
    "chairwoman": "f",
    "spokeswoman": "f",
}


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
    gender: str | None = None  # "m", "f" or None when the text has not said


def guess_gender(name: str, title: str | None) -> str | None:
    """Gender the text gives: an honorific or gendered role, else a common first name."""
    for tok in _WORD_RE.findall((title or "").lower()):
        g = _TITLE_GENDER.get(tok.strip("."))
        if g:
            return g
    first = name.split()[0].lower().strip(".") if name.split() else ""
    if first in MALE_NAMES:
        return "m"
    if first in FEMALE_NAMES:
        return "f"
    return None


def _qualifiers(phrase: str) -> list[str]:
    """Capitalised words in a role phrase that are not roles: "Vermont" in "the Vermont senator"."""
    out = []
    for i, tok in enumerate(phrase.split()):
        low = tok.strip(".,’'").lower()
        if tok[:1].isupper() and low not in ROLE_WORDS and low not in HONORIFICS and not (i == 0 and low in _OPENERS):
            out.append(low)
    return out


_OPENERS = frozenset("the a an this that".split())


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
        # Places a person was named with ("Sen. Dana Webb of Ohio"): "the Ohio senator".
        self.places: dict[str, set[str]] = {}
        # The person a sentence with no speaker was about ("The plan was drafted by Raj
        # Patel."): a "he said" right after it is theirs, not the previous speaker's.
        self.narrated: _Entry | None = None

    def remember(self, name: str, title: str | None, kind: str, *, spoke: bool) -> None:
        if kind == PERSON:
            name = tidy_name(name)
            if not name:
                return
        roles = _roles(title)
        gender = guess_gender(name, title) if kind == PERSON else None
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
                e.gender = e.gender or gender
                break
        else:
            e = _Entry(name, title, kind, roles, gender)
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
        return self.by_pronoun(PERSON) or next((e for e in reversed(self.entries) if e.kind == PERSON), None)

    def last_issuer(self) -> _Entry | None:
        """Who issued "the statement": the last speaker that is not itself a document."""
        return next((e for e in reversed(self.speakers) if e.kind != DOCUMENT), None)

    def by_role(self, phrase: str) -> _Entry | None:
        """The last person holding the role ``phrase`` names. A qualifier in the phrase
        ("the Vermont senator") must be in that person's title too: the text has not
        said which senator is from Vermont otherwise, so no one is guessed."""
        wanted = _roles(phrase)
        if not wanted:
            return None
        qualifiers = _qualifiers(phrase)
        for pool in (self.speakers, self.entries):
            for e in reversed(pool):
                if e.kind == PERSON and wanted <= e.roles:
                    title = f" {(e.title or '').lower()} "
                    known = self.places.get(e.name, set())
                    if all(f" {q} " in title or q in known for q in qualifiers):
                        return e
        return None

    def by_pronoun(self, kind: str, gender: str | None = None) -> _Entry | None:
        """The last speaker a pronoun can refer to; "he" skips women and vice versa.
        A person the narration turned to since then comes first."""
        told = self.narrated
        if kind == PERSON and told is not None and not (gender and told.gender and told.gender != gender):
            return told
        for e in reversed(self.speakers):
            if kind == PERSON and gender and e.kind == PERSON and e.gender and e.gender != gender:
                continue
            if (
                e.kind == kind
                or (kind == ORGANIZATION and e.kind in (ORGANIZATION, DOCUMENT))
                or (kind == GROUP and e.kind in (GROUP, ORGANIZATION))
            ):
                return e
        if kind == PERSON:
            # Nobody has spoken yet: fall back to the last person named.
            return next(
                (
                    e
                    for e in reversed(self.entries)
                    if e.kind == PERSON and not (gender and e.gender and e.gender != gender)
                ),
                None,
            )
        return None

    def entry(self, name: str) -> _Entry | None:
        return next((e for e in reversed(self.entries) if e.name == name), None)


_TRAILING_POSSESSIVE_RE = re.compile(r"(?:['’]s?)+$")


def tidy_name(name: str) -> str:
    """A person's name without an opening conjunction or adverb ("But Sanders") or a
    trailing possessive ("Bernie Sanders’")."""
    toks = name.split()
    while toks and toks[0].lower().strip(",") in _BAD_FIRST:
        toks.pop(0)
    return _TRAILING_POSSESSIVE_RE.sub("", " ".join(toks)).strip(" ,")


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


_PARTICLES = frozenset("de van von da del der di du la le".split())


def is_name(tokens: list[str]) -> bool:
    """Capitalised tokens that can form a personal name (1 to 5 of them)."""
    if not 1 <= len(tokens) <= 5:
        return False
    if not tokens[0][:1].isupper() and not (tokens[0] in _PARTICLES and len(tokens) > 1 and tokens[1][:1].isupper()):
        return False  # "de Blasio", "van Gogh" open with their particle
    if not all(_NAME_TOKEN_RE.match(t) for t in tokens):
        return False
    # Initials alone are not a name, but a short surname is ("Wu", "Ng").
    return not all(len(t) <= 2 for t in tokens) or (
        len(tokens) == 1 and tokens[0][1:].islower() and len(tokens[0]) == 2
    )


def classify(phrase: str, memory: Memory) -> Speaker | None:
    """Turn a subject phrase into a speaker, resolving pronouns, roles and surnames."""
    raw = phrase.strip(" ,;:—–-")
    low = raw.lower()
    if low in PRONOUNS:
        gender = _PRONOUN_GENDER.get(low)
        found = memory.by_pronoun(PRONOUNS[low], gender)
        if found is not None and gender and found.gender is None:
            found.gender = gender  # "he adds": a later "she" is someone else
        return _speaker(found)
    pm = _POSSESSIVE_PRONOUN_RE.match(raw)
    if pm:
        pron = pm.group(1).lower()
        owner = (
            memory.last_person()
            if pron in ("his", "her")
            else memory.by_pronoun(GROUP if pron == "their" else ORGANIZATION)
        )
        noun = pm.group(2)
        kind = ORGANIZATION if noun.split()[-1].lower() in ORG_WORDS else GROUP
        if owner is None:
            # Nobody to own it yet: "her campaign workers" is still a described speaker.
            head = noun.split()[-1].lower()
            describes = kind == ORGANIZATION or head in PERSON_NOUNS or _is_plural(head)
            return Speaker(noun, None, kind) if describes and len(noun.split()) <= 4 else None
        return Speaker(f"{owner.name}'s {noun}", None, kind)  # "his office" -> "X's office"
    if QUANTITY_SUBJECT_RE.match(raw):
        return Speaker(_ONLY_RE.sub("", raw), None, GROUP)  # "Only 4 in 10 voters": the voters
    text = clean_phrase(raw)
    both = _BOTH_RE.match(text)
    if both:
        text = text[both.end() :]  # "Both candidates": the candidates ("both" opens no name)
    if not text:
        return None
    if text.lower() in ("statement", "announcement", "release", "communique") and raw[:4].lower() == "the ":
        issuer = memory.last_issuer()
        if issuer is not None:  # a document stays a document: "Security Council statement"
            return Speaker(f"{issuer.name} {text.lower()}", None, DOCUMENT)
    alias = DISPLAY_ALIASES.get(text.lower()) or DISPLAY_ALIASES.get(raw.lower())
    if alias:
        return Speaker(alias, None, ORGANIZATION)
    tokens = text.split()
    head_seg = _head_segment(text)
    head = head_seg.split()[-1].lower().strip(",.") if head_seg.split() else ""
    if head in DOC_WORDS:
        # "analysis by the Pew Research Center": a document keeps the body that made it.
        full = _DOC_CUT_RE.split(text, 1)[0].strip(" ,")
        named = _MAKER_RE.match(full, len(head_seg)) and len(full.split()) <= 10
        return Speaker(full if named else head_seg, None, DOCUMENT)
    title, name = split_title(text)
    name_tokens = [_POSSESSIVE_RE.sub("", t) if t.endswith(("'s", "’s")) else t for t in name.split()]
    if title and text[:1].islower() and _SERVES_RE.search(title):
        # "a spokeswoman for Governor Reyes", "an adviser to Mr. Hill": the name is whom
        # the described person works for, not the speaker.
        return Speaker(text, None, GROUP)
    if title and is_name(name_tokens):
        return _person(" ".join(name_tokens), title, memory)
    if head_seg != text and _PERCENT_RE.search(text) is None:
        # "Senator Barbara Boxer of California": the name before a place or a body.
        t2, n2 = split_title(head_seg)
        n2_tokens = n2.split()
        if is_name(n2_tokens) and (t2 or len(n2_tokens) >= 2) and n2_tokens[-1].lower() not in ORG_WORDS:
            sp = _person(n2, t2, memory)
            place = _qualifiers(text[len(head_seg) :])
            if place and sp.name:
                memory.places.setdefault(sp.name, set()).update(place)
            return sp
    first = tokens[0].lower()
    if _PERCENT_RE.search(text) or (first in QUANTIFIERS and (len(tokens) == 1 or tokens[1] == "of")):
        return Speaker(text, None, GROUP)  # "Most of the candidates", "Twenty-four percent"
    led = _DETERMINER_RE.match(raw) is not None and tokens[-1].islower()
    if (head in PERSON_NOUNS or led and _person_like(head)) and (
        text[:1].islower() or led or head.endswith("s") and len(tokens) <= 3
    ):
        found = memory.by_role(text) if head in ROLE_WORDS else None
        # "a source familiar with ...", "Senate Republicans": described, never a person.
        return _speaker(found) if found else Speaker(text, None, GROUP)
    labelled = _labelled_names(tokens, memory)
    if labelled is not None:
        return labelled
    described = _described_name(tokens)
    if described is not None:
        return _person(described[1], described[0], memory)  # "Rider advocate Tom Lindqvist"
    if " and " in f" {low} " and (_is_plural(head) or len(tokens) > 3):
        return Speaker(text, None, GROUP)
    if head in ORG_WORDS or (head_seg[:1].isupper() and head.rstrip("s") in ORG_WORDS):
        return Speaker(text, None, ORGANIZATION)
    if len(tokens) == 1 and (tokens[0].lower() in PLURAL_SPEAKERS or tokens[0].endswith(("ists", "ians"))):
        return Speaker(text, None, GROUP)  # sentence-initial "Critics", "Officials"
    if _PLURAL_ACRONYM_RE.match(tokens[-1]) and len(tokens) <= 3:
        return Speaker(text, None, GROUP)  # "MPs", "Opposition MPs", "CEOs": people
    if len(tokens) == 1 and _ACRONYM_RE.match(tokens[0]):
        return Speaker(tokens[0], None, ORGANIZATION)  # "F.B.I.", "NATO": a body, not a person
    if is_name(tokens) and _unnamed_office(tokens):
        # "International Trade Secretary": a role with no name, whoever holds it.
        found = memory.by_role(text)
        return _speaker(found) if found else Speaker(text, None, GROUP)
    if is_name(tokens):
        key = tokens[0].strip(".").lower()
        if key in KNOWN_BODIES and memory.by_surname(tokens[0]) is None:
            return Speaker(text, None, ORGANIZATION)  # "Amazon", "Meta Platforms"
        if len(tokens) > 1 and all(t.isupper() for t in tokens):
            return None  # "MSM MIA": capitals that name no one
        if len(tokens) == 1:
            if key in COUNTRIES:
                return Speaker(tokens[0], None, ORGANIZATION)
            found = memory.by_surname(tokens[0])
            if found:
                return _speaker(found)
            if singular(key) != key and singular(key) in PERSON_NOUNS:
                return Speaker(text, None, GROUP)  # sentence-initial "Adults", "Peers"
            if _PARTICIPLE_RE.match(tokens[0]):
                return None  # "Published", "Updated": page furniture, not a surname
        return _person(text, None, memory)
    if head in COLLECTIVES:
        return Speaker(text, None, GROUP)
    if _is_plural(head) or any(_is_plural(t) and t[:1].isalpha() for t in head_seg.split()[:3]):
        return Speaker(text, None, GROUP)
    if head in ROLE_WORDS or head.rstrip(".") in HONORIFICS:
        found = memory.by_role(text)
        if found:
            return _speaker(found)
        # An unnamed role ("a campaign spokesman") is a description, never a person.
        return Speaker(text, None, GROUP)
    return None


_BOTH_RE = re.compile(r"^[Bb]oth\s+(?=[a-z])")
# A past participle alone ("Published", "Sponsored"); short "-ed" names ("Reed", "Ahmed")
# and "-eed"/"-mmed" names stay names.
_PARTICIPLE_RE = re.compile(r"^[A-Z][a-z]{4,}(?<!e)(?<!mm)ed$")
_PERSON_SUFFIX_RE = re.compile(r"^[a-z-]{3,}(?:ist|ian|eon|\d-year-old)s?$|^\d+-year-old$")
_NOT_PERSON_TAILS = ("list", "lists", "twist", "twists")


def _person_like(head: str) -> bool:
    """A lowercase head noun that names a person by its ending: "the columnist", "the
    librarian", "the neurosurgeon", "the 43-year-old"."""
    return _PERSON_SUFFIX_RE.match(head) is not None and not head.endswith(_NOT_PERSON_TAILS)


def is_label(tokens: list[str]) -> bool:
    """Whether the first of three or more capitalised tokens is a person noun ("Chef")."""
    label = tokens[0].lower() if tokens else ""
    return len(tokens) >= 3 and tokens[0][:1].isupper() and (label in PERSON_NOUNS or singular(label) in PERSON_NOUNS)


def _labelled_names(tokens: list[str], memory: Memory) -> Speaker | None:
    """ "Chef Jamie Oliver", "Chefs Jamie Oliver and Nigella Lawson", "Republican Dana Webb":
    a capitalised person noun before one name or a pair is their title, not a first name."""
    if not is_label(tokens):
        return None
    rest = tokens[1:]
    if is_name(rest):
        return _person(" ".join(rest), tokens[0], memory)
    joined = " ".join(rest)
    left, sep, right = joined.partition(" and ")
    if sep and is_name(left.split()) and is_name(right.split()):
        return Speaker(joined, tokens[0], GROUP)
    return None


def _described_name(tokens: list[str]) -> tuple[str, str] | None:
    """(description, name) for "Council member Raj Patel", "Republican pollster Daron Shaw"."""
    if len(tokens) < 3:
        return None
    k = len(tokens)
    while k > 0 and tokens[k - 1][:1].isupper() and _NAME_TOKEN_RE.match(tokens[k - 1]):
        k -= 1
    name, desc = tokens[k:], tokens[:k]
    if not 2 <= len(name) <= 4 or not desc or not any(t[:1].islower() for t in desc):
        return None
    if desc[-1].lower() in ("of", "for", "and", "the", "at", "in", "from", "to", "with", "by"):
        return None  # "head of Acme Group": the capitals are a body, not a person
    if name[-1].lower() in ORG_WORDS or not is_name(name):
        return None
    return " ".join(desc), " ".join(name)


def note_gender(sp: Speaker, outside_quotes: str, memory: Memory) -> None:
    """ "Patel said his office ..." tells us Patel is a man when the text had not said."""
    if sp.kind != PERSON or not sp.name:
        return
    e = memory.entry(sp.name)
    if e is None or e.gender:
        return
    low = f" {outside_quotes.lower()} "
    his, her = " his " in low or " him " in low, " her " in low
    if his != her:
        e.gender = "m" if his else "f"


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
    if sp.kind == GROUP and sp.name and " and " in sp.name:
        # "Patel said" later is Raj Patel of "Lisa Tran and Raj Patel".
        for part in sp.name.split(" and "):
            tokens = part.split()
            if len(tokens) >= 2 and is_name(tokens):
                memory.remember(part, None, PERSON, spoke=False)
