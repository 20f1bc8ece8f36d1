"""Quantities in a claim: value, hedge interval, kind, direction of change and counted unit.

The matcher compares claims by interval overlap, so each hedge maps to an explicit
interval (see :mod:`hedges`). Years, dates, times, ordinals, phone and street numbers
and numbers that are part of a name are not quantities (:mod:`notcounts`, :mod:`figures`).
Each quantity also says what sort of number it is (``kind``: count, percent, money,
measure, age, vote, score, rate, multiple) and whether it is a level, a change or the
start of a from-to pair ("rose from 4.1 per cent to 6.3 per cent": the 6.3 is a level
reached, with ``from_value`` 4.1; it is not a range).
"""

from __future__ import annotations

import re

from .counted import UNIT_STOP, WORD_RE, find_rate, find_unit
from .figures import blocked_spans, find_fractions, find_multiples, find_ratios, find_votes, of_phrase
from .hedges import HEDGES, SYMMETRIC, hedge_before
from .model import ExtractedQuantity
from .notcounts import appositive_age, not_a_count
from .numbers import SCALES, UNITS_WORDS, parse_digits, parse_number_words, singular, vague_magnitude
from .units import (
    CURRENCY_RE,
    CURRENCY_SYMBOLS,
    GLUED_ONLY,
    GLUED_RE,
    GLUED_UNITS,
    SPACED_INCH_RE,
    UNIT_WORDS,
    unit_kind,
)

__all__ = ["HEDGES", "asked_unit", "find_quantities", "lendable_unit"]

_NUMBER_WORD_ALT = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety"
)
_SCALE_WORD_ALT = r"hundred|thousand|million|billion|trillion|dozen"
_DIGIT_WORD_ALT = r"zero|one|two|three|four|five|six|seven|eight|nine"
_WORDS_PART = (
    r"(?:" + _NUMBER_WORD_ALT + r"|" + _SCALE_WORD_ALT + r")"
    r"(?:(?:[ -]|\s+and\s+)(?:" + _NUMBER_WORD_ALT + r"|" + _SCALE_WORD_ALT + r"))*"
    r"(?:[ -]point(?:[ -](?:" + _DIGIT_WORD_ALT + r"))+)?"
    r"(?:\s+and\s+a\s+half(?:\s+(?:thousand|million|billion))?)?"
)

# "Thousands have been displaced": a vague plural standing alone as the subject.
_VAGUE_VERBS = (
    r"have|had|were|are|died|fled|marched|gathered|protested|remain|remained|lined|joined|"
    r"signed|took|turned|left|came"
)
_VAGUE_VERB_RE = re.compile(r"\s+(?:" + _VAGUE_VERBS + r")\b", re.IGNORECASE)

