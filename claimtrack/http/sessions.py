"""Who is making the request. Pages use a login session: a signed cookie holding the key
of a server-side session record, so any app server can end it. API paths use
`Authorization: Bearer TOKEN` only: no session cookie, no login redirect (401 instead)."""

from __future__ import annotations

from flask import Flask, current_app, g, request, session
from flask_login import UserMixin, login_user, logout_user

from ..db import engine_for, get_session
from ..models import User
from ..services.accounts import sessions as web_sessions
from ..services.accounts import tokens
from .extensions import login_manager

API_PREFIX = "/api/"
# Where the cookie keeps the key of the server-side session record (services.accounts.sessions).
SESSION_KEY = "session_key"


def is_api_request() -> bool:
    return request.path.startswith(API_PREFIX)


class SessionUser(UserMixin):
    """The signed-in user as Flask-Login sees it; wraps the database row."""

    def __init__(self, user: User) -> None:
        self.row = user
        self.id = user.id
        self.username = user.username
        self.role = user.role
        self.label = user.label

    def get_id(self) -> str:
        return str(self.id)

    @property
    def is_active(self) -> bool:
        return self.row.is_active


def begin_session(db, user: User) -> None:
    """Log `user` in with a new session: a new cookie and a new server-side record, so
    an identifier planted before log-in (session fixation) is worth nothing after it."""
    session.clear()
    key = web_sessions.start(db, user, max_age=current_app.permanent_session_lifetime)
    db.commit()
    session[SESSION_KEY] = key
    login_user(SessionUser(user))


def end_session(db) -> None:
    web_sessions.end(db, session.get(SESSION_KEY))
    db.commit()
    logout_user()
    session.clear()


def _session_user(user_id: str) -> SessionUser | None:
    """The user of a live web session. API paths ignore the cookie (bearer tokens only):
    otherwise any page open in a reviewer's browser could call the API as them, with no
    CSRF token to stop it."""
    if not user_id.isdigit() or is_api_request():
        return None
    user = web_sessions.user_for(
        get_session(), int(user_id), session.get(SESSION_KEY), max_age=current_app.permanent_session_lifetime
    )
    return SessionUser(user) if user is not None else None


def _token_user(req) -> SessionUser | None:
    """Flask-Login's request loader: the user behind a bearer token, for API paths only."""
    if not is_api_request():
        return None
    scheme, _, token = (req.headers.get("Authorization") or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    from sqlmodel import Session

    if req.method in ("GET", "HEAD", "OPTIONS"):
        # Reads look the token up in the request's own read-only session: one connection
        # and transaction per request. Recording use writes on another connection, which
        # a reader does not block (SQLite WAL, PostgreSQL).
        found = tokens.authenticate(get_session(), token.strip())
    else:
        # A writing request's session takes the write lock (SQLite: BEGIN IMMEDIATE), so
        # the lookup has a session of its own, closed before the token's use is recorded.
        with Session(engine_for(current_app)) as db:
            found = tokens.authenticate(db, token.strip())
    if found is None:
        return None
    g.api_token = found[0]
    return SessionUser(found[1])


def init_app(app: Flask) -> None:
    login_manager.user_loader(_session_user)
    login_manager.request_loader(_token_user)
