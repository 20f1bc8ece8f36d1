"""Numbers written in any form ("3,000", "three thousand", "3k", "1.5 million") folded
into one canonical digit token ("3000", "1500000")."""

from __future__ import annotations

import math

from ..numberwords import NUMBER_WORDS as _UNITS
from ..numberwords import SCALE_ABBREVIATIONS as _SUFFIX_SCALES
from ..numberwords import SCALE_WORDS as _SCALES

_NUMBER_WORDS = _UNITS.keys() | _SCALES.keys() | {"dozen"}
_A_SCALES = _SCALES.keys() | {"dozen"}  # "a million", "a dozen"


def canonical_number(value: float) -> str:
    """Digit token for a number: integers without decimals, others without noise;
    non-finite values have no digit form and all read "nan"."""
    if not math.isfinite(value):
        return "nan"
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def _parse_number_run(words: list[str]) -> float | None:
    """Value of a run of number words ("three thousand", "one hundred and twenty")."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0.0
        elif w == "and":
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def fold_numbers(raw: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Collapse digit+scale and number-word runs of raw (kind, surface, initial) tokens
    into single ("num", digits, initial) tokens."""
    out: list[tuple[str, str, bool]] = []
    i, n = 0, len(raw)
    while i < n:
        kind, surface, initial = raw[i]
        low = surface.lower()
        if kind == "num":
            value = float(surface.replace(",", ""))
            j = i + 1
            if j < n and raw[j][0] == "suffix":
                value *= _SUFFIX_SCALES[raw[j][1].lower()]
                j += 1
            elif j < n and raw[j][1].lower() in _SCALES:
                value *= _SCALES[raw[j][1].lower()]
                j += 1
            out.append(("num", canonical_number(value), initial))
            i = j
            continue
        starts_run = low in _NUMBER_WORDS or (low == "a" and i + 1 < n and raw[i + 1][1].lower() in _A_SCALES)
        if kind == "word" and starts_run:
            j = i + 1
            while (
                j < n
                and raw[j][0] == "word"
                and (
                    raw[j][1].lower() in _NUMBER_WORDS
                    or (raw[j][1].lower() == "and" and j + 1 < n and raw[j + 1][1].lower() in _NUMBER_WORDS)
                )
            ):
                j += 1
            words = ["one" if w[1].lower() == "a" else w[1].lower() for w in raw[i:j]]
            run_value = _parse_number_run(words)
            if run_value is not None:
                out.append(("num", canonical_number(run_value), initial))
                i = j
                continue
        if kind != "suffix":
            out.append((kind, surface, initial))
        i += 1
    return out
