"""Claimant name helpers: decide whether two spellings name the same speaker.

Merging rules for people, strictest first:
- equal normalised keys ("Gen. Mark Milley" / "Mark Milley", "Mr. Trump" / "Trump"), or
  equal once spaces go ("Abdul-Mahdi" / "AbdulMahdi");
- two full names with the same (or a near-identical) surname and compatible first
  names: equal, an initial, a common nickname or a close transliteration (looser
  when a two-word surname is shared: "Adil Abdul Mahdi" / "Adel Abdul-Mahdi");
- a short name that is the tail of a longer one: a surname alone matches a full name
  ("Milley" / "Mark Milley", "Abdul Mahdi" / "Adel Abdul-Mahdi").
Different first names with the same surname never merge ("John Smith" / "Jane Smith"),
nor do different generations ("Donald Trump" / "Donald Trump Jr.").

Across a whole directory (``best_claimant_match``) a surname alone joins a full name
only when exactly one person on file carries it, and a full name never absorbs a
record known only by a surname: "Trump" could have been any of several Trumps.

Organisations merge on equal keys, on a one-letter slip in a long word, and on an
owner's name spelt two ways ("Adel Abdul Mahdi's office" / "Adil Abdul Mahdi's office").
Descriptions and documents merge only on equal keys.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .titles import ALIASES, KNOWN_BODIES, ORG_WORDS, split_title

PERSON, ORGANIZATION, GROUP, DOCUMENT = "person", "organization", "group", "document"

_PUNCT_RE = re.compile(r"[^\w\s]")
_SPACE_RE = re.compile(r"\s+")
_POSSESSIVE_RE = re.compile(r"['’]s\b")
_LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")
_NICKNAMES = {
    "mike": "michael",
    "bill": "william",
    "will": "william",
    "bob": "robert",
    "rob": "robert",
    "jim": "james",
    "jimmy": "james",
    "joe": "joseph",
    "tom": "thomas",
    "dick": "richard",
    "rick": "richard",
    "chris": "christopher",
    "dan": "daniel",
    "dave": "david",
    "ben": "benjamin",
    "sam": "samuel",
    "alex": "alexander",
    "andy": "andrew",
    "tony": "anthony",
    "steve": "steven",
    "matt": "matthew",
    "nick": "nicholas",
    "pat": "patrick",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "kate": "katherine",
    "jen": "jennifer",
    "jenny": "jennifer",
    "ted": "edward",
    "ed": "edward",
    "chuck": "charles",
    "charlie": "charles",
    "jack": "john",
    "larry": "lawrence",
    "ron": "ronald",
    "don": "donald",
    "greg": "gregory",
    "jeff": "jeffrey",
    "ken": "kenneth",
    "sue": "susan",
    "peggy": "margaret",
    "meg": "margaret",
    "abe": "abraham",
    "hank": "henry",
    "harry": "henry",
}
_STOPWORDS = frozenset("the a an of in and or for to on at by from".split())
# Generational suffixes tell a father from a son: never dropped, never ignored.
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Head nouns of sources that are texts, not speakers ("the affidavit", "city data").
_DOCUMENT_NOUNS = frozenset(
    """affidavit analysis assessment audit bill budget cable census complaint data decree
    document documents draft email emails estimate estimates filing filings figures
    forecast indictment letter lawsuit memo memorandum motion order paper poll proposal
    records report reports review ruling statement statistics study survey transcript
    tweet website""".split()
)


def name_key(name: str) -> str:
    """Normalised comparison key: no accents, titles, punctuation or hyphens; casefolded."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACE_RE.sub(" ", text).strip(" ,;:")
    _title, core = split_title(text)
    core = core.casefold()
    core = _POSSESSIVE_RE.sub("", core)
    core = core.replace("-", " ").replace("‐", " ")
    # Dotted abbreviations collapse ("u.s." -> "us") before other punctuation goes.
    core = core.replace(".", "")
    core = _PUNCT_RE.sub(" ", core)
    core = _SPACE_RE.sub(" ", core).strip()
    core = _LEADING_ARTICLE_RE.sub("", core)
    return ALIASES.get(core, core)