# One master pattern; alternatives in priority order, leftmost match wins.
_QUANTITY_RE = re.compile(
    r"(?:(?<![A-Za-z])" + CURRENCY_RE + r")?"
    r"(?:(?P<num>(?<![\w.,])[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|(?<![\w.,])[0-9]+(?:\.[0-9]+)?)"
    r"(?:(?:\s|-)?(?P<scale>(?:thousand|million|billion|trillion)\b|(?:bn|mn|mln|tn|k|m|b)(?![\w]))|"
    r"(?P<pct>\s?%|\s(?:percent|per\s+cent)\b))?"
    r"|(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions|trillions))"
    r"(?P<upon>\s+upon\s+(?:dozens|hundreds|thousands|millions|billions|trillions))?"
    r"(?=\s+(?:of|more|fewer|additional|extra|" + _VAGUE_VERBS + r")\b)"
    r"|(?P<half>\b(?:half\s+an?|(?P<part>(?:a|one)\s+(?:quarter|third)|three[\s-]quarters|two[\s-]thirds)"
    r"\s+of\s+an?)\s+(?:million|billion|trillion)\b)"
    r"|(?P<one_unit>\ban?\s+(?=(?:hour|day|week|month|year|decade|century|minute)\b))"
    r"|(?P<words>\b(?:(?:an?)\s+(?=(?:" + _SCALE_WORD_ALT + r")\b))?" + _WORDS_PART + r"\b))",
    re.IGNORECASE,
)
_WORD_RANGE_RE = re.compile(r"\s*(?:to|-|–|or)\s*(?P<w2>" + _WORDS_PART + r")\b", re.IGNORECASE)
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
_RANGE_RE = re.compile(
    r"\s?(?P<sep>-|–|\s+to\s+|\s+and\s+)\s?\$?(?P<num2>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"(?:\s(?P<scale2>thousand|million|billion|trillion)\b)?(?P<pct2>\s?%|\s(?:percent|per\s+cent)\b)?"
)
_BETWEEN_RE = re.compile(r"\bbetween\s+\$?$", re.IGNORECASE)
_FROM_RE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$", re.IGNORECASE)
# "prices range from $699 to $1,562": a stated interval, not a change.
_RANGE_FROM_RE = re.compile(r"\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|anywhere)\s+from\s+\$?$", re.IGNORECASE)
_FROM_TO_GAP_RE = re.compile(r"\s+to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+)?$", re.IGNORECASE)
_HYPHEN_UNIT_RE = re.compile(r"-([a-z]+)\b(?!-)")
_AGE_AFTER_RE = re.compile(r"[-\s]years?[-\s]old\b|[-\s]months?[-\s]old\b", re.IGNORECASE)
_AGE_BEFORE_RE = re.compile(r"\b(?:aged|age|ages|at\s+the\s+age\s+of)\s+$", re.IGNORECASE)
_NEGATIVE_RE = re.compile(r"\b(?:negative|minus)\s+$", re.IGNORECASE)
_ORDINAL_NOUN_RE = re.compile(
    r"\b(?:days?|weeks?|games?|rounds?|stages?|phases?|levels?|grades?|chapters?|pages?|episodes?|"
    r"seasons?|holes?|laps?|legs?)\s+$",
    re.IGNORECASE,
)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*)$")
# "four of the 12 boxes", "42 out of 42 cases": the first figure counts what the second does.
_OF_NUMBER_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|these|those|his|her|our)\s+)?$", re.IGNORECASE)
_SPECIAL_HINT_RE = re.compile(
    r"half|third|quarter|fourth|fifth|tenth|doubl|tripl|trebl|quadrupl|quintupl|twice|times|fold|"
    r"[0-9]\s?[-–][0-9]|[0-9][xX]\b|[\s-]in[\s-]+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|[0-9])",
    re.IGNORECASE,
)
# Every quantity holds a digit or one of these words (the number and scale words, the
# shares and multiples, and the time units of "a year"); a text without any is skipped
# before the patterns above run, which otherwise cost about 1 ms per long sentence.
_HINT_WORDS = tuple(
    sorted(
        set(_NUMBER_WORD_ALT.split("|"))
        | set(_SCALE_WORD_ALT.split("|"))
        | {"scores", "half", "third", "quarter", "fourth", "fifth", "tenth", "doubl", "tripl", "trebl"}
        | {"quadrupl", "quintupl", "twice", "times", "fold"}
        | {"hour", "day", "week", "month", "year", "decade", "centur", "minute"}
    )
)
_DIGIT_RE = re.compile(r"[0-9]")


def _may_hold_quantity(text: str) -> bool:
    if _DIGIT_RE.search(text):
        return True
    low = text.lower()
    return any(word in low for word in _HINT_WORDS)


