"""Logging in and out."""

from __future__ import annotations

from math import ceil
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..db import get_session
from ..errors import ValidationError
from ..http.access import PUBLIC, allow
from ..http.sessions import begin_session, end_session
from ..http.writes import writing
from ..models import utcnow
from ..services.accounts import login_guard
from .forms import submitted, text

bp = Blueprint("auth", __name__)
# One message for every refused log-in: it must not tell which accounts exist.
LOGIN_REFUSED = "Unknown username or wrong password. A deactivated account cannot log in either."


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


@bp.route("/login", methods=["GET", "POST"])
@allow(PUBLIC)
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")) or url_for("queue.index"))
    error = None
    status = 200
    username = ""
    if request.method == "POST":
        try:
            username = text("username", 64, label="The username")
        except ValidationError as exc:
            # Refused before the attempt is recorded: the database cannot store it.
            return render_template(
                "auth/login.html", error=exc.message, username=submitted().get("username", "")[:64]
            ), 422
        password = request.form.get("password", "")[:1024]
        with writing() as db:
            result = login_guard.attempt_login(
                db,
                username,
                password,
                request.remote_addr or "unknown",
                login_guard.Limits.from_config(current_app.config),
            )
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
