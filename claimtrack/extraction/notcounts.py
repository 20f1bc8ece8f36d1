"""Figures that are not quantities: years, dates, times, ordinals and numbers in names
("Operation X-1", "F-35", "Article 5", "iPhone 8", "the 2nd Circuit")."""

from __future__ import annotations

import re

from .counted import WORD_RE, find_unit, is_plural

_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|"
    "sep|sept|september|oct|october|nov|november|dec|december"
)
_MONTH_BEFORE_RE = re.compile(
    r"\b(?:" + _MONTHS + r")\.?\s*(?:[0-9]{1,2}(?:st|nd|rd|th)?\s*(?:to|-|–|and|through|until|or)\s*)?$",
    re.IGNORECASE,
)
# "between 12 and 8 p.m.", "from 9 to 5pm": the first figure is a clock time as well.
_TIME_RANGE_AFTER_RE = re.compile(
    r"\s*(?:and|to|-|–|until|till)\s*[0-9]{1,2}(?:[:.][0-9]{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE
)
_DIAL_BEFORE_RE = re.compile(
    r"\b(?i:call|calls|calling|ring|dial|dialled|dialed|text|phone)\s+(?:[A-Z]{2,5}\s+)?(?i:on\s+)?$"
)
_GREEK_RE = re.compile(r"(?:alpha|beta|gamma|delta|epsilon|kappa|lambda|omega)\b", re.IGNORECASE)
_MONTH_AFTER_RE = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTHS + r")\b", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(r"(?::[0-9]|\.?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|et\b|o'clock))", re.IGNORECASE)
_YEAR_CONTEXT_RE = re.compile(
    r"\b(?:in|since|by|until|till|from|of|year|during|before|after|early|late|mid|"
    r"summer|winter|spring|fall|autumn|through|between)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_YEAR_PAIR_RE = re.compile(r"\b(?:1[0-9]|2[01])[0-9]{2}\s*(?:and|to|-|–|or)\s*$")
# Capitalised words that name the number after them rather than count with it.
_NAME_PREFIXES = frozenset(
    """no nos number article section chapter resolution flight route highway interstate
    room page volume vol title amendment proposition prop act bill phase level grade
    stage round apollo boeing airbus channel district ward unit camp gate terminal
    platform pier lot building floor block zone sector table figure fig item rule
    paragraph clause annex appendix protocol division battalion brigade regiment
    squadron fleet corps season episode part series version model generation gen day
    week game""".split()
)
# Capitalised words before a figure that still count with it ("About 300", "The 31").
_FUNCTION_WORDS = frozenset(
    """the a an about some over nearly almost all only just around roughly more than at least
    by of to in with after before and but another these those its his her their our my your
    says said say told some up as many under below above fewer less approximately estimated
    another additional extra another every each top first last those these over another
    between from nearly around since while when if with without just even still only""".split()
)
# Lower-case words that still name the number after them ("day 4 of the trial").
_LOWER_NAMES = frozenset("day week game round stage phase level grade chapter page episode season".split())
# A full name before the comma ("Chad Hull, 37,"), or a name inside the sentence ("his
# brother Khaleel, 22,"), not an opening word ("However, 12").
_NAME_AGE_RE = re.compile(r"(?:\b[A-Z][a-z'’.-]+(?:\s+[A-Z][a-z'’.-]+){1,3}|(?<=[a-z] )[A-Z][a-z'’-]+),\s$")


_SERIES_AFTER_RE = re.compile(r"\s+series\b", re.IGNORECASE)


def appositive_age(text: str, m: re.Match, before: str) -> bool:
    """ "Tom Jones, 64, of Marietta": a bare number set off after a name is an age."""
    e = m.end("num")
    nxt = text[e] if e < len(text) else " "
    bare = not (m.group("cur") or m.group("pct") or m.group("scale"))
    return (
        bare
        and nxt in ",.);"
        and bool(_NAME_AGE_RE.search(before))
        and "." not in m.group("num")
        and float(m.group("num").replace(",", "")) < 120
    )


def not_a_count(text: str, m: re.Match, before: str, *, glued: bool) -> bool:
    """Years, dates, times, ordinals and numbers inside names."""
    s, e = m.start("num"), m.end("num")
    num = m.group("num")
    prev = text[s - 1] if s > 0 else " "
    nxt = text[e] if e < len(text) else " "
    has_cur = bool(m.group("cur"))
    bare = not (has_cur or m.group("pct") or m.group("scale") or glued)
    if not has_cur and (prev == "-" and s > 1 and text[s - 2].isalpha()):
        return True  # "X-1", "COVID-19", "F-35"
    if prev == "-" and s >= 5 and text[s - 5 : s - 1].isdigit():
        return True  # "2019-20"
    if prev == "+" and re.match(r" [A-Z]", text[e : e + 2]):
        return True  # "+972 Magazine": a name
    if prev in "#/" or nxt == "/" or (nxt == "-" and text[e + 1 : e + 2].isdigit() and len(num) == 4):
        return True  # "#1", "9/11", "2019-20"
    if nxt == "-" and _GREEK_RE.match(text, e + 1):
        return True  # "17-beta oestradiol", "5-alpha": part of a chemical name
    if nxt.isalpha() and not m.group("scale") and not glued:
        return True  # "1st", "1990s", "10am", "5G"
    if _TIME_AFTER_RE.match(text, e) or (bare and _TIME_RANGE_AFTER_RE.match(text, e)):
        return True
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(text, e):
        return True
    prev_word = WORD_RE.findall(before[-25:])
    last = prev_word[-1].rstrip(".") if prev_word and before.endswith(" ") else ""
    if last and last.lower() in _NAME_PREFIXES and (last[:1].isupper() or last.lower() in _LOWER_NAMES):
        return True
    if (
        bare
        and last
        and any(c.isupper() for c in last)
        and last.lower() not in _FUNCTION_WORDS
        and not before.rstrip().endswith(",")
    ):
        # "iPhone 8", "Rocket Pass 4", "iOS 13": a number after a name that counts nothing.
        found = find_unit(text, e)
        after = text[e : e + 2]
        if found is None or (after[:1] == " " and after[1:2].isupper()) or _SERIES_AFTER_RE.match(text, e):
            return True  # ... or a model line: "the RTX 3000 series"
    if bare and _DIAL_BEFORE_RE.search(before) and find_unit(text, e) is None:
        return True  # "call 911", "ring 999", "text 85258": a number to dial
    if bare and len(num) > 1 and num[0] == "0" and num[1] != ".":
        return True  # "0845": a code or a phone number, never a count
    year_like = bare and len(num) == 4 and num.isdigit() and 1000 <= int(num) <= 2199
    if year_like and last[:1].isupper() and last.lower() not in _FUNCTION_WORDS:
        return True  # "Mexico 2020 quartet", "Vision 2030": a name or a year, not a count
    if year_like:
        # A year unless a plural noun follows ("2000 troops") outside a date context.
        found = find_unit(text, e)
        if found is None or _YEAR_CONTEXT_RE.search(before) or _YEAR_PAIR_RE.search(before) or not is_plural(found[2]):
            return True
    return False