_CHANGE_VERB_RE = re.compile(
    r"\b(?:reduc|cut|lower|decreas|shrink|shrank|trim|slash|increas|rais|boost|expand|"
    r"grow|grew|lift)\w*\b[^.;]*$",
    re.IGNORECASE,
)
_DECREASE_STEMS = ("reduc", "cut", "lower", "decreas", "shrink", "shrank", "trim", "slash")
_DECREASE_WORDS = frozenset(
    "cut cutting cuts reduce reduced reduction decrease decreased drop dropped fell down "
    "declined fall decline shed slashed slash lowered".split()
)

# Units a bare number can borrow from an earlier one ("3,000 more volunteers ... to
# 6,000 or so"); measures of time and money are too generic to lend theirs.
_NOT_LENT = frozenset(
    "percent dollar pound euro yen day week month year hour minute second time times vote point".split()
)
_MAJORITY_RE = re.compile(r"\b(?:majority|margin)\s+of\s+$", re.IGNORECASE)
_EVERY_RE = re.compile(r"\bevery\s+$", re.IGNORECASE)
_SPEED_TIMES = frozenset(("hour", "minute", "second"))
_HOW_MANY_RE = re.compile(r"\bhow\s+many\b", re.IGNORECASE)


def lendable_unit(unit: str | None) -> bool:
    return unit is not None and unit not in _NOT_LENT


def asked_unit(text: str) -> str | None:
    """The noun of a "how many ..." question, which the answer's bare number counts."""
    m = _HOW_MANY_RE.search(text)
    if not m:
        return None
    found = find_unit(text, m.end())
    return found[0] if found else None


def find_quantities(text: str, base: int = 0) -> list[ExtractedQuantity]:
    """All quantities in ``text``; offsets are shifted by ``base`` (the claim's start)."""
    if not _may_hold_quantity(text):
        return []
    special: list[ExtractedQuantity] = []
    if _SPECIAL_HINT_RE.search(text):
        special = (
            find_votes(text, base) + find_multiples(text, base) + find_fractions(text, base) + find_ratios(text, base)
        )
    skip = blocked_spans(text) + sorted((q.start - base, q.end - base) for q in special)
    out: list[ExtractedQuantity] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _QUANTITY_RE.search(text, pos)
        if not m:
            break
        inside = next((e for s, e in skip if s <= m.start() < e or s < m.end() <= e), None)
        if inside is not None:
            pos = max(inside, m.start() + 1)
            continue
        q = _build(text, m, base)
        pos = max(m.end(), pos + 1)
        if q is not None:
            out.append(q)
            pos = max(pos, q.end - base)
    if special:
        taken = [(q.start, q.end) for q in out]
        out += [q for q in special if not any(s < q.end and q.start < e for s, e in taken)]
        out.sort(key=lambda q: q.start)
    _link_pairs(text, out, base)
    return out


def _link_pairs(text: str, qs: list[ExtractedQuantity], base: int) -> None:
    """From-to pairs ("from 4.1 per cent to 6.3 per cent") and "four of the 12 boxes"."""
    for a, b in zip(qs, qs[1:], strict=False):
        gap = text[a.end - base : b.start - base]
        if (
            _FROM_TO_GAP_RE.fullmatch(gap)
            and _FROM_RE.search(text, 0, a.start - base)
            and not _RANGE_FROM_RE.search(text, 0, a.start - base)
            and a.kind == b.kind
            and a.kind not in ("vote", "score", "age")
        ):
            a.role = "start"
            b.from_value = a.value
            if a.unit is None or b.unit is None:
                a.unit = b.unit = a.unit or b.unit
                a.kind = b.kind = unit_kind(a.unit)
        elif a.unit is None and b.unit is not None and _OF_NUMBER_RE.fullmatch(gap) and b.kind == "count":
            a.unit = b.unit