_PLURAL_ACRONYM_RE = re.compile(r"^[A-Z]{2,5}s$")


def infer_kind(name: str) -> str:
    """A kind for a speaker the extractor gave none: a text, a description, an
    organisation or (the default) a person. Used only when nothing better is known."""
    words = _LEADING_ARTICLE_RE.sub("", name.strip().casefold()).split()
    if not words:
        return PERSON
    head = _PUNCT_RE.sub("", words[-1])
    if head in _DOCUMENT_NOUNS:
        return DOCUMENT
    stripped = _LEADING_ARTICLE_RE.sub("", name.strip())
    if stripped[:1].islower():
        # "a campaign spokesman", "officials", "sources familiar with the talks"
        return GROUP
    if any(_PUNCT_RE.sub("", w) in ORG_WORDS for w in words) or _PUNCT_RE.sub("", words[0]) in KNOWN_BODIES:
        return ORGANIZATION  # "Des Moines Register", "Amazon", "Meta Platforms"
    if _PLURAL_ACRONYM_RE.match(stripped.split()[-1]):
        return GROUP  # "MPs", "Opposition MPs"
    return PERSON


def _split_suffix(toks: list[str]) -> tuple[list[str], str]:
    if len(toks) > 1 and toks[-1] in _SUFFIXES:
        return toks[:-1], toks[-1]
    return toks, ""


def _tokens(key: str) -> list[str]:
    toks = key.split()
    if len(toks) > 2:
        # Middle initials carry no identity ("Mark A. Milley" is "Mark Milley").
        toks = [toks[0]] + [t for t in toks[1:-1] if len(t) > 1] + [toks[-1]]
    return toks


def _first_names_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if _NICKNAMES.get(a, a) == _NICKNAMES.get(b, b):
        return True
    return min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= 85


def _surnames_match(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 88)


def _score(ka: str, kb: str, *, person: bool = False) -> int:
    """0 when different claimants; higher means stronger evidence of the same one.
    ``person`` leaves out the rule meant for descriptive names."""
    if not ka or not kb:
        return 0
    if ka == kb:
        return 100
    if ka.replace(" ", "") == kb.replace(" ", ""):
        return 95
    (ta, sa), (tb, sb) = _split_suffix(_tokens(ka)), _split_suffix(_tokens(kb))
    if sa != sb:
        return 0
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) >= 2 and len(long_) >= 2:
        if _surnames_match(short[-1], long_[-1]) and _first_names_compatible(short[0], long_[0]):
            return 90
    if len(short) >= 3 and len(long_) >= 3 and short[-2:] == long_[-2:]:
        # A shared compound surname tolerates a transliterated first name ("Adil"/"Adel").
        if min(len(short[0]), len(long_[0])) >= 4 and fuzz.ratio(short[0], long_[0]) >= 75:
            return 85
    if short == long_[len(long_) - len(short) :] and len(long_) <= 5:
        meaningful = [t for t in short if t not in _STOPWORDS]
        if meaningful and len("".join(meaningful)) >= 3:
            # A surname alone (or a compound surname) matches the full name.
            return 80
    if not person and len(short) >= 2 and len(long_) >= 3:
        content = [t for t in short if t not in _STOPWORDS]
        if len(content) >= 2 and fuzz.token_set_ratio(ka, kb) >= 95:
            # Descriptive speakers: "terrorism experts" in "politicians ... and terrorism experts".
            return 70
    return 0


def same_claimant(a: str, b: str) -> bool:
    """True when the two names plausibly denote the same speaker."""
    return _score(name_key(a), name_key(b)) > 0


