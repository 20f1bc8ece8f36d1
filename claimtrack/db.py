"""The web app's database session: one per request (or app context), closed at teardown.

Engines and `session_scope` live in the Flask-free `database` module; they are
re-exported here so `from ..db import session_scope` keeps working.
"""

from __future__ import annotations

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy.engine import Engine
from sqlmodel import Session

from .database import WRITE_OPTION, dispose_engines, is_sqlite, make_engine, session_scope, writer

__all__ = [
    "WRITE_OPTION",
    "dispose_engines",
    "engine_for",
    "get_session",
    "init_app",
    "is_sqlite",
    "make_engine",
    "session_scope",
    "writer",
]


def engine_for(app: Flask) -> Engine:
    return make_engine(app.config["DATABASE_URL"], busy_timeout=int(app.config["SQLITE_BUSY_TIMEOUT"]))


def get_session() -> Session:
    """The request's session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        engine = engine_for(current_app)
        if not has_request_context() or request.method not in ("GET", "HEAD", "OPTIONS"):
            engine = writer(engine)
        g.db_session = Session(engine, expire_on_commit=False)
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def init_app(app: Flask) -> None:
    app.teardown_appcontext(_close_session)