def _build(text: str, m: re.Match, base: int) -> ExtractedQuantity | None:
    start, end = m.start(), m.end()
    before = text[max(0, start - 40) : start]
    approx = False
    low_f = high_f = 1.0
    unit: str | None = None
    kind: str | None = None
    vague = None
    scale = ""
    words = None
    if m.group("num"):
        glued = None
        if not (m.group("scale") or m.group("pct")):
            g = GLUED_RE.match(text, end)
            if g and not (g.group("sp") and g.group("u") in GLUED_ONLY):
                glued = g
            elif g and g.group("u") == "in" and SPACED_INCH_RE.match(text, end):
                glued = g
        if not_a_count(text, m, before, glued=glued is not None):
            return None
        value = parse_digits(m.group("num"))
        scale = (m.group("scale") or "").lower()
        if scale:
            if scale in ("m", "b", "k") and not m.group("cur"):
                # A bare "5m" is metres, unless people are counted ("2.5m people");
                # "5k" is a race.
                nxt = find_unit(text, end)
                if scale != "m" or nxt is None or nxt[0] in UNIT_WORDS.values():
                    if scale != "m":
                        return None
                    unit, scale = "metre", ""
                    value = parse_digits(m.group("num"))
            if scale:
                value *= SCALES[scale]
        if glued is not None:
            unit, end = GLUED_UNITS[glued.group("u")], glued.end()
        if m.group("cur"):
            unit = CURRENCY_SYMBOLS.get(m.group("cur").strip().lower(), "dollar")
        if m.group("pct"):
            unit = "percent"
        rng = _RANGE_RE.match(text, end)
        if (
            rng
            and (rng.group("sep").strip() != "and" or _BETWEEN_RE.search(before))
            and (not _FROM_RE.search(before) or _RANGE_FROM_RE.search(before))
            and glued is None
        ):
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
        vague = vague_magnitude(m.group("vague"))
        if vague is None:
            return None
        value = vague[0]
    elif m.group("half"):
        # "half a billion", "a quarter of a trillion dollars"
        part = re.sub(r"[\s-]+", " ", (m.group("part") or "half").lower())
        value = _PARTS_OF_A_SCALE[part] * SCALES[m.group("half").split()[-1].lower()]
    elif m.group("one_unit"):
        if hedge_before(before) is None:
            return None  # "a year" alone is a period, not a stated amount
        value = 1.0
    else:
        words, end = _trim_and(m.group("words"), start)
        if _not_a_word_number(text, start, end, before):
            return None
        parsed = _parse_words(words)
        if parsed is None:
            return None
        value = parsed
        wr = _WORD_RANGE_RE.match(text, end)
        word_hi = _parse_words(wr.group("w2")) if wr else None
        if wr and word_hi is not None and word_hi > value:
            vague = ((value + word_hi) / 2, value, word_hi)
            value, end = vague[0], wr.end()
    age = _AGE_AFTER_RE.match(text, end)
    if m.group("num") and not unit and appositive_age(text, m, before):
        return _age(text, start, end, value, base)
    if age or (_AGE_BEFORE_RE.search(before) and value < 130 and not unit):
        if age:
            end = age.end()
        unit, kind = ("month" if age and "month" in age.group(0).lower() else "year"), "age"
    neg = _NEGATIVE_RE.search(before)
    if neg:
        value = -value
        vague = (-vague[0], -vague[2], -vague[1]) if vague else None
        start -= len(before) - neg.start()
    hedge = None
    found = hedge_before(text[max(0, start - 40) : start])
    every = _EVERY_RE.search(text, max(0, start - 7), start)
    if found is None and every:
        # "roughly every 3.4 months": the hedge is on the figure, past "every".
        found = hedge_before(text[max(0, every.start() - 40) : every.start()])
        if found:
            start = every.start()
    if found and not (words and found[0] == "some"):
        hedge = found[0]
        start -= min(start, 40) - found[1]
    change = _change_before(text, start)
    if change and text[max(0, start - 30) : start].lower().rstrip().endswith(("another", "additional", "extra")):
        cm = _CHANGE_BEFORE_RE.search(text[max(0, start - 30) : start])
        start -= len(cm.group(0)) if cm else 0
    after = _AFTER_RE.match(text, end)
    if after and after.group("post"):
        post = re.sub(r"\s+", " ", after.group("post").strip(" -").lower())
        hedge = hedge or post
        end = after.end("post")
    if after and after.group("chg"):
        word = after.group("chg").strip().lower()
        change = "decrease" if word in ("fewer", "less") else "increase"
        end = after.end("chg")
    if unit is None and _MAJORITY_RE.search(text, max(0, start - 20), start):
        unit, kind = "vote", "vote"  # "by a majority of 107": votes
    unit_end = end
    hyphen = _HYPHEN_UNIT_RE.match(text, end) if unit is None else None
    if hyphen and hyphen.group(1).lower() not in UNIT_STOP:
        # "two-hour briefing", "500-pound bomb", "2.4-billion-rupee dam": the measure is
        # the hyphenated word, not the noun after it.
        word = hyphen.group(1).lower()
        unit, unit_end = UNIT_WORDS.get(word) or singular(word), hyphen.end()
    elif unit is None and not (m.group("vague") and _VAGUE_VERB_RE.match(text, end)):
        found_unit = find_unit(text, end)
        if found_unit:
            unit, unit_end = found_unit[0], found_unit[1]
    if words and not _plausible_word_number(words, unit, text, m.start() + len(words)):
        return None
    end = max(end, unit_end)
    per = of = None
    if kind is None and unit is not None:
        rate = find_rate(text, end)
        if rate and unit != "percent":
            per, of, end = rate
            kind = "rate"
            if per == 1.0 and of in _SPEED_TIMES and unit_kind(unit) == "measure":
                # "30 miles per hour" is the same measure as "30 mph".
                unit, kind, per, of = f"{unit} per {of}", "measure", None, None
    if unit == "percent":
        of = of_phrase(text, end)
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
    low, high = min(low, high, value), max(high, low, value)
    if unit == "percent" and not change and value <= 100 < high and (hedge or "").endswith(_ABOVE):
        high = 100.0  # "more than 90 percent of the forest": a share stays at most whole
    return ExtractedQuantity(
        text=text[start:end],
        start=base + start,
        end=base + end,
        value=float(value),
        low=float(low),
        high=float(high),
        approx=approx,
        change=change,
        unit=unit,
        kind=kind or unit_kind(unit),
        role="change" if change else "level",
        of=of,
        per=per,
    )


