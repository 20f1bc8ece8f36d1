"""Quantities in words for people: "about $50 million" -> "47.5–52.5 million dollars".

Readers never see scientific notation. Large amounts take a scale word (million,
billion, trillion) chosen from the larger bound so both ends of a range share it;
decimals are trimmed to what the figure carries.
"""

from __future__ import annotations

from decimal import Decimal

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SIGNIFICANT = 6
# Display forms of unit lemmas that are not plain English nouns.
_SYMBOLS = {"celsius": "°C", "fahrenheit": "°F"}
_SAME_PLURAL = frozenset(
    "percent times yen yuan sheep fish deer aircraft staff personnel police data media series species "
    "rand baht won".split()
)
_IRREGULAR = {
    "person": "people",
    "child": "children",
    "man": "men",
    "woman": "women",
    "foot": "feet",
    "life": "lives",
    "half": "halves",
    "crisis": "crises",
    "analysis": "analyses",
    "inch": "inches",
}


def plain_number(x: float) -> str:
    """A number with thousands separators and no exponent: 4.75e7 -> "47,500,000"."""
    if x != x or x in (float("inf"), float("-inf")):
        return str(x)
    rounded = float(f"{x:.{_SIGNIFICANT}g}")
    text = f"{Decimal(repr(rounded)):f}"
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}"
    frac = frac.rstrip("0")
    return sign + whole + ("." + frac if frac else "")


def plural(unit: str) -> str:
    """English plural of a unit lemma; in "mile per hour" the first noun takes it."""
    head, sep, rest = unit.partition(" per ")
    if sep:
        return plural(head) + sep + rest
    words = head.split(" ")
    last = words[-1]
    if last in _SAME_PLURAL:
        return head
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join(words[:-1] + [last])


def describe_amount(value: float, low: float, high: float, unit: str | None) -> str:
    """The figure or interval with its scale word and unit, for display."""
    lo, hi = (low, high) if low <= high else (high, low)
    is_range = lo != hi
    top = max(abs(lo), abs(hi)) if is_range else abs(value)
    divisor, scale = 1.0, ""
    for size, word in _SCALES:
        if top >= size:
            divisor, scale = size, " " + word
            break
    if is_range:
        figure = f"{plain_number(lo / divisor)}–{plain_number(hi / divisor)}"
    else:
        figure = plain_number(value / divisor)
    if not unit:
        return figure + scale
    if unit in _SYMBOLS:
        return f"{figure}{scale} {_SYMBOLS[unit]}"
    one = not is_range and not scale and abs(value) == 1
    return f"{figure}{scale} {unit if one else plural(unit)}"