def _conflicts(key: str, other: str) -> bool:
    """Two full names that share a surname but not a person ("Ivanka Trump" on a record
    that is also "Donald Trump")."""
    ta, _ = _split_suffix(_tokens(key))
    tb, _ = _split_suffix(_tokens(other))
    if len(ta) < 2 or len(tb) < 2:
        return False
    return _surnames_match(ta[-1], tb[-1]) and _score(key, other, person=True) == 0


def best_claimant_match(name: str, candidates: list[tuple[int, list[str]]]) -> int | None:
    """Id of the person among ``candidates`` (id, spellings on file) that ``name`` names.

    Returns None when nothing matches, or when the evidence is a partial name shared by
    several people (a bare "Smith" with two different Smiths on file) and no record is
    known by exactly that partial name.
    """
    key = name_key(name)
    if not key:
        return None
    width = len(_split_suffix(_tokens(key))[0])
    fuller: dict[int, int] = {}  # records with a fuller name than ``name``
    peers: dict[int, int] = {}
    for cid, spellings in candidates:
        keys = [k for k in (name_key(s) for s in spellings if s) if k]
        if not keys or any(_conflicts(key, k) for k in keys):
            continue
        widths = [len(_split_suffix(_tokens(k))[0]) for k in keys]
        if max(widths) > width:
            # Judged on its fuller spellings: the surname it is also known by is no
            # evidence that this "Trump" is that Trump rather than another.
            score = max(_score(key, k, person=True) for k, w in zip(keys, widths, strict=True) if w > width)
            if score > 0:
                fuller[cid] = score
            continue
        score = max(_score(key, k, person=True) for k in keys)
        if score > 0 and (max(widths) == width or score > 80):
            # A full name never joins a record known only by a surname.
            peers[cid] = score
    exact = [cid for cid, s in peers.items() if s == 100]
    if exact and width >= 2:
        return exact[0]
    if len(fuller) == 1:
        return next(iter(fuller))
    if fuller:
        best = max(fuller.values())
        top = [cid for cid, s in fuller.items() if s == best]
        if len(top) == 1 and best >= 85:
            return top[0]  # a close full-name match, not just a shared surname
        # Ambiguous: only a record known by exactly this partial name takes it.
        return exact[0] if exact else None
    if not peers:
        return None
    best = max(peers.values())
    top = [cid for cid, s in peers.items() if s == best]
    if len(top) > 1 and best < 100:
        return None
    return top[0]


def _possessive(name: str) -> tuple[str, str] | None:
    """("Adel Abdul Mahdi's office") -> ("Adel Abdul Mahdi", "office")."""
    match = re.search(r"^(.*?)['’]s?\s+(.+)$", name.strip())
    if match is None or not match.group(1).strip():
        return None
    return match.group(1).strip(), name_key(match.group(2))


def same_organisation(a: str, b: str) -> bool:
    """True when two organisation names are one spelt two ways."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb or ka.replace(" ", "") == kb.replace(" ", ""):
        return True
    pa, pb = _possessive(a), _possessive(b)
    if pa and pb:
        # An owner's office, campaign or family: the owners must be one person.
        return pa[1] == pb[1] and _score(name_key(pa[0]), name_key(pb[0]), person=True) >= 85
    ta, tb = ka.split(), kb.split()
    if len(ta) != len(tb):
        return False
    diff = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
    # One slip in one long word ("Pentagonn", "Ministery"); short words differ too often
    # by meaning ("Iraq"/"Iran").
    return (
        len(diff) == 1
        and min(len(diff[0][0]), len(diff[0][1])) >= 7
        and not any(ch.isdigit() for ch in diff[0][0] + diff[0][1])
        and Levenshtein.distance(*diff[0]) <= 1
    )


def best_organisation_match(name: str, candidates: list[tuple[int, list[str]]]) -> int | None:
    """Id of the one organisation among ``candidates`` that ``name`` spells; None when
    none or several match."""
    found = {cid for cid, spellings in candidates if any(same_organisation(name, s) for s in spellings if s)}
    return found.pop() if len(found) == 1 else None
