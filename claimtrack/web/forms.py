"""Reading form fields, and carrying what a user typed back into a re-rendered form.

A `FormState` is what one form shows after a refused write: the values as submitted
(so nothing typed is lost), field messages (422) or the conflict details (409).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from flask import request

from ..errors import ValidationError
from .converters import MAX_ID


@dataclass(slots=True)
class ConflictInfo:
    who: str
    at: datetime | None
    diffs: list[tuple[str, Any, Any]]


@dataclass(slots=True)
class FormState:
    name: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    message: str | None = None
    conflict: ConflictInfo | None = None

    def get(self, key: str, default: Any = "") -> Any:
        return self.values[key] if key in self.values else default

    def error(self, key: str) -> str | None:
        return self.errors.get(key)

    @property
    def failed(self) -> bool:
        return bool(self.message or self.errors or self.conflict)


BLANK = FormState()


# Which part of the claim panel a form lives in: the success notice is shown there, so
# the person reads what happened where they acted.
FORM_GROUPS = {
    "speaker": "edit",
    "text": "edit",
    "split": "edit",
    "merge": "edit",
    "assign": "workflow",
    "status": "workflow",
    "dismiss": "workflow",
}


@dataclass(slots=True)
class Done:
    """A success notice after a write from the panel (announced, and given focus)."""

    form: str
    message: str

    @property
    def group(self) -> str:
        if self.form.startswith("source-"):
            return "sources"
        return FORM_GROUPS.get(self.form, "verdict")


NUL = "\x00"
NUL_MESSAGE = "must not contain NUL characters"


def submitted() -> dict[str, str]:
    """The posted fields, minus the CSRF token, as the form shows them again (a NUL,
    which was refused, is shown as the replacement character)."""
    return {k: v.replace(NUL, "\ufffd") for k, v in request.form.items() if k != "csrf_token"}


def storable(value: str, name: str, label: str | None = None) -> str:
    """The one check every typed value of a web form passes: PostgreSQL cannot store a
    NUL character (and no text needs one), so it is refused here as a field error (422,
    the form re-rendered) instead of failing in the database, as the API refuses it."""
    if NUL in value:
        raise ValidationError(
            f"{label or name.replace('_', ' ').capitalize()} {NUL_MESSAGE}.", fields={name: NUL_MESSAGE}
        )
    return value


def text(name: str, limit: int = 100_000, *, label: str | None = None) -> str:
    """A text field of the posted form, cut to `limit` characters."""
    return storable((request.form.get(name) or "")[:limit], name, label)


def integer(name: str, *, required: bool = True, label: str | None = None, source: Any = None) -> int | None:
    raw = ((source if source is not None else request.form).get(name) or "").strip()
    if not raw:
        if required:
            raise ValidationError(f"{label or name.capitalize()} is required.", fields={name: "required"})
        return None
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError(
            f"{label or name.capitalize()} must be a whole number.", fields={name: "a whole number"}
        ) from None
    return in_range(value, name, label)


def in_range(value: int, name: str, label: str | None = None) -> int:
    """Every integer a form or query carries (ids, versions, offsets) fits the database's
    integer columns; a larger one is refused (422) before it reaches the driver."""
    if abs(value) > MAX_ID:
        raise ValidationError(f"{label or name.capitalize()} is out of range.", fields={name: "out of range"})
    return value


def arg_int(name: str) -> int | None:
    """A query-string id; anything that is not a number counts as absent, a number too
    large to be an id is refused."""
    raw = request.args.get(name, "").strip()
    return in_range(int(raw), name) if raw.isdigit() else None


def arg_date(name: str) -> date | None:
    raw = request.args.get(name, "").strip()
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def page_arg(name: str = "page") -> int:
    value = arg_int(name)
    return min(max(value or 1, 1), 100_000)
