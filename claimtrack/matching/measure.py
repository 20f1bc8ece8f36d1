"""What a quantity measures, read from its claim: the facts that decide whether two
numbers of one unit may be compared at all.

Two figures with the same unit can still measure different things: "raised $9 million
last month" is one month's takings, "$140 million so far" a running total; "slipped 2
points" is a change, "six points ahead" a lead; "46 percent in the Quinnipiac poll" is
not "41 percent in the CNN poll"; "64 percent of voters" is not "30 percent of the
staff". :func:`read_measure` reads those facts from the clause around the number (see
``quantity_context`` for the clause) and :func:`differences` names every fact that sets
two measures apart.

A conflict is a strong statement, so it needs the text to establish the same measure:
:func:`unsettled` lists what one figure specifies and the other leaves open (a date on
one side only, a poll that is not named on both). Agreement needs less: two figures
that nothing sets apart and that overlap are "consistent".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from claimtrack.matching.model import QuantityRecord
from claimtrack.matching.normalise import Memo, stem, unit_group
from claimtrack.matching.quantity_context import clause_span, locate

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_RE = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")
_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d|2100)\b")
# Relative periods are anchored to the article's date: "last week" in a Friday story and
# "this week" in the next Monday's may be the same week, so they are resolved first.
_RELATIVE_RE = re.compile(
    r"\b(last|this|past|previous|next|coming) (week|month|year)\b"
    r"|\b(yesterday)\b",
    re.IGNORECASE,
)
_FRAME_RE = re.compile(
    r"\s*(?:in|during|by|for|since|after|before)\b[^,;:]{0,40}\b(?:19|20)\d\d\b[^,;:]{0,30},", re.IGNORECASE
)
_QUARTER_RE = re.compile(r"\b(first|second|third|fourth) (quarter|half)\b", re.IGNORECASE)
_PER_PERIOD_RE = re.compile(
    r"\b(?:a|per|each) (day|week|month|year)\b"
    r"|\b(daily|weekly|monthly|annually|yearly)\b",
    re.IGNORECASE,
)
_ADVERB_PERIODS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}
_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
_CUMULATIVE_RE = re.compile(
    r"\b(so far|to date|in all|in total|all told|altogether|overall|cumulative|cumulatively|(?<!\ba )total(?! of)"
    r"|since (its |the )?\w+|ever|all-time|lifetime)\b",
    re.IGNORECASE,
)
# A margin, told right at the number: "leads by six points", "a lead of 7", "six points
# ahead", "a seven-point lead"; not the shares of "Whitfield leads Reyes 48 percent to 41".
_LEAD_BEFORE_RE = re.compile(
    r"\b(?:lead|leads|leading|led|ahead|edge|margin|advantage|behind|trails?|trailing"
    r"|trailed|gap|spread|beat|beats|won|wins)\s+(?:of|by)?\s*(?:nearly|almost|about|some"
    r"|roughly|just|more than)?\s*\W*$",
    re.IGNORECASE,
)
_LEAD_AFTER_RE = re.compile(
    r"^\W*(?:points?\s+)?(?:lead|ahead|behind|margin|advantage|edge|gap|clear)\b", re.IGNORECASE
)
# A running total told just after the clause: "40,000 riders since launch".
_CUMULATIVE_AFTER_RE = re.compile(r"^\W*(?:since|so far|to date|in all|in total|all told)\b", re.IGNORECASE)
_CHANGE_BEFORE_RE = re.compile(
    r"\b(rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|grew|grow|grows|growing|grown"
    r"|dropped|drop|drops|declined|decline|declines|increased|increase|increases|decreased"
    r"|decrease|decreases|slipped|slip|slips|gained|gain|gains|jumped|jump|jumps|climbed|climb"
    r"|climbs|surged|surge|soared|plunged|plunge|tumbled|shrank|shrunk|lost|loses|lose|shed|sheds"
    r"|added|adds|cut|cuts|boost|boosted|bump|bumped|dip|dipped|swing|swung|shift|shifted)"
    r"( by| nearly| almost| about| some| roughly| more than| a further| another)?\s*\W*$"
    # the noun of the same change: "a loss of $916 million" is "lost $916 million"
    r"|\b(?:loss|losses|gain|gains|increase|decrease|drop|decline|rise|fall|jump|growth|swing)\s+of\s*\W*$",
    re.IGNORECASE,
)
_CHANGE_AFTER_RE = re.compile(
    r"^\W*(\w+ ){0,3}(increase|decrease|rise|drop|fall|decline|gain|jump|growth|loss|swing|shift"
    r"|more than (a|the) year|higher|lower|up from|down from|over the previous|from a year)\b",
    re.IGNORECASE,
)
# "up 5 percent", "is down 2 points"; not the particle of "signed up 12,000".
_UP_DOWN_RE = re.compile(
    r"(?:^|[^\w\s]|\b(?:is|was|are|were|be|been|now|still|or|and)|['’]s)\s*(?:up|down)"
    r"(?: by)?\s*\W*$",
    re.IGNORECASE,
)
_LOCATIVE_NAME_RE = re.compile(
    r"\b(?:in|across|throughout|within|for)\s+(?:the\s+)?"
    r"([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
)
_POLL_RE = re.compile(
    r"\b(poll|polls|polling|survey|surveys|surveyed|pollster|respondents|margin of error"
    r"|sampling error)\b",
    re.IGNORECASE,
)
_PRONOUN_RE = re.compile(r"\b(he|she|they|it|his|her|their|its|him|them)\b", re.IGNORECASE)
_NAME_RE = re.compile(r"\b([A-Z][\w&'.-]*(?:[ /-][A-Z][\w&'.-]*)*)")
_OF_RE = re.compile(
    r"^\W*(?:\w+\s){0,2}?of\s+(?:the\s+|all\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"([a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)",
    re.IGNORECASE,
)
_NOT_NAMES = (
    frozenset(
        """