def _age(text: str, start: int, end: int, value: float, base: int) -> ExtractedQuantity:
    return ExtractedQuantity(
        text=text[start:end],
        start=base + start,
        end=base + end,
        value=float(value),
        low=float(value),
        high=float(value),
        approx=False,
        change=None,
        unit="year",
        kind="age",
        role="level",
    )


def _change_before(text: str, start: int) -> str | None:
    cm = _CHANGE_BEFORE_RE.search(text[max(0, start - 30) : start])
    if cm:
        word = cm.group("c").lower()
        return "decrease" if word.split()[0] in _DECREASE_WORDS else "increase"
    if text[max(0, start - 3) : start] == "by ":
        # "reduce its presence in Iraq by about 2,000 troops": the verb sits further back.
        vm = _CHANGE_VERB_RE.search(text, max(0, start - 90), start)
        if vm:
            return "decrease" if vm.group(0).lower().startswith(_DECREASE_STEMS) else "increase"
    return None


_PARTS_OF_A_SCALE = {
    "half": 0.5,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "three quarters": 0.75,
    "two thirds": 2 / 3,
}
_ONE_OF_A_KIND = frozenset(
    "possible potential likely such key main major big important obvious simple common final particular "
    "clear notable striking".split()
)
# After "one" and a past participle, a preposition or article shows a pronoun ("one
# disguised as", "one backed by the") rather than a count ("one armed guard").
_PRONOUN_ED_NEXT_RE = re.compile(
    r"\s+(?:as|by|behind|in|on|at|with|from|to|for|into|under|over|the|a|an|his|her|its|"
    r"their)\b",
    re.IGNORECASE,
)
_THE_OTHER_RE = re.compile(r"[^.;]{0,60}\b(?:and|while|but|,)\s+the\s+other\b", re.IGNORECASE)
_ABOVE = (
    "more than",
    "over",
    "at least",
    "or more",
    "plus",
    "above",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
    "a minimum of",
)
_AND_SPLIT_RE = re.compile(r"\s+and\s+", re.IGNORECASE)
_SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")


