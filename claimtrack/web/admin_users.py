"""Accounts from the browser: list, create, change role, deactivate and re-activate,
reset password; and the public page where a one-time link sets a password."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, request, url_for

from ..db import get_session
from ..errors import ValidationError
from ..http.access import PUBLIC, allow
from ..http.writes import writing
from ..models import ROLES
from ..services.accounts import admin as user_admin
from ..services.accounts import password_links
from ..services.accounts.passwords import MAX_LENGTH, MIN_LENGTH
from .admin import ADMIN_PAGES, attempt, bp, link_lifetime
from .forms import BLANK, FormState, text
from .rendering import render, wants_fragment

public_bp = Blueprint("password_link", __name__)
MISSING_PASSWORD = "required for this choice"  # noqa: S105  # nosec B105 - a field message, not a password


def _page(
    block: str | None = None,
    *,
    status: int = 200,
    create_form: FormState = BLANK,
    row_form: FormState = BLANK,
    issued: tuple | None = None,
    done: str | None = None,
):
    db = get_session()
    return render(
        "admin/users.html",
        block,
        status=status,
        accounts=user_admin.list_accounts(db),
        pending=user_admin.pending_links(db),
        roles=ROLES,
        create_form=create_form,
        row_form=row_form,
        issued=issued,
        done=done,
        pages=ADMIN_PAGES,
        min_password=MIN_LENGTH,
        max_password=MAX_LENGTH,
    )


def _link(secret: str) -> str:
    return url_for("password_link.show", secret=secret, _external=True)


def _answer(done: str, *, status: int = 200, issued: tuple | None = None):
    """After a change: the section (htmx), the page with the one-time link (it is shown
    once and never travels through a redirect), or a redirect to the list."""
    if wants_fragment() or issued:
        return _page("users", status=status, issued=issued, done=done)
    from flask import flash

    flash(done, "info")
    return redirect(url_for("admin.users"), code=303)


@bp.route("/users")
@allow("admin")
def users():
    return _page("users")


@bp.route("/users", methods=["POST"])
@allow("admin")
def create_user():
    username, role = text("username", 100), text("role", 20)
    how = text("how", 10)
    password = text("password", MAX_LENGTH + 1) if how == "password" else ""

    def act(db, who):
        if how == "password" and not password:
            raise ValidationError(
                "Type an initial password, or choose a one-time link.", fields={"password": MISSING_PASSWORD}
            )
        return user_admin.create(
            db,
            who,
            username,
            role=role,
            display_name=text("display_name", 128),
            password=password,
            link_lifetime=link_lifetime(),
        )

    account, failed, status = attempt("create", act)
    if failed:
        failed.values.pop("password", None)  # passwords are never echoed back
        return _page("users", status=status, create_form=failed)
    issued = (account.user, _link(account.link)) if account.link else None
    return _answer(f"{account.user.username} is created as {account.user.role}.", status=201, issued=issued)


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@allow("admin")
def change_role(user_id: int):
    user, failed, status = attempt(
        f"user-{user_id}", lambda db, who: user_admin.change_role(db, who, user_id, text("role", 20))
    )
    if failed:
        return _page("users", status=status, row_form=failed)
    return _answer(f"{user.username} is now {user.role}.")


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@allow("admin")
def set_active(user_id: int):
    active = text("active", 5) == "1"
    user, failed, status = attempt(f"user-{user_id}", lambda db, who: user_admin.set_active(db, who, user_id, active))
    if failed:
        return _page("users", status=status, row_form=failed)
    return _answer(
        f"{user.username} is re-activated."
        if active
        else f"{user.username} is deactivated: logged out everywhere, API tokens stopped."
    )


@bp.route("/users/<int:user_id>/password", methods=["POST"])
@allow("admin")
def reset_password(user_id: int):
    password = text("password", MAX_LENGTH + 1)
    secret, failed, status = attempt(
        f"user-{user_id}",
        lambda db, who: user_admin.reset_password(db, who, user_id, password=password, link_lifetime=link_lifetime()),
    )
    if failed:
        failed.values.pop("password", None)
        return _page("users", status=status, row_form=failed)
    user = user_admin.users.get_user(get_session(), user_id)
    if secret:
        return _answer(f"A set-password link for {user.username} is ready.", issued=(user, _link(secret)))
    return _answer(f"{user.username}'s password is changed; they were logged out everywhere.")


@public_bp.route("/set-password/<secret>", methods=["GET", "POST"])
@allow(PUBLIC)
def show(secret: str):
    db = get_session()
    if len(secret) > 200:
        abort(404)
    _row, user = password_links.find(db, secret)
    form = BLANK
    if request.method == "POST":
        try:
            with writing():
                password_links.redeem(db, secret, text("password", MAX_LENGTH + 1), text("confirm", MAX_LENGTH + 1))
        except ValidationError as exc:
            form = FormState("set", {}, dict(exc.fields), exc.message)
        else:
            from flask import flash

            flash("Your password is set. Log in with it now.", "info")
            return redirect(url_for("auth.login"), code=303)
    response = render(
        "auth/set_password.html",
        status=422 if form.failed else 200,
        user=user,
        form=form,
        min_password=MIN_LENGTH,
        max_password=MAX_LENGTH,
    )
    # The secret is in the address: keep it out of caches and other sites' Referer headers.
    # ("no-referrer" would make the browser send "Origin: null", which the Origin check refuses.)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "same-origin"
    return response
