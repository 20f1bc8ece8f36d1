"""Account settings: every logged-in user's own API tokens and password.

Forms post normally and work without JavaScript; with htmx each form swaps only its own
section (`#tokens`, `#password`). Validation errors answer 422 with the form re-rendered.
"""
from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, request, url_for
from flask_login import current_user

from ..db import get_session
from ..errors import ValidationError
from ..services.accounts import settings as account_settings, login_guard
from ..services.accounts.passwords import MAX_LENGTH, MIN_LENGTH
from ..services.accounts.tokens import MAX_NAME
from ..http.extensions import htmx
from ..http.access import allow
from ..http.sessions import begin_session
from .forms import BLANK, FormState, text
from .rendering import render

bp = Blueprint("settings", __name__)
PASSWORD_FIELDS = ("current_password", "new_password", "confirm_password")


def _page(block: str | None = None, *, status: int = 200, token_form: FormState = BLANK,
          password_form: FormState = BLANK, new_token: tuple | None = None, password_changed: bool = False):
    return render("settings/index.html", block, status=status,
                  account=account_settings.account(get_session(), current_user.id),
                  token_form=token_form, password_form=password_form, new_token=new_token,
                  password_changed=password_changed, max_name=MAX_NAME,
                  min_password=MIN_LENGTH, max_password=MAX_LENGTH)


@bp.route("/settings")
@allow("viewer")
def index():
    return _page()


@bp.route("/settings/tokens", methods=["POST"])
@allow("viewer")
def create_token():
    db = get_session()
    name = text("name", MAX_NAME + 1)
    try:
        row, plaintext = account_settings.create_token(db, current_user.id, name)
        db.commit()
    except ValidationError as exc:
        db.rollback()
        return _page("tokens", status=422, token_form=FormState("token", {"name": name}, dict(exc.fields), exc.message))
    # Rendered, not redirected: the value is shown this once and must not travel
    # through the session cookie or a URL to survive a redirect.
    return _page("tokens", status=201, new_token=(row, plaintext))


@bp.route("/settings/tokens/<int:token_id>/revoke", methods=["POST"])
@allow("viewer")
def revoke_token(token_id: int):
    db = get_session()
    row = account_settings.revoke_token(db, current_user.id, token_id)
    db.commit()
    if htmx:
        return _page("tokens")
    flash(f"Token {row.name or row.id} is revoked.", "info")
    return redirect(url_for("settings.index"), code=303)


@bp.route("/settings/password", methods=["POST"])
@allow("viewer")
def change_password():
    db = get_session()
    values = {name: text(name, MAX_LENGTH + 1) for name in PASSWORD_FIELDS}
    try:
        user = account_settings.change_password(db, current_user.id, *values.values(),
                                                address=request.remote_addr or "unknown",
                                                limits=login_guard.Limits.from_config(current_app.config))
    except ValidationError as exc:
        if isinstance(exc, account_settings.WrongPassword):
            db.commit()  # the failed attempt is kept: it counts towards the lock-out
        else:
            db.rollback()
        # Passwords are never echoed back into the page.
        return _page("password", status=422, password_form=FormState("password", {}, dict(exc.fields), exc.message))
    begin_session(db, user)  # commits; every other session of this user has ended
    if htmx:
        return _page("password", password_changed=True)
    flash("Your password is changed. Other browsers logged in as you have been logged out.", "info")
    return redirect(url_for("settings.index"), code=303)
