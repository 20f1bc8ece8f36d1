"""Server-rendered HTML: blueprints, template filters and error pages. The extensions,
log-in sessions and access rules they use live in `claimtrack.http`, shared with the API."""

from __future__ import annotations

from flask import Flask


def init_web(app: Flask) -> None:
    from . import (  # noqa: F401 (admin_webhooks: routes on admin.bp)
        admin_desk,
        admin_users,
        admin_webhooks,
        articles,
        auth,
        claimants,
        claims,
        converters,
        errors,
        exports,
        filters,
        monitoring,
        notifications,
        queue,
        related,
        review,
        settings,
    )

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
    app.register_blueprint(exports.bp)
    # admin_desk, admin_users and admin_webhooks add their routes to admin.bp when imported above.
    app.register_blueprint(admin_desk.bp)
    app.register_blueprint(admin_users.public_bp)
    app.register_blueprint(monitoring.bp)
    notifications.init_app(app)
    related.init_app(app)
