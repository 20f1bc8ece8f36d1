"""Number parsing and unit lemmas: the vocabulary behind quantities.py."""

from __future__ import annotations

import re

from ..numberwords import NUMBER_WORDS as UNITS_WORDS
from ..numberwords import SCALE_ABBREVIATIONS, SCALE_WORDS

# Scale words, and the abbreviations read only directly after a digit.
SCALES = {**SCALE_WORDS, **SCALE_ABBREVIATIONS}
CURRENCIES = {"$": "dollar", "us$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
# Vague plural magnitudes: (value, low, high). The value is the smallest reading
# ("thousands" means at least two thousand); the high bound stops below the next
# order of magnitude, which would have been named instead.
VAGUE = {
    "dozens": (24.0, 24.0, 99.0),
    "scores": (40.0, 40.0, 99.0),
    "hundreds": (200.0, 200.0, 999.0),
    "thousands": (2000.0, 2000.0, 9999.0),
    "tens of thousands": (20000.0, 20000.0, 99999.0),
    "hundreds of thousands": (200000.0, 200000.0, 999999.0),
    "millions": (2e6, 2e6, 9.999999e6),
    "tens of millions": (2e7, 2e7, 9.9999999e7),
    "hundreds of millions": (2e8, 2e8, 9.99999999e8),
    "billions": (2e9, 2e9, 9.999999999e9),
}
_VAGUE_BASE = {
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
}
_VAGUE_TIMES = {"tens": 10.0, "hundreds": 100.0}


def vague_magnitude(phrase: str) -> tuple[float, float, float] | None:
    """(value, low, high) of a vague plural ("hundreds of billions"), or None.

    Phrases outside the table follow its rule: at least two of the named size, and
    below the next order of magnitude ("tens of billions": 2e10 up to just under 1e11).
    """
    key = " ".join(phrase.lower().split())
    if key in VAGUE:
        return VAGUE[key]
    times, _, base = key.rpartition(" of ")
    size = _VAGUE_BASE.get(base)
    if size is None or (times and times not in _VAGUE_TIMES):
        return None
    size *= _VAGUE_TIMES.get(times, 1.0)
    low = 2 * size
    return (low, low, 10 * size - 1)


_WORD_SPLIT_RE = re.compile(r"[\s-]+")


def parse_digits(text: str) -> float:
    """'3,000' -> 3000.0, '1.5' -> 1.5."""
    return float(text.replace(",", ""))


def parse_number_words(text: str) -> float | None:
    """'three thousand' -> 3000, 'twenty-five' -> 25, 'a dozen' -> 12; None if unreadable."""
    total = 0.0
    current = 0.0
    seen = False
    for w in _WORD_SPLIT_RE.split(text.lower()):
        if not w or w == "and":
            continue
        if w in ("a", "an"):
            current = current or 1.0
            continue
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w == "dozen":
            current = (current or 1.0) * 12
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1.0) * SCALES[w]
            current = 0.0
        elif w == "half":
            current = current or 0.5
        else:
            return None
        seen = True
    return total + current if seen else None


# Irregular plurals and nouns that are their own plural.
_IRREGULAR = {
    "people": "person",
    "persons": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "thieves": "thief",
    "leaves": "leaf",
    "halves": "half",
    "wolves": "wolf",
    "personnel": "personnel",
    "aircraft": "aircraft",
    "staff": "staff",
    "police": "police",
    "data": "data",
    "media": "media",
    "series": "series",
    "species": "species",
    "news": "news",
    "percent": "percent",
    "cent": "percent",
    "yen": "yen",
    "yuan": "yuan",
    "sheep": "sheep",
    "fish": "fish",
    "deer": "deer",
    "crises": "crisis",
    "analyses": "analysis",
    "bases": "base",
    "cases": "case",
    "houses": "house",
    "courses": "course",
    "doses": "dose",
    "nurses": "nurse",
    "horses": "horse",
    "purposes": "purpose",
    "responses": "response",
    "buses": "bus",
    "viruses": "virus",
    "statuses": "status",
    "campuses": "campus",
    "bonuses": "bonus",
    "census": "census",
    "kms": "kilometre",
    "km": "kilometre",
    "kg": "kilogram",
    "kgs": "kilogram",
    "lbs": "pound",
    "lb": "pound",
    "mph": "mile per hour",
    "sq": "square",
    "ft": "foot",
    "hrs": "hour",
    "mins": "minute",
    "kilometres": "kilometre",
    "kilometre": "kilometre",
    "metres": "metre",
    "metre": "metre",
    "meters": "metre",
    "meter": "metre",
    "kilometers": "kilometre",
    "kilometer": "kilometre",
    "troop": "troop",
    "dollars": "dollar",
    "euros": "euro",
    "pounds": "pound",
    "rupees": "rupee",
    "pesos": "peso",
    "tonnes": "ton",
    "tonne": "ton",
    "tons": "ton",
    "mps": "mp",
    "us": "us",
}
_ES_ENDINGS = ("sses", "shes", "ches", "xes", "zes", "oes")


def singular(word: str) -> str:
    """Lower-case singular lemma of an English noun (rule based, good enough for units)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(_ES_ENDINGS):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


# Two-word count nouns kept together ("service members" -> "service member").
COMPOUND_UNITS = {
    ("service", "member"),
    ("service", "men"),
    ("police", "officer"),
    ("percentage", "point"),
    ("basis", "point"),
    ("health", "worker"),
    ("aid", "worker"),
    ("border", "agent"),
    ("civil", "servant"),
    ("square", "mile"),
    ("square", "kilometre"),
    ("square", "foot"),
    ("light", "year"),
    ("man", "hour"),
    ("work", "day"),
    ("business", "day"),
}
