"""Building LIKE patterns from what a user typed: wildcards in the input match literally."""
from __future__ import annotations


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(text: str) -> str:
    """`%text%` for `ilike(..., escape="\\")`, with the user's own % _ \\ escaped."""
    return f"%{escape_like(text)}%"
