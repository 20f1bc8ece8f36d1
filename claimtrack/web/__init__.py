"""Server-rendered HTML: blueprints, login, CSRF, htmx and error pages."""
from __future__ import annotations

from flask import Flask
from flask_htmx import HTMX
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from ..db import get_session
from ..models import User

htmx = HTMX()
csrf = CSRFProtect()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    from .auth import SessionUser

    if not user_id.isdigit():
        return None
    user = get_session().get(User, int(user_id))
    if user is None or not user.is_active:
        return None
    return SessionUser(user)


def init_web(app: Flask) -> None:
    from . import access, articles, auth, claimants, claims, errors, filters, queue, related, review

    htmx.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    filters.init_app(app)
    errors.init_app(app)
    access.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(queue.bp)
    app.register_blueprint(articles.bp)
    app.register_blueprint(claims.bp)
    app.register_blueprint(review.bp)
    app.register_blueprint(claimants.bp)
    related.init_app(app)
