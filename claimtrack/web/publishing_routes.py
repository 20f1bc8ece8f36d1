"""Registers everything that publishes or reports: public fact-check pages, ClaimReview
downloads and the editors' reports."""

from __future__ import annotations

from flask import Flask


def init_publishing(app: Flask) -> None:
    from . import feeds, public, reports

    app.register_blueprint(public.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(reports.bp)
