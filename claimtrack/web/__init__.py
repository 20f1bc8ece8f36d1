"""Server-rendered HTML: blueprints, template filters and error pages. The extensions,
log-in sessions and access rules they use live in `claimtrack.http`, shared with the API."""
from __future__ import annotations

from flask import Flask


def init_web(app: Flask) -> None:
    from . import (articles, auth, claimants, claims, converters, errors, filters, monitoring, queue, related, review,
                   settings)

    converters.init_app(app)
    filters.init_app(app)
    errors.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(queue.bp)
    app.register_blueprint(articles.bp)
    app.register_blueprint(claims.bp)
    app.register_blueprint(review.bp)
    app.register_blueprint(claimants.bp)
    app.register_blueprint(settings.bp)
    app.register_blueprint(monitoring.bp)
    related.init_app(app)
