"""Datelines ("BAGHDAD —", "WASHINGTON (Reuters) -") and header dates.

A dateline opens the first body paragraph; it stays in the stored body but is never
part of a claim span. Header date lines ("Published Jan. 10, 2020, 4:35 PM GMT")
are removed from the body and give the article's ``published`` date.
"""

from __future__ import annotations

import re

_MONTH_NAMES = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_ALT = "|".join(sorted((k.capitalize() for k in _MONTH_NAMES), key=len, reverse=True))
_DATE_IN_DATELINE = rf"(?:(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH_ALT})(?:\s+\d{{4}})?)"
_CAPS_PLACE = r"[A-Z][A-Z.'’-]*[A-Z.](?:\s+[A-Z][A-Z.'’-]*[A-Z.]){0,3}"
_TITLE_PLACE = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
_REGION = r"(?:[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?){0,2}|[A-Z]\.[A-Z]\.)"
_DASH = r"(?:—|–|--|-)"

# "BAGHDAD —", "KABUL, Afghanistan (AP) —", "LONDON, Jan. 10 (Reuters) -",
# "Washington (CNN) -" (a title-case place only with an agency in brackets).
DATELINE_RE = re.compile(
    rf"^(?P<dateline>(?:(?P<place>{_CAPS_PLACE})"
    rf"(?:,\s+(?!(?:{_MONTH_ALT})\.?\s+\d)(?P<region>{_REGION}))?"
    rf"(?:,?\s+(?P<date>{_DATE_IN_DATELINE}))?"
    rf"(?:\s*\((?P<agency>[A-Za-z][A-Za-z .&/-]{{1,30}})\)|\s+/(?P<wire>[A-Za-z][A-Za-z .&-]{{1,30}})/)?"
    rf"|(?P<tplace>{_TITLE_PLACE})(?:,\s+(?P<tregion>{_REGION}))?"
    rf"(?:,?\s+(?P<tdate>{_DATE_IN_DATELINE}))?\s*\((?P<tagency>[A-Za-z][A-Za-z .&/-]{{1,30}})\))"
    rf")\s*{_DASH}\s+"
)

_FULL_DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_ALT})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_ALT})\.?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b",
    re.IGNORECASE,
)
_HEADER_WORDS_RE = re.compile(
    r"^(?:(?:published|updated|posted|last\s+updated|first\s+published|date|dated)\b:?\s*(?:on\s+)?)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?",
    re.IGNORECASE,
)
# What may surround a date on a header line: times, zones, separators, "Updated".
_HEADER_REST_RE = re.compile(
    r"^[\s,|/·•—–-]*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s*"
    r"(?:[A-Z]{2,4}T|GMT|UTC|BST|ET|PT|CT)?[\s,|/·•—–-]*|(?:updated|published|posted)\b.*)*$",
    re.IGNORECASE,
)


def match_dateline(paragraph: str) -> re.Match | None:
    """The dateline at the start of a paragraph, if any (match covers the dash)."""
    if not paragraph[:1].isupper():
        return None
    m = DATELINE_RE.match(paragraph[:160])
    if not m:
        return None
    place = m.group("place") or m.group("tplace") or ""
    # Headline-style capitals ("U.S. — ...", "NATO -") are too short to be cities.
    if len(place.replace(".", "")) < 3:
        return None
    return m


def dateline_text(m: re.Match) -> str:
    return m.group("dateline").strip()


def iso_date(m: re.Match) -> str:
    if m.group("y3"):
        return f"{m.group('y3')}-{m.group('m3')}-{m.group('d3')}"
    month = m.group("m1") or m.group("m2")
    day = m.group("d1") or m.group("d2")
    year = m.group("y1") or m.group("y2")
    return f"{year}-{_MONTH_NAMES[month.lower()]:02d}-{int(day):02d}"


def dateline_published(m: re.Match) -> str | None:
    """ISO date when the dateline gives a year, else the date as written, else None."""
    date = m.group("date") or m.group("tdate")
    if not date:
        return None
    full = _FULL_DATE_RE.search(date)
    return iso_date(full) if full else date


def header_date(line: str) -> str | None:
    """ISO date of a header line that is nothing but a date (with times, "Updated"...)."""
    if len(line) > 120:
        return None
    rest = _HEADER_WORDS_RE.sub("", line, count=1)
    m = _FULL_DATE_RE.search(rest)
    if not m or m.start() > 0 and rest[: m.start()].strip(" ,|"):
        return None
    if not _HEADER_REST_RE.match(rest[m.end() :]):
        return None
    if not 1 <= int(m.group("d1") or m.group("d2") or m.group("d3")) <= 31:
        return None
    return iso_date(m)
