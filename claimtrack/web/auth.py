"""Logging in and out."""
from __future__ import annotations

from math import ceil
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import UserMixin, current_user, login_user, logout_user

from ..db import get_session
from ..models import User, utcnow
from ..services.accounts import login_guard, sessions as web_sessions
from .access import PUBLIC, allow

bp = Blueprint("auth", __name__)
# Where the cookie keeps the key of the server-side session record (services.accounts.sessions).
SESSION_KEY = "session_key"
# One message for every refused log-in: it must not tell which accounts exist.
LOGIN_REFUSED = "Unknown username or wrong password. A deactivated account cannot log in either."


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


def safe_next(target: str | None) -> str | None:
    """Only local paths: an absolute or scheme-relative URL could send users elsewhere.
    Control characters are refused too: browsers drop tabs and newlines from a URL, so
    "/<TAB>/evil.example" would arrive as "//evil.example"."""
    if not target or any(c < " " or c == "\x7f" for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


def begin_session(db, user: User) -> None:  # noqa: ANN001 - sqlmodel.Session
    """Log `user` in with a new session: a new cookie and a new server-side record, so
    an identifier planted before log-in (session fixation) is worth nothing after it."""
    session.clear()
    key = web_sessions.start(db, user, max_age=current_app.permanent_session_lifetime)
    db.commit()
    session[SESSION_KEY] = key
    login_user(SessionUser(user))


def end_session(db) -> None:  # noqa: ANN001 - sqlmodel.Session
    web_sessions.end(db, session.get(SESSION_KEY))
    db.commit()
    logout_user()
    session.clear()


@bp.route("/login", methods=["GET", "POST"])
@allow(PUBLIC)
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")) or url_for("queue.index"))
    error = None
    status = 200
    username = ""
    if request.method == "POST":
        username = request.form.get("username", "")[:64]
        password = request.form.get("password", "")[:1024]
        db = get_session()
        result = login_guard.attempt_login(db, username, password, request.remote_addr or "unknown",
                                           login_guard.Limits.from_config(current_app.config))
        db.commit()
        if result.locked:
            minutes = max(1, ceil((result.locked_until - utcnow()).total_seconds() / 60))
            error = f"Too many failed log-in attempts. Try again in {minutes} minute{'s' if minutes != 1 else ''}."
            status = 429
        elif result.user is None:
            error = LOGIN_REFUSED
            status = 401
        else:
            begin_session(db, result.user)
            return redirect(safe_next(request.args.get("next")) or url_for("queue.index"))
    return render_template("auth/login.html", error=error, username=username), status


@bp.route("/logout", methods=["POST"])
@allow("viewer")
def logout():
    end_session(get_session())
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))
