"""Figures that are not plain counts, and digit runs that are never quantities.

* fractions and ratios ("two-thirds of voters", "nearly half", "one in five"): read as a percentage, so that they
  compare with "65 percent"; written fractions are rounded, so an unhedged one allows
  +-5% like "about";
* multiples ("roughly twice", "doubled", "three times faster", "tenfold"): unit "times";
* votes and scores ("voted 7-2", "a 10-2 verdict", "won 3-1"): one quantity, the
  majority as value and the minority as ``versus``;
* phone numbers, street numbers and fixed compounds ("zero-hours", "one-off", "3-D"):
  spans that hold no quantity.
"""

from __future__ import annotations

import re

from ..numberwords import NUMBER_WORDS
from .hedges import HEDGES, SYMMETRIC, hedge_before
from .model import ExtractedQuantity

_FRACTIONS = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fourth": 1 / 4,
    "fourths": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9, "seven": 7}
# "two-thirds", "a third of", "half the"; a bare "third" is an ordinal ("the third floor"),
# so a single-unit fraction needs an article or numerator and what follows must be its
# whole ("of ...", "the ...") or the end of the phrase.
_FRACTION_RE = re.compile(
    r"\b(?:(?P<num>two|three|four|seven|nine)[\s-](?P<plural>thirds|quarters|fourths|fifths|tenths)"
    r"|(?P<one>a|one)[\s-](?P<single>third|quarter|fourth|fifth|tenth)"
    r"|(?P<half>half))\b"
    r"(?=(?P<tail>\s+(?:of|the|their|its|his|her|our|all|that|those|these)\b|\s*[,.;:)!?]|\s*$))",
    re.IGNORECASE,
)
_OF_A_SCALE_RE = re.compile(r"\s+of\s+an?\s+(?:million|billion|trillion)\b", re.IGNORECASE)
# "one in five", "3 in 10 voters", "a two-in-three chance": a share, read as a percentage like a fraction.
_RATIO_WORDS = {**NUMBER_WORDS, "hundred": 100}
_RATIO_RE = re.compile(
    r"\b(?P<rn>one|two|three|four|five|six|seven|eight|nine|(?<![\d.,])[0-9]{1,3})(?:\s+in\s+|-in-)(?:every\s+)?"
    r"(?P<rd>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|[0-9]{1,4}(?![\d.,]))\b"
    r"(?!\s*(?:a\.m|p\.m|am\b|pm\b|[-–]|years?\b|days?\b|weeks?\b|months?\b|hours?\b|minutes?\b|innings\b))",
    re.IGNORECASE,
)
_MULTIPLE_VERBS = {
    "doubled": 2,
    "doubling": 2,
    "doubles": 2,
    "tripled": 3,
    "tripling": 3,
    "triples": 3,
    "trebled": 3,
    "quadrupled": 4,
    "quadrupling": 4,
    "quintupled": 5,
}
_MULTIPLE_RE = re.compile(
    r"\b(?:(?P<verb>doubled|doubling|doubles|tripled|tripling|triples|trebled|quadrupled|"
    r"quadrupling|quintupled)"
    r"|(?P<twice>twice|double|triple)(?=\s+(?:as|the|that|what|its|their|his|her|our|a)\b|\s+\w+er\b)"
    r"|(?P<x>(?P<xn>(?<![\w.])[0-9]+(?:\.[0-9]+)?)[xX](?![\w.]|\.[0-9]))"
    r"|(?P<fold>(?P<fn>[0-9]+(?:\.[0-9]+)?|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)"
    r"[\s-]?fold)"
    r"|(?P<times>(?P<n>[0-9]+(?:\.[0-9]+)?(?:,[0-9]{3})*|two|three|four|five|six|seven|eight|nine|ten|"
    r"twenty|fifty|hundred)\s+times)"
    r"(?!\s+(?:a|an|per|each|every|in|this|last|so|since|during|before|over|out|already|"
    r"before|the\s+(?:number|amount|size|rate|level))\b))\b",
    re.IGNORECASE,
)
_GROWTH_RE = re.compile(
    r"\b(?:increas|rise|rose|risen|grew|grow|jump|climb|soar|surg|expand|"
    r"fell|fall|drop|declin|shrank|shrunk|decreas)\w*",
    re.IGNORECASE,
)
_FALL = ("fell", "fall", "drop", "declin", "shrank", "shrunk", "decreas")
_WORD_VALUES = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
}
_VOTE_WORDS = r"vote|votes|verdict|decision|ruling|majority|margin|split|tally"
_SCORE_WORDS = r"win|victory|loss|defeat|lead|scoreline|score|triumph|rout|thrashing|draw"
_VOTE_RE = re.compile(
    r"(?P<pre>\b(?:voted|votes?\s+of|voting|by\s+an?|on\s+an?|in\s+an?|an?|the|won|lost|beat|"
    r"defeated|drew|score\s+of|tied|ruled|approved|passed|rejected)\s+)?"
    r"(?<![0-9.,/-])(?P<a>[0-9]{1,3})\s?[-–](?P<b>[0-9]{1,3})(?![0-9./-]|\s?(?:percent|per\s+cent|%))"
    r"(?P<post>,?\s+(?:(?:" + _VOTE_WORDS + r")|(?:" + _SCORE_WORDS + r"))\b)?",
    re.IGNORECASE,
)
_PHONE_RE = re.compile(
    r"(?<![0-9])(?:\+?[0-9]{1,3}[-. ])?(?:\([0-9]{3}\)\s?|[0-9]{3}[-. ])[0-9]{3}[-. ][0-9]{4}(?![0-9])"
)
# Numbers with a leading zero and digit groups ("0845 46 47", "020 7946 0018").
_ZERO_PHONE_RE = re.compile(r"(?<![\d.,])0[0-9]{2,4}(?:[ -][0-9]{2,4}){1,3}(?!\d|[.,]\d)")
# "at 201 E. Main", "1200 N. Lake Shore": a street number before a compass abbreviation.
_COMPASS_STREET_RE = re.compile(r"\b[0-9]{1,5}\s+[NSEW]\.(?=\s|$)")
_STREET_RE = re.compile(
    r"\b[0-9]{1,5}[A-Za-z]?(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|"
    r"Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Highway|Parkway|Square)\b\.?"
)
# Compounds in which a number word or digit names a kind of thing, not an amount.
_FIXED_RE = re.compile(
    r"\b(?:zero[\s-]hours?|zero[\s-]sum|zero[\s-]tolerance|zero[\s-]emissions?|one[\s-]off|"
    r"one[\s-]time|one[\s-]way|one[\s-]on[\s-]one|one[\s-]of[\s-](?:a[\s-])?kind|one[\s-]stop|"
    r"one[\s-]sided|one[\s-]size|one[\s-]party|two[\s-]way|two[\s-]faced|two[\s-]party|"
    r"three[\s-]pointers?|zero[\s-]net|net[\s-]zero|[23][\s-]?D|4x4|24/7|9/11|24-7|one\s+another|one\s+day|one\s+side|"
    r"one\s+hand|no\s+one|every\s+one|any\s+one|the\s+one|this\s+one|that\s+one|which\s+one|"
    # idioms: "at one point he said", "spoke with one voice"
    r"at\s+one\s+(?:point|time|stage|moment)|(?:with|in)\s+one\s+voice|one\s+by\s+one)\b",
    re.IGNORECASE,
)


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans that hold no quantity: phone and street numbers, fixed compounds."""
    if (
        not any(c.isdigit() for c in text)
        and "one" not in text.lower()
        and "zero" not in text.lower()
        and "two" not in text.lower()
        and "three" not in text.lower()
    ):
        return []
    spans = [m.span() for m in _PHONE_RE.finditer(text)]
    spans += [m.span() for m in _STREET_RE.finditer(text)]
    spans += [m.span() for m in _ZERO_PHONE_RE.finditer(text)]
    spans += [m.span() for m in _COMPASS_STREET_RE.finditer(text)]
    spans += [m.span() for m in _FIXED_RE.finditer(text)]
    return sorted(spans)


def _hedged(
    text: str, start: int, value: float, base_low: float, base_high: float, exact_ok: bool
) -> tuple[int, float, float, bool, str | None]:
    """Apply a hedge standing before ``start``: (new start, low, high, approx, hedge)."""
    found = hedge_before(text[max(0, start - 30) : start])
    if found:
        hedge, at = found
        lo_f, hi_f = HEDGES.get(hedge, SYMMETRIC)
        return start - (min(start, 30) - at), value * lo_f, value * hi_f, True, hedge
    if exact_ok:
        return start, base_low, base_high, False, None
    return start, value * SYMMETRIC[0], value * SYMMETRIC[1], True, None


def _share(text: str, base: int, m: re.Match, value: float) -> ExtractedQuantity:
    """A fraction or "N in M" read as a percentage, with the hedge before it and what it is of."""
    start, low, high, approx, _ = _hedged(text, m.start(), value, value, value, exact_ok=False)
    return ExtractedQuantity(
        text=text[start : m.end()],
        start=base + start,
        end=base + m.end(),
        value=value,
        low=low,
        high=high,
        approx=approx,
        change=None,
        unit="percent",
        kind="percent",
        of=of_phrase(text, m.end()),
    )


def find_fractions(text: str, base: int) -> list[ExtractedQuantity]:
    out = []
    for m in _FRACTION_RE.finditer(text):
        if _OF_A_SCALE_RE.match(text, m.end()):
            continue  # "a quarter of a trillion dollars" is an amount (see quantities)
        if m.group("half"):
            frac = 0.5
            prev = text[max(0, m.start() - 12) : m.start()].lower()
            if prev.endswith(("and a ", "and one ", "the ", "first ", "second ", "this ", "last ")):
                continue  # "two and a half" is a number; "the second half" a period
        elif m.group("plural"):
            frac = _NUMERATORS[m.group("num").lower()] * _FRACTIONS[m.group("plural").lower()]
        else:
            frac = _FRACTIONS[m.group("single").lower()]
        out.append(_share(text, base, m, round(frac * 100, 4)))
    return out


def find_ratios(text: str, base: int) -> list[ExtractedQuantity]:
    out = []
    for m in _RATIO_RE.finditer(text):
        n, d = (_RATIO_WORDS.get(g.lower()) or int(g) for g in (m.group("rn"), m.group("rd")))
        if not 0 < n < d or 1000 <= d <= 2199:
            continue  # "3 in 2019": a year, not a share
        out.append(_share(text, base, m, round(100 * n / d, 4)))
    return out


def find_multiples(text: str, base: int) -> list[ExtractedQuantity]:
    out = []
    for m in _MULTIPLE_RE.finditer(text):
        role, change = "level", None
        if m.group("verb"):
            value = float(_MULTIPLE_VERBS[m.group("verb").lower()])
            role, change = "change", "increase"
        elif m.group("x"):
            value = float(m.group("xn"))  # "2X points", "10x faster"
        elif m.group("fold"):
            n = m.group("fn").lower()
            value = float(_WORD_VALUES[n]) if n in _WORD_VALUES else float(n)
            # "increased tenfold", "a fourfold rise": the multiple is a change.
            near = text[max(0, m.start() - 25) : m.start()] + " " + text[m.end() : m.end() + 12]
            grown = _GROWTH_RE.search(near)
            if grown:
                role, change = "change", ("decrease" if grown.group(0).lower().startswith(_FALL) else "increase")
        elif m.group("twice"):
            value = {"twice": 2.0, "double": 2.0, "triple": 3.0}[m.group("twice").lower()]
        else:
            n = m.group("n").lower()
            value = float(_WORD_VALUES[n]) if n in _WORD_VALUES else float(n.replace(",", ""))
        start, low, high, approx, _ = _hedged(text, m.start(), value, value, value, exact_ok=True)
        out.append(
            ExtractedQuantity(
                text=text[start : m.end()],
                start=base + start,
                end=base + m.end(),
                value=value,
                low=low,
                high=high,
                approx=approx,
                change=change,
                unit="times",
                kind="multiple",
                role=role,
            )
        )
    return out


def find_votes(text: str, base: int) -> list[ExtractedQuantity]:
    out = []
    for m in _VOTE_RE.finditer(text):
        pre = (m.group("pre") or "").strip().lower()
        post = (m.group("post") or "").strip(" ,").lower()
        if not post and not pre.startswith(
            (
                "voted",
                "vote",
                "voting",
                "won",
                "lost",
                "beat",
                "defeated",
                "drew",
                "score",
                "tied",
                "ruled",
                "approved",
                "passed",
                "rejected",
            )
        ):
            continue
        a, b = float(m.group("a")), float(m.group("b"))
        is_vote = bool(re.match(_VOTE_WORDS, post)) or pre.startswith(
            ("vot", "ruled", "approved", "passed", "rejected")
        )
        start = m.start("a")
        end = m.end("post") if post else m.end("b")
        out.append(
            ExtractedQuantity(
                text=text[start:end],
                start=base + start,
                end=base + end,
                value=a,
                low=a,
                high=a,
                approx=False,
                change=None,
                unit="vote" if is_vote else "point",
                kind="vote" if is_vote else "score",
                versus=b,
            )
        )
    return out


_OF_RE = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?")
_OF_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_OF_STOP = frozenset(
    """to in at on for from by with into onto over under after before since during and or but
    than as that which who whom whose was were is are be been being has have had will would
    could should may might can said say says told think thought believe believed back backed
    support supported want wanted oppose opposed favor favour without while because if when
    where this these those it its they them we us you he she per were do did does not""".split()
)
_SURVEYED = frozenset("surveyed polled questioned asked interviewed sampled tested".split())


def of_phrase(text: str, pos: int) -> str | None:
    """What a share is of: the noun phrase after "of" ("voters surveyed"), lower case."""
    m = _OF_RE.match(text, pos)
    if not m:
        return None
    words: list[str] = []
    i = m.end()
    for _ in range(4):
        w = _OF_WORD_RE.match(text, i)
        if not w:
            break
        low = w.group(0).lower().rstrip("'’")
        if low in _OF_STOP or (low.endswith("ed") and low not in _SURVEYED and words):
            break
        words.append(low)
        i = w.end()
        if len(words) >= 2 and words[-2].endswith(("'s", "’s")):
            break  # "the company's staff"
        if text[i : i + 1] != " ":
            break
        i += 1
    return " ".join(words) or None
