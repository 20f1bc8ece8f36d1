"""Why two claims were linked, in words a reviewer uses: the matcher's reasons
("shared entities: Street", "text similarity 71") read as plain sentences."""

from __future__ import annotations

import re

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^text similarity (\d+)$"), r"wording \1% alike"),
    (re.compile(r"^shared entities: (.+)$"), r"both name \1"),
    (re.compile(r"^same speaker: (.+)$"), r"both quote \1"),
    (re.compile(r"^numbers conflict: (.+?) \(compared .+\)$"), r"the numbers disagree: \1"),
    (re.compile(r"^numbers consistent: (.+?) \(compared .+\)$"), r"the numbers agree: \1"),
    (re.compile(r"^same number and unit: (.+?) \(compared .+\)$"), r"the same figure: \1"),
    (re.compile(r"^different measures, not compared: (.+?) \(.+\)$"), r"different kinds of figure, not compared: \1"),
    (re.compile(r"^same number, different things: (.+)$"), r"the same number, counting different things: \1"),
    (re.compile(r"^both count (.+), different sets$"), r"both count \1, but not the same ones"),
    (re.compile(r"^same story \(.+\)$"), "from the same story"),
    (re.compile(r"^different stories \(.+\)$"), "from different stories"),
]


def plain_reason(reason: str) -> str:
    for pattern, words in _RULES:
        if pattern.match(reason):
            return pattern.sub(words, reason)
    return reason
