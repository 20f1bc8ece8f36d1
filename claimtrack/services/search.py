"""Building LIKE patterns from what a user typed: wildcards in the input match literally."""

from __future__ import annotations

from ..errors import ValidationError

MAX_QUERY = 200  # the API's query-string schemas allow the same


def check_query(q: str, field: str = "q") -> str:
    """A search box's text, refused when over the limit rather than cut silently."""
    if len(q) > MAX_QUERY:
        raise ValidationError(
            f"The search is too long (at most {MAX_QUERY} characters).",
            fields={field: f"at most {MAX_QUERY} characters"},
        )
    return q


def escape_like(text: str) -> str:
    # PostgreSQL refuses NUL even in a parameter, and no stored text holds one: it becomes
    # the replacement character, which keeps the term (so it does not widen to match all).
    return text.replace("\x00", "\ufffd").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(text: str) -> str:
    """`%text%` for `ilike(..., escape="\\")`, with the user's own % _ \\ escaped."""
    return f"%{escape_like(text)}%"