the a an in on at of for to by from and but or this that these those it its he she they we
i his her their our new latest recent poll survey percent per cent according said says mr mrs
ms dr gov sen rep president vice
""".split()
    )
    | frozenset(MONTHS)
    | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
)
_OF_STOP = frozenset("the a an all its their his her our those these".split())


@dataclass(slots=True, frozen=True)
class Measure:
    """What a figure measures (see the module docstring)."""

    unit: str | None  # the unit group
    kind: str  # count | percent | money | measure | age | vote | score | rate | multiple
    aspect: str  # level | change | lead | cumulative | start
    of: frozenset[str]  # stems of what a share or rate is of ("voter")
    per: float | None
    times: frozenset[str]  # months, years and periods named ("march", "2019", "last month")
    poll: bool  # the figure comes from a poll or survey
    pollsters: frozenset[str]  # the poll's names ("quinnipiac")
    subjects: frozenset[str]  # names the figure is about ("clinton"), for shares and leads
    places: frozenset[str] = frozenset()  # places named in the clause ("harbor county")

    def describe(self) -> str:
        """The measure in plain words: "percent of voters, Quinnipiac poll, March"."""
        unit = self.unit or "number"
        words = [_ASPECT_WORDS.get(self.aspect, "") + (unit if unit == "percent" else _plural(unit))]
        if self.of:
            words[0] += " of " + "/".join(sorted(self.of))
        if self.per:
            words[0] += f" per {self.per:,.0f}"
        if _named(self) and _shares(self):
            words.append("for " + "/".join(sorted(s.title() for s in _named(self))))
        if self.pollsters:
            words.append("/".join(sorted(p.title() for p in self.pollsters)) + " poll")
        elif self.poll:
            words.append("a poll")
        if self.times:
            words.append(_when(self.times))
        return ", ".join(w for w in words if w).strip()


_ASPECT_WORDS = {"change": "change in ", "lead": "lead in ", "cumulative": "total ", "start": "earlier level of "}


def _plural(unit: str) -> str:
    if unit.endswith(("s", "sh", "ch")):
        return unit + "es"
    return unit[:-1] + "ies" if unit.endswith("y") and unit[-2:-1] not in "aeiou" else unit + "s"


_MEASURES = Memo()


def read_measure(
    text: str, q: QuantityRecord, *, alone: bool = True, clause_alone: bool = True, published: datetime | None = None
) -> Measure:
    """What ``q`` measures in claim ``text`` (memoised). ``alone``: no other quantity of
    the claim counts the same unit, so the times named anywhere in the claim are its
    own. ``clause_alone``: none shares its clause, so the names there are whom it is
    about ("Whitfield has 48 percent"; in "Whitfield leads Reyes 48 percent to 41
    percent" no name is read as either figure's). ``published``: the article's date,
    which relative times ("last week") count from."""
    key = (text, q, alone, clause_alone, published)
    found = _MEASURES.get(key)
    if found is None:
        found = _read(text, q, alone, clause_alone, published)
        _MEASURES.put(key, found)
    return found


def clear_measures() -> None:
    _MEASURES.clear()


def prime_measure(
    text: str, q: QuantityRecord, alone: bool, clause_alone: bool, published: datetime | None, measure: Measure
) -> None:
    """Remember a measure read before (stored with the claim's features)."""
    _MEASURES.put((text, q, alone, clause_alone, published), measure)


def has_measure(text: str, q: QuantityRecord, alone: bool, clause_alone: bool, published: datetime | None) -> bool:
    return _MEASURES.get((text, q, alone, clause_alone, published)) is not None


def _read(text: str, q: QuantityRecord, alone: bool, clause_alone: bool, published: datetime | None) -> Measure:
    unit = unit_group(q.unit)
    kind = "percent" if unit == "percent" and q.kind == "count" else q.kind
    start, end = locate(text, q)
    if start < 0:
        start = end = 0
    c_start, c_end = clause_span(text, start, end)
    before, after, clause = text[c_start:start], text[end:c_end], text[c_start:c_end]
    # The nearest words govern the number: "slipped 2 points", "six points ahead".
    near_before = before[-40:]
    if q.role == "start":
        aspect = "start"
    elif (
        q.role == "change"
        or q.change
        or kind == "multiple"
        or _CHANGE_BEFORE_RE.search(near_before)
        or _UP_DOWN_RE.search(near_before)
        or _CHANGE_AFTER_RE.search(after)
    ):
        aspect = "change"
    elif _LEAD_BEFORE_RE.search(near_before) or _LEAD_AFTER_RE.search(after):
        aspect = "lead"
    elif _CUMULATIVE_RE.search(clause) or _CUMULATIVE_AFTER_RE.search(text[c_end:]):
        aspect = "cumulative"
    else:
        aspect = "level"
    times = _times(clause, published)
    if not times and alone:
        times = _times(text, published)
    # An opening phrase frames the claim's only figure of its unit: "In the 2012
    # election, Romney won 27 percent" (not "5,000 troops in Iraq, where forces returned
    # in 2014").
    framed = clause + (text[:c_start] if alone and _FRAME_RE.match(text) else "")
    times |= {f"year:{y}" for y in _YEAR_RE.findall(framed) if y not in q.text}
    # A claim names its poll once: "In the Tribune poll, Whitfield has 48 percent and ..."
    poll_text = clause if _POLL_RE.search(clause) else text
    poll = bool(_POLL_RE.search(poll_text))
    pollsters = _pollsters(poll_text) if poll else frozenset()
    subjects: frozenset[str] = frozenset()
    if clause_alone:
        # After the figure only a share names whom it is for ("41 percent for Reyes");
        # a count's following names are its owners and places (``quantity_context``).
        following = _names(_WORD_WINDOW_RE.findall(after)[0]) if kind in ("percent", "vote", "score") else set()
        subjects = frozenset(_names(before[-60:]) | following) - pollsters
        if not subjects and _PRONOUN_RE.search(before[-60:]):
            subjects = frozenset({"?"})  # "he raised": someone the clause does not name
    places = set()
    for m in _LOCATIVE_NAME_RE.finditer(clause):
        place = " ".join(w.lower() for w in m.group(1).split() if w.lower() not in _NOT_NAMES)
        if place and not set(place.split()) & pollsters:
            places.add(place)
    return Measure(
        unit,
        kind,
        aspect,
        _of(q, after),
        q.per,
        frozenset(times),
        poll,
        pollsters,
        subjects - {w for p in places for w in p.split()},
        frozenset(places),
    )


def _times(text: str, published: datetime | None) -> set[str]:
    """Times named, as "granularity:value": "month:march", "year:2019",
    "week:2020-02", "day:2020-01-09", "quarter:first", "per:day"."""
    found = {f"month:{m.group(1).lower()}" for m in _MONTH_RE.finditer(text)}
    found |= {f"quarter:{m.group(1).lower()} {m.group(2).lower()}" for m in _QUARTER_RE.finditer(text)}
    found |= {f"per:{m.group(1) or _ADVERB_PERIODS[m.group(2).lower()]}".lower() for m in _PER_PERIOD_RE.finditer(text)}
    if published is not None:
        for m in _RELATIVE_RE.finditer(text):
            if m.group(3):
                found.add(f"day:{(published - timedelta(days=1)).date().isoformat()}")
                continue
            shift, unit = _SHIFT[m.group(1).lower()], m.group(2).lower()
            if unit == "week":
                year, week, _ = (published + timedelta(weeks=shift)).isocalendar()
                found.add(f"week:{year}-{week:02d}")
            elif unit == "month":
                found.add(f"month:{MONTHS[(published.month - 1 + shift) % 12]}")
            else:
                found.add(f"year:{published.year + shift}")
    return found


def _of(q: QuantityRecord, after: str) -> frozenset[str]:
    phrase = q.of
    if not phrase and (q.kind in ("percent", "rate") or unit_group(q.unit) == "percent"):
        m = _OF_RE.match(after)
        phrase = m.group(1) if m else None
    if not phrase:
        return frozenset()
    words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _OF_STOP]
    return frozenset(stem(w) for w in words[:1])  # the head: "voters surveyed" → voter


def _names(text: str, *, drop_opener: bool = False) -> set[str]:
    """Capitalised words. With ``drop_opener`` the text opens a sentence, and its first
    word counts only when another capitalised word follows ("Dana Whitfield has", not
    "Turnout in")."""
    out = set()
    for m in _NAME_RE.finditer(text):
        if drop_opener and m.start() == 0 and " " not in m.group(1).strip():
            continue
        for word in re.split(r"[ /-]", m.group(1)):
            w = _POSSESSIVE_RE.sub("", word).strip(".'’").lower()  # "Carolina's" names Carolina
            if w and w not in _NOT_NAMES and not w.isdigit():
                out.add(w)
    return out


_POSSESSIVE_RE = re.compile(r"['’]s$")
# Thirty characters, to the end of the word they cut ("in South Carol|ina").
_WORD_WINDOW_RE = re.compile(r"^.{0,30}\w*", re.DOTALL)
_NAME_BEFORE_POLL_RE = re.compile(r"([A-Z][\w&'.-]*(?:[ /-][A-Z][\w&'.-]*)*)\s*$")


def _pollsters(text: str) -> frozenset[str]:
    """Names of the poll: the capitalised words right before "poll" ("the Tribune poll",
    "a CNN/ORC survey") or after "by"/"from" ("a survey by Harbor Research")."""
    names = set()
    for m in _POLL_RE.finditer(text):
        before = _NAME_BEFORE_POLL_RE.search(text[max(0, m.start() - 45) : m.start()])
        if before:
            names |= _names(before.group(1))
        # "a survey by Harbor Research", "the poll, released on Wednesday by the Harbor Institute"
        tail = text[m.end() : m.end() + 70]
        by = re.match(r"[\s,]*(?:[\w,]+\s){0,4}?(?:by|from|of)\s+(?:the\s+)?([A-Z][^,.;]*)", tail)
        if by:
            names |= _names(by.group(1))
    return frozenset(names)


def differences(a: Measure, b: Measure) -> list[str]:
    """Every fact that sets two measures apart, in plain words; empty when nothing does."""
    out = []
    if a.kind != b.kind:
        out.append(f"{a.kind} vs {b.kind}")
    if (a.per or b.per) and a.per != b.per:
        out.append("rates of different bases")
    if a.aspect != b.aspect:
        out.append(f"{_ASPECT_NAMES[a.aspect]} vs {_ASPECT_NAMES[b.aspect]}")
    if a.of and b.of and a.of.isdisjoint(b.of):
        out.append(f"of {'/'.join(sorted(a.of))} vs of {'/'.join(sorted(b.of))}")
    ga, gb = _grains(_timed(a)) - {"per"}, _grains(_timed(b)) - {"per"}
    if ga and gb and ga != gb:  # "in March" is not "in 2019", nor "in March 2019" "in 2019"
        out.append(f"{_when(_timed(a))} vs {_when(_timed(b))}")
    for grain in sorted(_grains(_timed(a)) & _grains(_timed(b))):
        ta, tb = _of_grain(a.times, grain), _of_grain(b.times, grain)
        if ta.isdisjoint(tb):
            out.append(f"{_when(ta)} vs {_when(tb)}")
    if a.pollsters and b.pollsters and a.pollsters.isdisjoint(b.pollsters):
        out.append("different polls")
    if a.places and b.places and a.places.isdisjoint(b.places):
        out.append(f"in {'/'.join(sorted(a.places)).title()} vs in {'/'.join(sorted(b.places)).title()}")
    if _shares(a) and _shares(b) and _named(a) and _named(b) and _named(a).isdisjoint(_named(b)):
        out.append(f"about {'/'.join(sorted(_named(a))).title()} vs {'/'.join(sorted(_named(b))).title()}")
    return out


def _shares(m: Measure) -> bool:
    return m.kind in ("percent", "vote", "score") or m.aspect == "lead"


def _named(m: Measure) -> frozenset[str]:
    return m.subjects - {"?"}


def _timed(m: Measure) -> frozenset[str]:
    """The times that qualify the measure. An increment is told when announced and again
    when it arrives ("sent 3,000 more last week", "3,000 more are flowing in this
    week"): days and weeks name those events, not the measure."""
    if m.aspect != "change":
        return m.times
    return frozenset(t for t in m.times if not t.startswith(("day:", "week:")))


def _grains(times: frozenset[str]) -> set[str]:
    return {t.partition(":")[0] for t in times}


def _of_grain(times: frozenset[str], grain: str) -> frozenset[str]:
    return frozenset(t for t in times if t.startswith(grain + ":"))


def _when(times: frozenset[str]) -> str:
    """ "month:march" → "March", "per:day" → "per day", "week:2020-02" → "week 2 of 2020"."""
    words = []
    for t in sorted(times):
        grain, _, value = t.partition(":")
        if grain == "week":
            year, _, week = value.partition("-")
            words.append(f"week {int(week)} of {year}")
        else:
            words.append(
                value.title()
                if grain == "month"
                else value
                if grain in ("year", "day", "quarter")
                else f"{grain} {value}"
            )
    return "/".join(words)


_ASPECT_NAMES = {
    "level": "a level",
    "change": "a change",
    "lead": "a lead",
    "cumulative": "a running total",
    "start": "an earlier level",
}


def unsettled(a: Measure, b: Measure) -> list[str]:
    """What one figure specifies and the other leaves open: agreement is still worth
    reporting, a conflict is not established."""
    out = []
    if bool(_timed(a)) != bool(_timed(b)):
        out.append("only one names a time")
    if (a.poll or b.poll) and not (a.pollsters & b.pollsters):
        out.append("not shown to be the same poll")
    if bool(a.of) != bool(b.of) and "percent" in (a.unit, b.unit):
        out.append("only one says what the share is of")
    # Money has an actor ("Sanders raised $20 million", "he raised $5.7 million"); a
    # count's owners and places are read by ``quantity_context``.
    if a.kind == b.kind == "money":
        if "?" in a.subjects | b.subjects:
            out.append("not shown to be about the same people")
        elif _named(a) and _named(b) and _named(a).isdisjoint(_named(b)):
            out.append("about different people")
    candidates = a.poll or b.poll or _named(a) != _named(b)
    if _shares(a) and _shares(b) and candidates and not (a.pollsters & b.pollsters) and not (a.of and a.of == b.of):
        # A share from a poll or for a named candidate is one poll's or one result's:
        # without the same named poll or population it is not shown to be one figure.
        if "not shown to be the same poll" not in out:
            out.append("not shown to be the same poll or population")
    return out
