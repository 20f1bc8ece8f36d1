"""Quantities in a claim: value, hedge interval, direction of change and counted unit.

The matcher compares claims by interval overlap, so each hedge maps to an explicit
interval (see HEDGES). Years, dates, times, ordinals and numbers that are part of a
name ("Operation X-1", "F-35", "Article 5") are not quantities.
"""

from __future__ import annotations

import re

from .model import ExtractedQuantity
from .numbers import (
    COMPOUND_UNITS, CURRENCIES, SCALES, VAGUE, parse_digits, parse_number_words, singular,
)

# Hedge table: phrase -> (low factor, high factor) applied to the stated number X.
# Symmetric hedges get +-5%: close enough that "roughly 5,000" and "some 5,200"
# overlap, far enough that "6,000 or so" and "some 5,200" do not.
SYMMETRIC = (0.95, 1.05)
HEDGES = {
    "about": SYMMETRIC, "roughly": SYMMETRIC, "some": SYMMETRIC, "around": SYMMETRIC,
    "approximately": SYMMETRIC, "an estimated": SYMMETRIC, "estimated": SYMMETRIC,
    "circa": SYMMETRIC, "approx.": SYMMETRIC, "or so": SYMMETRIC, "odd": SYMMETRIC,
    "~": SYMMETRIC,
    # "nearly X": just short of X.
    "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "close to": (0.9, 1.0),
    "just under": (0.9, 1.0), "just shy of": (0.9, 1.0),
    # "more than X": above X, and by less than half again (else a larger round
    # number would have been used). The low bound is X itself (exclusive in words).
    "more than": (1.0, 1.5), "over": (1.0, 1.5), "upwards of": (1.0, 1.5),
    "in excess of": (1.0, 1.5), "just over": (1.0, 1.5), "plus": (1.0, 1.5),
    "a little over": (1.0, 1.5), "a little more than": (1.0, 1.5), "well over": (1.0, 1.5),
    "slightly more than": (1.0, 1.5), "above": (1.0, 1.5),
    # "at least X": X or anything up to double.
    "at least": (1.0, 2.0), "no fewer than": (1.0, 2.0), "no less than": (1.0, 2.0),
    "a minimum of": (1.0, 2.0), "or more": (1.0, 2.0),
    # "up to X" and its kin: anything from zero to X.
    "up to": (0.0, 1.0), "as many as": (0.0, 1.0), "at most": (0.0, 1.0),
    "no more than": (0.0, 1.0), "a maximum of": (0.0, 1.0),
    "fewer than": (0.0, 1.0), "less than": (0.0, 1.0), "under": (0.0, 1.0),
    "below": (0.0, 1.0), "a little under": (0.9, 1.0), "slightly less than": (0.9, 1.0),
    "slightly fewer than": (0.9, 1.0), "well under": (0.0, 1.0),
}

_NUMBER_WORD_ALT = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety"
)
_SCALE_WORD_ALT = r"hundred|thousand|million|billion|trillion|dozen"

