"""Domain errors raised by services; the web, API and CLI layers turn them into
responses and messages. Each carries a short machine-readable code."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    code = "error"

    def __init__(self, message: str, *, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class ValidationError(DomainError):
    code = "validation"


class NotFound(DomainError):
    code = "not_found"


class PermissionDenied(DomainError):
    code = "forbidden"


class Conflict(DomainError):
    code = "conflict"


class StaleVersion(Conflict):
    """Someone saved the row after the caller read it."""

    code = "stale_version"

    def __init__(
        self, message: str, *, current: Any = None, changed_by: str | None = None, changed_at: Any = None
    ) -> None:
        super().__init__(message)
        self.current = current
        self.changed_by = changed_by
        self.changed_at = changed_at


class IllegalTransition(Conflict):
    code = "illegal_transition"


class InputError(DomainError):
    """Bad input read from a file or stream; `where` names the file (and line)."""

    code = "bad_input"

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.reason = message

    def __reduce__(self):  # keeps the two-argument form across processes
        return (type(self), (self.where, self.reason))
