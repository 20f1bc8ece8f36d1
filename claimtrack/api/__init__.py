"""The JSON API under /api/v1: bearer tokens, JSON errors, the OpenAPI description.

Views use the same deny-by-default `@allow` rules as the pages; token authentication
plugs into the same check (see `http.access` and `http.sessions`). No cookie is read or written on API paths, so a
browser's session cannot be used cross-site, and CSRF protection does not apply.
"""

from __future__ import annotations

from flask import Flask, current_app, g, jsonify
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy.exc import OperationalError

from ..db import engine_for, session_scope
from ..http.access import PUBLIC, allow
from ..http.extensions import csrf
from ..http.sessions import API_PREFIX, is_api_request
from ..services.accounts import tokens
from . import articles, claims, directory, errors, exports, feed, limits, monitoring, openapi, related, review, webhooks  # noqa: F401 - views
from .blueprint import bp


class CookielessApiSessions(SecureCookieSessionInterface):
    """Sessions as usual, except on API paths: an empty session that is never saved."""

    def open_session(self, app, request):
        if request.path.startswith(API_PREFIX):
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app, session, response):
        if is_api_request():
            return None
        return super().save_session(app, session, response)


def _record_use() -> None:
    token = g.get("api_token")
    if token is not None and tokens.needs_touch(token):
        # Its own short transaction, so read requests stay read-only. Bookkeeping only:
        # if the database is busy, the next request records the use instead.
        try:
            with session_scope(engine_for(current_app)) as session:
                tokens.touch(session, token.id)
        except OperationalError:
            current_app.logger.warning("could not record use of API token %s", token.id)


@bp.get("/openapi.json")
@allow(PUBLIC)
def openapi_json():
    return jsonify(current_app.extensions["claimtrack_openapi"])


# The blueprint is set up once, at import; every app built afterwards registers it.
related.register()
bp.before_request(limits.limit_body_size)
bp.before_request(limits.check_rate_limit)
bp.before_request(_record_use)
errors.register(bp)


def init_api(app: Flask) -> None:
    csrf.exempt(bp)
    app.register_blueprint(bp)
    errors.route_errors_as_json(app)
    app.session_interface = CookielessApiSessions()
    app.extensions["claimtrack_rate_limiter"] = limits.WindowLimiter()
    app.extensions["claimtrack_openapi"] = openapi.build()