# One master pattern; alternatives in priority order, leftmost match wins.
_QUANTITY_RE = re.compile(
    r"(?P<cur>(?:US|A|AU|C|NZ|HK|S)\$|\$|£|€|¥)?"
    r"(?:(?P<num>(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>(?:thousand|million|billion|trillion)\b|(?:bn|mn|mln|tn|k|m|b)(?![\w]))|"
    r"(?P<pct>\s?%|\s(?:percent|per\s+cent)\b))?"
    r"|(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions)"
    r"(?=\s+(?:of|more|upon|fewer|additional|extra)\b))"
    r"|(?P<half>\bhalf\s+an?\s+(?:million|billion)\b)"
    r"|(?P<words>\b(?:(?:an?)\s+(?=(?:" + _SCALE_WORD_ALT + r")\b))?"
    r"(?:" + _NUMBER_WORD_ALT + r"|" + _SCALE_WORD_ALT + r")"
    r"(?:(?:[ -]|\s+and\s+)(?:" + _NUMBER_WORD_ALT + r"|" + _SCALE_WORD_ALT + r"))*\b))",
    re.IGNORECASE,
)
_HEDGE_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(—–-]))(?P<h>about|roughly|some|around|approximately|an\s+estimated|estimated|"
    r"circa|approx\.|nearly|almost|close\s+to|just\s+under|just\s+shy\s+of|a\s+little\s+over|"
    r"a\s+little\s+more\s+than|a\s+little\s+under|slightly\s+(?:more|less|fewer)\s+than|well\s+over|"
    r"well\s+under|above|more\s+than|over|"
    r"upwards\s+of|in\s+excess\s+of|just\s+over|at\s+least|no\s+fewer\s+than|no\s+less\s+than|"
    r"a\s+minimum\s+of|up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|a\s+maximum\s+of|"
    r"fewer\s+than|less\s+than|under|below|~)\s*$",
    re.IGNORECASE,
)
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?P<c>another|an\s+additional|an\s+extra|additional|extra|increase\s+of|rise\s+of|"
    r"increased\s+by|rose\s+by|grew\s+by|up\s+by|jumped\s+by|climbed\s+by|gain\s+of|"
    r"cut\s+of|cut\s+by|cut|cutting|cuts|reduce\s+by|reduced\s+by|reduction\s+of|"
    r"decrease\s+of|decreased\s+by|drop\s+of|dropped\s+by|fell\s+by|down\s+by|"
    r"declined\s+by|fall\s+of|decline\s+of|shed|slashed|slash|lowered\s+by)\s+(?:by\s+)?$",
    re.IGNORECASE,
)
_AFTER_RE = re.compile(
    r"(?P<post>-plus\b|\s+or\s+so\b|\s+or\s+more\b|-odd\b|\s+plus\b)?"
    r"(?P<chg>\s+(?:more|additional|extra|fewer|less)\b)?",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_RANGE_RE = re.compile(
    r"\s?(?P<sep>-|–|\s+to\s+|\s+and\s+)\s?(?P<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s(?P<scale2>thousand|million|billion|trillion)\b)?(?P<pct2>\s?%|\s(?:percent|per\s+cent)\b)?"
)
_BETWEEN_RE = re.compile(r"\bbetween\s+\$?$", re.IGNORECASE)
_HYPHEN_UNIT_RE = re.compile(r"-([a-z]+)\b(?!-)")
_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|"
    "sep|sept|september|oct|october|nov|november|dec|december"
)
_MONTH_BEFORE_RE = re.compile(r"\b(?:" + _MONTHS + r")\.?\s*$", re.IGNORECASE)
_MONTH_AFTER_RE = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTHS + r")\b", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(
    r"(?::\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|et\b|o'clock))", re.IGNORECASE
)
_YEAR_CONTEXT_RE = re.compile(
    r"\b(?:in|since|by|until|till|from|of|year|during|before|after|early|late|mid|"
    r"summer|winter|spring|fall|autumn|through)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# Capitalised words that name the number after them rather than count with it.
_NAME_PREFIXES = frozenset(
    """no nos number article section chapter resolution flight route highway interstate
    room page volume vol title amendment proposition prop act bill phase level grade
    stage round apollo boeing airbus channel district ward unit camp gate terminal
    platform pier lot building floor block zone sector table figure fig item rule
    paragraph clause annex appendix protocol division battalion brigade regiment
    squadron fleet corps""".split()
)
# Words that may stand between a number and its noun without being the noun.
_UNIT_SKIP = frozenset(
    """more additional extra fewer less new other of the those these its their his her our
    your some more than about nearly around roughly or so additional total further
    active armed full-time part-time estimated reported registered confirmed""".split()
)
# Words that end the search for a noun: the number counts nothing named here.
_UNIT_STOP = frozenset(
    """to in at on for from by with into onto over under after before since during and or
    but than as that which who whom whose was were is are be been being has have had
    will would could should may might can said says told this these them they it its
    he she we i you a an per each every times ago later earlier years' year's today tonight
    now yesterday tomorrow last next this apiece annually daily weekly monthly yearly
    alone""".split()
)
def _is_plural(word: str) -> bool:
    low = word.lower()
    return singular(low) != low or low in ("people", "personnel", "police")


_UNIT_MAP = {"%": "percent", "percent": "percent", "cent": "percent"}
_MAX_UNIT_WINDOW = 4


# Units a bare number can borrow from an earlier one ("3,000 more volunteers ... to
# 6,000 or so"); measures of time and money are too generic to lend theirs.
_NOT_LENT = frozenset("percent dollar pound euro yen day week month year hour minute second time".split())
_HOW_MANY_RE = re.compile(r"\bhow\s+many\b", re.IGNORECASE)


def lendable_unit(unit: str | None) -> bool:
    return unit is not None and unit not in _NOT_LENT


def asked_unit(text: str) -> str | None:
    """The noun of a "how many ..." question, which the answer's bare number counts."""
    m = _HOW_MANY_RE.search(text)
    if not m:
        return None
    found = _find_unit(text, m.end())
    return found[0] if found else None


def find_quantities(text: str, base: int = 0) -> list[ExtractedQuantity]:
    """All quantities in ``text``; offsets are shifted by ``base`` (the claim's start)."""
    out: list[ExtractedQuantity] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _QUANTITY_RE.search(text, pos)
        if not m:
            break
        q = _build(text, m, base)
        pos = max(m.end(), pos + 1)
        if q is not None:
            out.append(q)
            pos = max(pos, q.end - base)
    return out


def _build(text: str, m: re.Match, base: int) -> ExtractedQuantity | None:
    start, end = m.start(), m.end()
    before = text[max(0, start - 40):start]
    approx = False
    low_f = high_f = 1.0
    unit: str | None = None
    if m.group("num"):
        if _not_a_count(text, m, before):
            return None
        value = parse_digits(m.group("num"))
        scale = (m.group("scale") or "").lower()
        if scale:
            if scale in ("m", "b", "k") and not m.group("cur"):
                # A bare "5m" is more likely metres than millions; "5k" a race.
                return None
            value *= SCALES[scale]
        if m.group("cur"):
            unit = CURRENCIES.get(m.group("cur").lower(), "dollar")
        if m.group("pct"):
            unit = "percent"
        vague = None
        rng = _RANGE_RE.match(text, end)
        if rng and (rng.group("sep").strip() != "and" or _BETWEEN_RE.search(before)):
            # "5,000-6,000 troops", "between 5 and 6 percent": a stated interval.
            hi = parse_digits(rng.group("num2")) * SCALES.get((rng.group("scale2") or "").lower(), 1.0)
            lo = value
            if not scale and rng.group("scale2"):
                lo *= SCALES[rng.group("scale2").lower()]
            if rng.group("pct2"):
                unit = "percent"
            if hi > lo:
                vague = ((lo + hi) / 2, lo, hi)
                value = vague[0]
                end = rng.end()
                bm = _BETWEEN_RE.search(before)
                if bm:
                    start -= len(before) - bm.start()
    elif m.group("vague"):
        vague = VAGUE[re.sub(r"\s+", " ", m.group("vague").lower())]
        value = vague[0]
    elif m.group("half"):
        value = 0.5 * SCALES[m.group("half").split()[-1].lower()]
        vague = None
    else:
        tail = text[end:end + 12].lower()
        if tail.startswith(("-year-old", " year-old", "-year old")) or tail[1:2].isdigit():
            return None  # an age, or a word before a figure ("two 500-pound bombs")
        parsed = parse_number_words(m.group("words"))
        if parsed is None:
            return None
        value = parsed
        vague = None
    hedge = None
    hm = _HEDGE_BEFORE_RE.search(before)
    if hm and not (m.group("words") and hm.group("h").lower() == "some"):
        hedge = re.sub(r"\s+", " ", hm.group("h").lower())
        start = start - (len(before) - hm.start("h"))
    change = None
    cm = _CHANGE_BEFORE_RE.search(text[max(0, start - 30):start])
    if cm:
        word = cm.group("c").lower()
        change = "decrease" if word.split()[0] in _DECREASE_WORDS else "increase"
        if word.split()[-1] in ("another", "additional", "extra"):
            start -= len(cm.group(0))
    if change is None and text[max(0, start - 3):start] == "by ":
        # "reduce its presence in Iraq by about 2,000 troops": the verb sits further back.
        vm = _CHANGE_VERB_RE.search(text, max(0, start - 90), start)
        if vm:
            change = "decrease" if vm.group(0).lower().startswith(_DECREASE_STEMS) else "increase"
    after = _AFTER_RE.match(text, end)
    if after and after.group("post"):
        post = after.group("post").strip(" -").lower()
        post = re.sub(r"\s+", " ", post)
        hedge = hedge or post
        end = after.end("post")
    if after and after.group("chg"):
        word = after.group("chg").strip().lower()
        change = "decrease" if word in ("fewer", "less") else "increase"
        end = after.end("chg")
    unit_end = end
    hyphen = _HYPHEN_UNIT_RE.match(text, end) if unit is None else None
    if hyphen and hyphen.group(1).lower() not in _UNIT_STOP:
        # "two-hour briefing", "500-pound bomb": the measure is the hyphenated word.
        unit, unit_end = singular(hyphen.group(1)), hyphen.end()
    elif unit is None:
        found = _find_unit(text, end)
        if found:
            unit, unit_end = found[0], found[1]
    if m.group("words") and not _plausible_word_number(m.group("words"), unit, text, m.end()):
        return None
    if hedge is not None:
        low_f, high_f = HEDGES.get(hedge, SYMMETRIC)
        approx = True
    if vague is not None:
        low, high = vague[1], vague[2]
        approx = True
        if hedge is not None:
            low, high = low * low_f, high * high_f
    else:
        low, high = value * low_f, value * high_f
    low, high = min(low, value), max(high, value)
    end = max(end, unit_end)
    return ExtractedQuantity(
        text=text[start:end], start=base + start, end=base + end, value=float(value),
        low=float(low), high=float(high), approx=approx, change=change, unit=unit,
    )


_CHANGE_VERB_RE = re.compile(
    r"\b(?:reduc|cut|lower|decreas|shrink|shrank|trim|slash|increas|rais|boost|expand|"
    r"grow|grew|lift)\w*\b[^.;]*$",
    re.IGNORECASE,
)
_DECREASE_STEMS = ("reduc", "cut", "lower", "decreas", "shrink", "shrank", "trim", "slash")
_AGE_BEFORE_RE = re.compile(r"[A-Z][a-z'’-]+,\s$")
_DECREASE_WORDS = frozenset(
    "cut cutting cuts reduce reduced reduction decrease decreased drop dropped fell down "
    "declined fall decline shed slashed slash lowered".split()
)


def _not_a_count(text: str, m: re.Match, before: str) -> bool:
    """Years, dates, times, ordinals and numbers inside names."""
    s, e = m.start("num"), m.end("num")
    num = m.group("num")
    prev = text[s - 1] if s > 0 else " "
    nxt = text[e] if e < len(text) else " "
    has_cur = bool(m.group("cur"))
    if not has_cur and (prev == "-" and s > 1 and text[s - 2].isalpha()):
        return True  # "X-1", "COVID-19", "F-35"
    if prev == "-" and s >= 5 and text[s - 5:s - 1].isdigit():
        return True  # "2019-20"
    if prev in "#/" or nxt == "/" or (nxt == "-" and text[e + 1:e + 2].isdigit() and len(num) == 4):
        return True  # "#1", "9/11", "2019-20"
    if nxt.isalpha() and not m.group("scale"):
        return True  # "1st", "1990s", "10am", "5G"
    if _TIME_AFTER_RE.match(text, e):
        return True
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(text, e):
        return True
    if nxt == "," and _AGE_BEFORE_RE.search(before):
        return True  # "Tom Jones, 64, of Marietta"
    if nxt == "-" and text[e + 1:e + 9].lower().startswith(("year-old", "year old")):
        return True  # ages are descriptions, not counts
    prev_word = _WORD_RE.findall(before[-25:])
    if prev_word and prev_word[-1].rstrip(".").lower() in _NAME_PREFIXES and prev_word[-1][:1].isupper():
        return True
    if (not has_cur and not m.group("pct") and not m.group("scale") and len(num) == 4
            and num.isdigit() and 1000 <= int(num) <= 2199):
        # A year unless a plural noun follows ("2000 troops") outside a date context.
        found = _find_unit(text, e)
        if found is None or _YEAR_CONTEXT_RE.search(before) or not _is_plural(found[2]):
            return True
    return False


def _plausible_word_number(words: str, unit: str | None, text: str, end: int) -> bool:
    """Number words are quantities only when they count something: "one of the" is not."""
    low = words.lower().strip()
    if low in ("one", "zero") or low in SCALES:
        nxt = _WORD_RE.match(text, end + 1) if text[end:end + 1] == " " else None
        if unit is None or (nxt is not None and nxt.group(0).lower() in ("of", "another")):
            return False
    return True


def _find_unit(text: str, pos: int) -> tuple[str, int, str] | None:
    """The counted noun after a number: (lemma, end offset, surface word) or None.

    Skips qualifiers ("more", "American", "heavily") and takes the head of a short
    noun compound: the first plural word ("army reservists", "bases hosting"), or the
    last word of the run when none is plural ("firefighting aircraft").
    """
    i = pos
    n = len(text)
    run: list[re.Match] = []
    for _ in range(_MAX_UNIT_WINDOW + 1):
        while i < n and text[i] in " \t-":
            i += 1
        if text.startswith("%", i):
            return ("percent", i + 1, "%") if not run else _head(run, text)
        m = _WORD_RE.match(text, i)
        if not m:
            break
        word = m.group(0).rstrip(".'’-")
        low = word.lower()
        if low in _UNIT_STOP:
            break
        if word[:1].isupper() or (not run and (low in _UNIT_SKIP or (low.endswith("ly") and len(low) > 4))):
            if run:
                break
            i = m.end()
            continue
        run.append(m)
        if _is_plural(word) and low not in ("series", "species"):
            break
        if low.endswith("ing") and len(run) > 1:
            run.pop()
            break
        i = m.start() + len(word)
        if text[i:i + 1] not in (" ", "-") or len(run) >= 3:
            break
    return _head(run, text) if run else None


def _head(run: list[re.Match], text: str) -> tuple[str, int, str] | None:
    last = run[-1]
    word = last.group(0).rstrip(".'’-")
    low = word.lower()
    if low.endswith("ing") and len(run) == 1 and low not in ("building", "sibling", "offering"):
        return None
    lemma = _UNIT_MAP.get(low) or singular(low)
    end = last.start() + len(word)
    if len(run) >= 2:
        prev = run[-2].group(0).rstrip(".'’-").lower()
        if (singular(prev), lemma) in COMPOUND_UNITS or (prev, lemma) in COMPOUND_UNITS:
            return f"{singular(prev)} {lemma}", end, word
    return lemma, end, word
