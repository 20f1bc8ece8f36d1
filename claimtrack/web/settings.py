"""Account settings: every logged-in user's own API tokens and password.

Forms post normally and work without JavaScript; with htmx each form swaps only its own
section (`#tokens`, `#password`). Validation errors answer 422 with the form re-rendered.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, request, url_for
from flask_login import current_user

from ..db import get_session
from ..errors import ValidationError
from ..http.access import allow
from ..http.extensions import htmx
from ..http.sessions import begin_session
from ..http.writes import writing
from ..services.accounts import login_guard
from ..services.accounts import settings as account_settings
from ..services.accounts.passwords import MAX_LENGTH, MIN_LENGTH
from ..services.accounts.tokens import MAX_NAME
from .forms import BLANK, FormState, submitted, text
from .rendering import render

bp = Blueprint("settings", __name__)
PASSWORD_FIELDS = ("current_password", "new_password", "confirm_password")


def _page(
    block: str | None = None,
    *,
    status: int = 200,
    token_form: FormState = BLANK,
    password_form: FormState = BLANK,
    new_token: tuple | None = None,
    password_changed: bool = False,
):
    return render(
        "settings/index.html",
        block,
        status=status,
        account=account_settings.account(get_session(), current_user.id),
        token_form=token_form,
        password_form=password_form,
        new_token=new_token,
        password_changed=password_changed,
        max_name=MAX_NAME,
        min_password=MIN_LENGTH,
        max_password=MAX_LENGTH,
    )


@bp.route("/settings")
@allow("viewer")
def index():
    return _page()


@bp.route("/settings/tokens", methods=["POST"])
@allow("viewer")
def create_token():
    try:
        with writing() as db:
            row, plaintext = account_settings.create_token(
                db, current_user.id, text("name", MAX_NAME + 1, label="The name")
            )
    except ValidationError as exc:
        typed = {"name": submitted().get("name", "")[: MAX_NAME + 1]}
        return _page("tokens", status=422, token_form=FormState("token", typed, dict(exc.fields), exc.message))
    # Rendered, not redirected: the value is shown this once and must not travel
    # through the session cookie or a URL to survive a redirect.
    return _page("tokens", status=201, new_token=(row, plaintext))


@bp.route("/settings/tokens/<int:token_id>/revoke", methods=["POST"])
@allow("viewer")
def revoke_token(token_id: int):
    with writing() as db:
        row = account_settings.revoke_token(db, current_user.id, token_id)
    if htmx:
        return _page("tokens")
    flash(f"Token {row.name or row.id} is revoked.", "info")
    return redirect(url_for("settings.index"), code=303)


@bp.route("/settings/password", methods=["POST"])
@allow("viewer")
def change_password():
    try:
        # A wrong current password is kept as a failed attempt: it counts towards the lock-out.
        with writing(keep_on=(account_settings.WrongPassword,)) as db:
            values = [text(name, MAX_LENGTH + 1) for name in PASSWORD_FIELDS]
            user = account_settings.change_password(
                db,
                current_user.id,
                *values,
                address=request.remote_addr or "unknown",
                limits=login_guard.Limits.from_config(current_app.config),
            )
    except ValidationError as exc:
        # Passwords are never echoed back into the page.
        return _page("password", status=422, password_form=FormState("password", {}, dict(exc.fields), exc.message))
    begin_session(db, user)  # commits; every other session of this user has ended
    if htmx:
        return _page("password", password_changed=True)
    flash("Your password is changed. Other browsers logged in as you have been logged out.", "info")
    return redirect(url_for("settings.index"), code=303)