def _trim_and(words: str, start: int) -> tuple[str, int]:
    """Number words joined by "and" only after a scale ("one hundred and fifty"); "days one
    and four" are two numbers, "two and a half" one."""
    parts = _AND_SPLIT_RE.split(words)
    keep = parts[0]
    for part in parts[1:]:
        if part.lower().startswith("a half") or keep.lower().rsplit(None, 1)[-1].split("-")[-1] in _SCALE_WORDS:
            keep = words[: words.lower().find(part.lower(), len(keep)) + len(part)]
        else:
            break
    return keep, start + len(keep)


def _parse_words(words: str) -> float | None:
    low = words.lower()
    if " and a half" in low:
        head, _, tail = low.partition(" and a half")
        value = parse_number_words(head)
        if value is None:
            return None
        scale = tail.strip()
        return (value + 0.5) * (SCALES[scale] if scale else 1.0)
    if "point" in low:
        head, _, tail = low.partition("point")
        whole = parse_number_words(head.strip(" -"))
        digits = [UNITS_WORDS.get(d) for d in re.split(r"[\s-]+", tail.strip(" -")) if d]
        if whole is None or not digits or any(d is None or d > 9 for d in digits):
            return None
        return float(f"{int(whole)}." + "".join(str(d) for d in digits))
    return parse_number_words(words)


def _not_a_word_number(text: str, start: int, end: int, before: str) -> bool:
    """Number words that name or point rather than count: "Four Paths Police", "One
    drawback:", "the 41-year-old" is handled elsewhere, "two 500-pound bombs"."""
    tail = text[end : end + 12]
    if tail[1:2].isdigit():
        return True  # a word before a figure ("two 500-pound bombs")
    word = text[start:end]
    if _ORDINAL_NOUN_RE.search(before):
        return True  # "on days four and five": positions, not amounts
    initial = bool(_SENTENCE_START_RE.search(before))
    nxt = WORD_RE.match(text, end + 1) if tail[:1] == " " else None
    if word[:1].isupper() and not initial and nxt and nxt.group(0)[:1].isupper():
        return True  # a name: "the Four Paths Police"
    if word.lower() == "one" and nxt is not None:
        after = text[nxt.end() : nxt.end() + 1]
        if nxt.group(0).lower() in _ONE_OF_A_KIND:
            return True  # "one possible interpretation", "one key reason": a certain one, not a count
        if nxt.group(0).lower().endswith("ing") and nxt.group(0).lower() not in ("building", "thing"):
            return True  # "one involving his ...": a pronoun
        if nxt.group(0).lower().endswith("ed") and _PRONOUN_ED_NEXT_RE.match(text, nxt.end()):
            return True  # "albeit one camouflaged behind a critique": a pronoun
        if initial and after in (",", ":"):
            return True  # "One drawback: ...", "One company, X, sells": a certain one
        if _THE_OTHER_RE.match(text, end):
            return True  # "One costs $599 and the other $649": one of two, not a count
    return False


def _plausible_word_number(words: str, unit: str | None, text: str, end: int) -> bool:
    """Number words are quantities only when they count something: "one of the" is not."""
    low = words.lower().strip()
    if low in ("one", "zero") or low in SCALES:
        nxt = WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        if unit is None or (nxt is not None and nxt.group(0).lower() in ("of", "another")):
            return False
    return True
