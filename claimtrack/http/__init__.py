"""What the HTML pages (web/) and the JSON API (api/) share: the Flask extensions, who
the request is (web sessions, bearer tokens), and the deny-by-default access rules."""

from __future__ import annotations

from flask import Flask


def init_http(app: Flask) -> None:
    from . import access, sessions
    from .extensions import csrf, htmx, login_manager

    htmx.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    sessions.init_app(app)
    access.init_app(app)
