"""Error pages: plain, with no internals shown. Unexpected errors get an id that is
logged with the traceback, so a user can quote it and an operator can find it."""

from __future__ import annotations

import uuid

from flask import Flask, current_app, g, render_template, render_template_string, request
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import Forbidden, HTTPException

from ..database import log_unexpected
from ..errors import Conflict, DomainError, NotFound, PermissionDenied, ValidationError

_STATUS = ((NotFound, 404), (PermissionDenied, 403), (Conflict, 409), (ValidationError, 422))


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(DomainError, _domain_error)
    app.register_error_handler(StaleDataError, _stale_write)
    app.register_error_handler(Exception, _unexpected)


# What a reader is told for the refusals people meet most, in the product's words.
NOT_FOUND = (
    "Page not found",
    "There is nothing at this address. The link may be mistyped, or what it pointed "
    "to (a claim, an article, a fact-check) may have been removed or never published.",
)
FORBIDDEN = (
    "Not open to your role",
    "Your account's role does not include this page or action. If your work "
    "needs it, ask an admin of this claimtrack to change your role.",
)


def _rollback() -> None:
    """End the request's failed transaction before the error page is drawn: the page
    reads the signed-in user, and a session whose flush failed refuses every query
    (PendingRollbackError) until it is rolled back. Nothing of a refused request is kept."""
    session = g.get("db_session")
    if session is not None:
        session.rollback()


def _page(status: int, title: str, message: str, error_id: str | None = None):
    _rollback()
    if request.headers.get("HX-Request") == "true":
        # An htmx swap must not put a whole page inside a panel: the message goes to the
        # page's notice area instead.
        text = f"{message} (error id {error_id})" if error_id else message
        return (
            render_template_string('<p class="flash flash-error" role="alert">{{ text }}</p>', text=text),
            status,
            {"HX-Retarget": "#notices", "HX-Reswap": "beforeend"},
        )
    return render_template("errors/error.html", status=status, title=title, message=message, error_id=error_id), status


def _http_error(exc: HTTPException):
    if exc.code and exc.code < 400:
        return exc
    if exc.code == 413:
        limit = int(current_app.config.get("MAX_CONTENT_LENGTH") or 0)
        return _page(
            413,
            "Too large",
            f"That is too large to send: a file or form may be at most {_size(limit)}. "
            "Split the text, or import it with `claimtrack import`.",
        )
    if exc.code == 404:
        return _page(404, *NOT_FOUND)
    if exc.code == 403:
        # A refusal that says why (the Origin check) keeps its words; a bare 403 is about roles.
        specific = exc.description and exc.description != Forbidden.description
        return _page(403, "Request refused", exc.description) if specific else _page(403, *FORBIDDEN)
    return _page(exc.code or 500, exc.name, exc.description or "")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{max(n / 1024, 1):.0f} KB"


def _domain_error(exc: DomainError):
    status = next((code for kind, code in _STATUS if isinstance(exc, kind)), 400)
    if status == 404:
        return _page(404, NOT_FOUND[0], exc.message)
    if status == 403:
        return _page(403, FORBIDDEN[0], f"{exc.message} If your work needs it, ask an admin to change your role.")
    return _page(status, "Request refused", exc.message)


def _stale_write(exc: StaleDataError):
    # Two saves of one claim or verdict raced past the version check; the database
    # kept the first. The form is not re-rendered here, so say so plainly.
    return _page(
        409,
        "Changed at the same moment",
        "Someone saved this item at the same moment as you, so nothing of yours was saved. "
        "Go back, reload, and save again.",
    )


def _unexpected(exc: Exception):
    error_id = uuid.uuid4().hex[:12]
    log_unexpected(current_app.logger, exc, "unexpected error %s on %s %s", error_id, request.method, request.path)
    return _page(
        500, "Something went wrong", "The error has been logged. Quote this error id if you report it.", error_id
    )
