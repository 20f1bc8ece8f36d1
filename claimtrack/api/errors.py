"""Every API error is JSON: `{"error": {"code", "message", "fields"?}}`, never a page.

Errors raised inside API views are caught by the blueprint's handlers. Routing errors
(an unknown path or method under /api/) happen before any blueprint is chosen, so the
app-wide HTTP error handler is wrapped to answer those in JSON too.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, current_app, g, jsonify, request
from pydantic import ValidationError as PydanticError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from ..database import log_unexpected
from ..db import get_session
from ..errors import Conflict, DomainError, NotFound, PermissionDenied, StaleVersion, ValidationError
from ..http.sessions import is_api_request

_DOMAIN_STATUS = ((NotFound, 404), (PermissionDenied, 403), (Conflict, 409), (ValidationError, 422))
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation",
    429: "rate_limited",
}


class ApiError(Exception):
    """An error found while reading the request (bad JSON, bad query), with its status."""

    def __init__(self, status: int, code: str, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


def error_response(status: int, code: str, message: str, fields: dict[str, str] | None = None, **extra: Any):
    body: dict[str, Any] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    body.update(extra)
    response = jsonify(error=body)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="claimtrack"'
    return response


def pydantic_fields(exc: PydanticError) -> dict[str, str]:
    fields: dict[str, str] = {}
    for err in exc.errors(include_url=False, include_input=False):
        name = ".".join(str(part) for part in err["loc"]) or "body"
        fields.setdefault(name, err["msg"])
    return fields


def _http_error(exc: HTTPException):
    code = exc.code or 500
    response = error_response(code, _HTTP_CODES.get(code, "http_error"), exc.description or exc.name)
    methods = getattr(exc, "valid_methods", None)
    if code == 405 and methods:
        response.headers["Allow"] = ", ".join(methods)
    return response


def _api_error(exc: ApiError):
    return error_response(exc.status, exc.code, exc.message, exc.fields)


def _domain_error(exc: DomainError):
    get_session().rollback()
    status = next((code for kind, code in _DOMAIN_STATUS if isinstance(exc, kind)), 400)
    if isinstance(exc, StaleVersion):
        return _stale(exc)
    return error_response(status, exc.code, exc.message, exc.fields)


def _stale(exc: StaleVersion):
    """409 with what is stored now, so the client can merge and retry."""
    from . import render

    current = render.current_state(get_session(), exc.current)
    changed_at = exc.changed_at.isoformat() if exc.changed_at else None
    return error_response(
        409, exc.code, exc.message, exc.fields, current=current, changed_by=exc.changed_by, changed_at=changed_at
    )


def _integrity_error(exc: IntegrityError):
    """A write that lost a race with another (both creating the same unique row)."""
    get_session().rollback()
    current_app.logger.warning("write conflict on %s %s: %s", request.method, request.path, exc.orig)
    return error_response(
        409, "conflict", "Another request changed the same data at the same time; nothing was saved. Try again."
    )


def _stale_write(exc: StaleDataError):
    """Two writes to one versioned row raced past the version check; the database kept
    the first and refused this one."""
    get_session().rollback()
    return error_response(
        409,
        "stale_version",
        "The item was changed by another request at the same moment; nothing was saved. Read it again and retry.",
    )


def _unexpected(exc: Exception):
    if "db_session" in g:  # a failed flush leaves the session unusable until rolled back
        g.db_session.rollback()
    error_id = uuid.uuid4().hex[:12]
    log_unexpected(current_app.logger, exc, "unexpected API error %s on %s %s", error_id, request.method, request.path)
    return error_response(500, "internal", f"Something went wrong; the error is logged as {error_id}.")


def register(bp: Blueprint) -> None:
    bp.register_error_handler(ApiError, _api_error)
    bp.register_error_handler(DomainError, _domain_error)
    bp.register_error_handler(HTTPException, _http_error)
    bp.register_error_handler(IntegrityError, _integrity_error)
    bp.register_error_handler(StaleDataError, _stale_write)
    bp.register_error_handler(Exception, _unexpected)


def route_errors_as_json(app: Flask) -> None:
    """Unknown paths and methods under /api/ get JSON; everything else keeps its handler."""
    previous: Callable | None = app.error_handler_spec.get(None, {}).get(None, {}).get(HTTPException)

    def handle(exc: HTTPException):
        if is_api_request():
            return _http_error(exc)
        return previous(exc) if previous is not None else exc

    app.register_error_handler(HTTPException, handle)
