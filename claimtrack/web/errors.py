"""Error pages: plain, with no internals shown. Unexpected errors get an id that is
logged with the traceback, so a user can quote it and an operator can find it."""
from __future__ import annotations

import uuid

from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from ..errors import Conflict, DomainError, NotFound, PermissionDenied, ValidationError

_STATUS = ((NotFound, 404), (PermissionDenied, 403), (Conflict, 409), (ValidationError, 422))


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(DomainError, _domain_error)
    app.register_error_handler(Exception, _unexpected)


def _page(status: int, title: str, message: str, error_id: str | None = None):
    return render_template("errors/error.html", status=status, title=title, message=message,
                           error_id=error_id), status


def _http_error(exc: HTTPException):
    if exc.code and exc.code < 400:
        return exc
    return _page(exc.code or 500, exc.name, exc.description or "")


def _domain_error(exc: DomainError):
    status = next((code for kind, code in _STATUS if isinstance(exc, kind)), 400)
    return _page(status, "Request refused", exc.message)


def _unexpected(exc: Exception):
    error_id = uuid.uuid4().hex[:12]
    current_app.logger.exception("unexpected error %s on %s %s", error_id, request.method, request.path)
    return _page(500, "Something went wrong",
                 "The error has been logged. Quote this error id if you report it.", error_id)
