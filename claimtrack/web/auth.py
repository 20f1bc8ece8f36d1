"""Logging in and out."""
from __future__ import annotations

from math import ceil
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import UserMixin, current_user, login_user, logout_user

from ..db import get_session
from ..models import User, utcnow
from ..services import login_guard
from .access import PUBLIC, allow

bp = Blueprint("auth", __name__)


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
    """Only local paths: an absolute or scheme-relative URL could send users elsewhere."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


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
            error = "Unknown username or wrong password."
            status = 401
        else:
            session.clear()  # a fresh session at login: no fixation
            login_user(SessionUser(result.user))
            return redirect(safe_next(request.args.get("next")) or url_for("queue.index"))
    return render_template("auth/login.html", error=error, username=username), status


@bp.route("/logout", methods=["POST"])
@allow("viewer")
def logout():
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))
