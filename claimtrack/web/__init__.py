"""Server-rendered HTML: blueprints, login, CSRF, htmx and error pages."""
from __future__ import annotations

from flask import Flask, current_app, session
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
    """The user of a live web session. API paths ignore the cookie (bearer tokens only):
    otherwise any page open in a reviewer's browser could call the API as them, with no
    CSRF token to stop it."""
    from ..services.accounts import sessions as web_sessions
    from .access import is_api_request
    from .auth import SESSION_KEY, SessionUser

    if not user_id.isdigit() or is_api_request():
        return None
    user = web_sessions.user_for(get_session(), int(user_id), session.get(SESSION_KEY),
                                 max_age=current_app.permanent_session_lifetime)
    return SessionUser(user) if user is not None else None


def init_web(app: Flask) -> None:
    from . import (access, articles, auth, claimants, claims, converters, errors, filters, queue, related, review,
                   settings)

    converters.init_app(app)
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
    app.register_blueprint(settings.bp)
    related.init_app(app)
