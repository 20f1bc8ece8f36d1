"""Administration pages: accounts, publisher settings, the rating scale and the
fact-check archive. Admins only (each view says so; anything unmarked is refused).

Every page is a set of sections, each a named block with a stable id. A form posts
normally and works without JavaScript; with htmx it swaps only its own section. A refused
change answers 422 (bad input) or 409 (a rule, such as keeping one admin) with the
section re-rendered and the form as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import Blueprint, current_app, redirect, url_for

from ..errors import Conflict, ValidationError
from ..http.access import allow, current_actor
from ..http.writes import writing
from ..services.accounts.actors import Actor
from .forms import FormState, submitted

bp = Blueprint("admin", __name__, url_prefix="/admin")
ADMIN_PAGES = (
    ("admin.users", "Users"),
    ("admin.publisher", "Publisher"),
    ("admin.ratings", "Rating scale"),
    ("admin.archive", "Fact-check archive"),
    ("admin.webhooks", "Webhooks"),
)


def link_lifetime() -> timedelta:
    return timedelta(hours=float(current_app.config.get("PASSWORD_LINK_HOURS") or 72))


def attempt(form: str, action: Callable[[Any, Actor], Any]) -> tuple[Any, FormState | None, int]:
    """Run one admin write in its own transaction: (result, None, 200) on success, else
    (None, the form as typed with messages, 422 or 409)."""
    mine = submitted()
    try:
        with writing() as db:
            result = action(db, current_actor())
    except ValidationError as exc:
        return None, FormState(form, mine, dict(exc.fields), exc.message), 422
    except Conflict as exc:
        return None, FormState(form, mine, {}, exc.message), 409
    return result, None, 200


@bp.route("")
@allow("admin")
def index():
    return redirect(url_for("admin.users"), code=303)
