"""Access control for every route, denying by default.

Each view declares who may use it with `@allow(...)`; a `before_request` hook checks the
declaration before the view runs. A view without one is refused for everybody, so a new
route cannot ship open by accident (and the test suite lists any such route). The role
ladder is the one in `models.accounts.ROLES`, checked by `services.accounts.roles`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Flask, abort, current_app, request
from flask_login import current_user

from ..models import ROLES
from ..services.accounts.actors import Actor
from ..services.accounts.roles import at_least
from .extensions import login_manager
from .sessions import is_api_request

PUBLIC = "public"
F = TypeVar("F", bound=Callable)


def allow(level: str) -> Callable[[F], F]:
    """`public`, or the least role that may use the view (roles are ordered)."""
    if level != PUBLIC and level not in ROLES:
        raise ValueError(f"unknown access level {level!r}")

    def mark(view: F) -> F:
        view.access_level = level  # type: ignore[attr-defined]
        return view

    return mark


def role_at_least(role: str | None, level: str) -> bool:
    return level == PUBLIC or at_least(role, level)


def current_actor() -> Actor:
    """The signed-in user (web session or API token) as the services see them."""
    return Actor.of(current_user)


def access_level(app: Flask, endpoint: str) -> str | None:
    if endpoint == "static":
        return PUBLIC
    view = app.view_functions.get(endpoint)
    return getattr(view, "access_level", None)


def _check() -> object | None:
    endpoint = request.endpoint
    if endpoint is None:  # 404 / 405: let routing report it
        return None
    level = access_level(current_app, endpoint)
    if level is None:
        current_app.logger.error("route %s has no access rule; refused", endpoint)
        abort(403)
    if level == PUBLIC:
        return None
    if not current_user.is_authenticated:
        if is_api_request():
            abort(401)
        return login_manager.unauthorized()
    if not role_at_least(current_user.role, level):
        abort(403)
    return None


def init_app(app: Flask) -> None:
    app.before_request(_check)
