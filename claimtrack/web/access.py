"""Access control for every route, denying by default.

Each view declares who may use it with `@allow(...)`; a `before_request` hook checks the
declaration before the view runs. A view without one is refused for everybody, so a new
route cannot ship open by accident (and the test suite lists any such route).
"""
from __future__ import annotations

from typing import TypeVar
from collections.abc import Callable

from flask import Flask, abort, current_app, g, request
from flask_login import current_user

ROLE_ORDER = ("viewer", "reviewer", "editor", "admin")
PUBLIC = "public"
# Requests under this prefix authenticate with `Authorization: Bearer TOKEN` only: no
# session cookie, no login redirect (401 instead).
API_PREFIX = "/api/"
F = TypeVar("F", bound=Callable)


def is_api_request() -> bool:
    return request.path.startswith(API_PREFIX)


def allow(level: str) -> Callable[[F], F]:
    """`public`, or the least role that may use the view (roles are ordered)."""
    if level != PUBLIC and level not in ROLE_ORDER:
        raise ValueError(f"unknown access level {level!r}")

    def mark(view: F) -> F:
        view.access_level = level  # type: ignore[attr-defined]
        return view

    return mark


def role_at_least(role: str | None, level: str) -> bool:
    if level == PUBLIC:
        return True
    if role not in ROLE_ORDER:
        return False
    return ROLE_ORDER.index(role) >= ROLE_ORDER.index(level)


def access_level(app: Flask, endpoint: str) -> str | None:
    if endpoint == "static":
        return PUBLIC
    view = app.view_functions.get(endpoint)
    return getattr(view, "access_level", None)


def _check() -> object | None:
    endpoint = request.endpoint
    if endpoint is None:  # 404 / 405: let routing report it
        return None
    level = access_level(current_app, endpoint)
    if level is None:
        current_app.logger.error("route %s has no access rule; refused", endpoint)
        abort(403)
    if level == PUBLIC:
        return None
    if not current_user.is_authenticated:
        if is_api_request():
            abort(401)
        from . import login_manager

        return login_manager.unauthorized()
    if not role_at_least(current_user.role, level):
        abort(403)
    return None


def _token_user(req) -> object | None:  # noqa: ANN001 - flask.Request
    """Flask-Login's request loader: the user behind a bearer token, for API paths only."""
    if not is_api_request():
        return None
    scheme, _, token = (req.headers.get("Authorization") or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    from sqlmodel import Session

    from ..db import engine_for, get_session
    from ..services.accounts import tokens
    from .auth import SessionUser

    if req.method in ("GET", "HEAD", "OPTIONS"):
        # Reads look the token up in the request's own read-only session: one connection
        # and transaction per request. Recording use writes on another connection, which
        # a reader does not block (SQLite WAL, PostgreSQL).
        found = tokens.authenticate(get_session(), token.strip())
    else:
        # A writing request's session takes the write lock (SQLite: BEGIN IMMEDIATE), so
        # the lookup has a session of its own, closed before the token's use is recorded.
        with Session(engine_for(current_app)) as session:
            found = tokens.authenticate(session, token.strip())
    if found is None:
        return None
    g.api_token = found[0]
    return SessionUser(found[1])


def init_app(app: Flask) -> None:
    from . import login_manager

    login_manager.request_loader(_token_user)
    app.before_request(_check)
