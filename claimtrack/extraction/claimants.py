"""Claimant name helpers: decide whether two spellings name the same speaker.

Merging rules, strictest first:
- equal normalised keys ("Gen. Mark Milley" / "Mark Milley"), or equal once spaces go
  ("Abdul-Mahdi" / "AbdulMahdi");
- a short name that is the tail of a longer one: a surname alone matches a full name
  ("Milley" / "Mark Milley", "Abdul Mahdi" / "Adel Abdul-Mahdi");
- two full names with the same (or a near-identical) surname and compatible first
  names: equal, an initial, a common nickname or a close transliteration (looser
  when a two-word surname is shared: "Adil Abdul Mahdi" / "Adel Abdul-Mahdi");
- long descriptive names (groups, documents) whose words are contained in each other.
Different first names with the same surname never merge ("John Smith" / "Jane Smith").
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from .titles import ALIASES, split_title

_PUNCT_RE = re.compile(r"[^\w\s]")
_SPACE_RE = re.compile(r"\s+")
_POSSESSIVE_RE = re.compile(r"['’]s\b")
_LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")
_NICKNAMES = {
    "mike": "michael", "bill": "william", "will": "william", "bob": "robert",
    "rob": "robert", "jim": "james", "jimmy": "james", "joe": "joseph", "tom": "thomas",
    "dick": "richard", "rick": "richard", "chris": "christopher", "dan": "daniel",
    "dave": "david", "ben": "benjamin", "sam": "samuel", "alex": "alexander",
    "andy": "andrew", "tony": "anthony", "steve": "steven", "matt": "matthew",
    "nick": "nicholas", "pat": "patrick", "liz": "elizabeth", "beth": "elizabeth",
    "kate": "katherine", "jen": "jennifer", "jenny": "jennifer", "ted": "edward",
    "ed": "edward", "chuck": "charles", "charlie": "charles", "jack": "john",
    "larry": "lawrence", "ron": "ronald", "don": "donald", "greg": "gregory",
    "jeff": "jeffrey", "ken": "kenneth", "sue": "susan", "peggy": "margaret",
    "meg": "margaret", "abe": "abraham", "hank": "henry", "harry": "henry",
}
_STOPWORDS = frozenset("the a an of in and or for to on at by from".split())


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


def _score(ka: str, kb: str) -> int:
    """0 when different claimants; higher means stronger evidence of the same one."""
    if not ka or not kb:
        return 0
    if ka == kb:
        return 100
    if ka.replace(" ", "") == kb.replace(" ", ""):
        return 95
    ta, tb = _tokens(ka), _tokens(kb)
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) >= 2 and len(long_) >= 2:
        if _surnames_match(short[-1], long_[-1]) and _first_names_compatible(short[0], long_[0]):
            return 90
    if len(short) >= 3 and len(long_) >= 3 and short[-2:] == long_[-2:]:
        # A shared compound surname tolerates a transliterated first name ("Adil"/"Adel").
        if min(len(short[0]), len(long_[0])) >= 4 and fuzz.ratio(short[0], long_[0]) >= 75:
            return 85
    if short == long_[len(long_) - len(short):] and len(long_) <= 5:
        meaningful = [t for t in short if t not in _STOPWORDS]
        if meaningful and len("".join(meaningful)) >= 3:
            # A surname alone (or a compound surname) matches the full name.
            return 80
    if len(short) >= 2 and len(long_) >= 3:
        content = [t for t in short if t not in _STOPWORDS]
        if len(content) >= 2 and fuzz.token_set_ratio(ka, kb) >= 95:
            # Descriptive speakers: "terrorism experts" in "politicians ... and terrorism experts".
            return 70
    return 0


def same_claimant(a: str, b: str) -> bool:
    """True when the two names plausibly denote the same speaker."""
    return _score(name_key(a), name_key(b)) > 0


def best_claimant_match(name: str, candidates: list[tuple[int, list[str]]]) -> int | None:
    """Id of the candidate whose canonical name or alias best matches ``name``.

    Returns None when nothing matches, or when the best evidence is a partial match
    shared by several candidates (a bare "Smith" with two different Smiths on file).
    """
    key = name_key(name)
    if not key:
        return None
    best_score = 0
    best_ids: list[int] = []
    for cid, names in candidates:
        score = max((_score(key, name_key(n)) for n in names if n), default=0)
        if score > best_score:
            best_score, best_ids = score, [cid]
        elif score == best_score and score > 0 and cid not in best_ids:
            best_ids.append(cid)
    if not best_ids:
        return None
    if len(best_ids) > 1 and best_score < 100:
        return None
    return best_ids[0]
