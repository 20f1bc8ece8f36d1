"""Notifications: the page, marking read, the kinds a person wants, and the counts shown
in the navigation."""

from __future__ import annotations

from flask import Blueprint, Flask, redirect, request, url_for
from flask_login import current_user

from ..db import get_session
from ..errors import ValidationError
from ..http.access import allow
from ..http.writes import writing
from ..services.accounts.roles import at_least
from ..services.notifications import inbox
from ..services.review import desk
from .rendering import render, wants_fragment

bp = Blueprint("notifications", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)

    @app.context_processor
    def nav_counts() -> dict:
        # The counts live in the page header, which an htmx fragment does not carry.
        if not current_user or not current_user.is_authenticated or wants_fragment():
            return {}
        db = get_session()
        counts = desk.counts(db, current_user.id, at_least(current_user.role, "editor"))
        return {"nav_unread": inbox.unread_count(db, current_user.id), "nav_counts": counts}


def _page(status: int = 200, **extra):
    db = get_session()
    unread_only = request.args.get("unread") == "1"
    return render(
        "notifications/index.html",
        "notification_list",
        status=status,
        items=inbox.inbox(db, current_user.id, unread_only=unread_only),
        unread_only=unread_only,
        kinds=inbox.KIND_LABELS,
        muted=inbox.muted(db, current_user.id),
        **extra,
    )


@bp.route("/notifications")
@allow("viewer")
def index():
    return _page()


@bp.route("/notifications/read", methods=["POST"])
@allow("viewer")
def read_all():
    with writing() as db:
        n = inbox.mark_read(db, current_user.id)
    return _page(notice=f"Marked {n} notification{'' if n == 1 else 's'} read.")


@bp.route("/notifications/<int:notification_id>/read", methods=["POST"])
@allow("viewer")
def read_one(notification_id: int):
    with writing() as db:
        inbox.mark_read(db, current_user.id, notification_id)
    target = request.form.get("next", "")
    if target.startswith("/claims/") and "//" not in target:
        return redirect(target, code=303)
    return _page(notice="Marked read.")


@bp.route("/notifications/preferences", methods=["POST"])
@allow("viewer")
def preferences():
    wanted = {k for k in request.form.getlist("kind") if k}
    try:
        with writing() as db:
            inbox.set_preferences(db, current_user.id, wanted)
    except ValidationError as exc:
        return _page(422, notice=exc.message)
    if not request.headers.get("HX-Request"):
        return redirect(url_for("notifications.index"), code=303)
    return _page(notice="Preferences saved.")
