"""Template filters and globals."""
from __future__ import annotations

from datetime import datetime

from flask import Flask
from flask_login import current_user

from ..services.review.workflow import STATUS_LABELS
from .access import role_at_least


def init_app(app: Flask) -> None:
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["status_label"] = lambda s: STATUS_LABELS.get(s, s)
    app.jinja_env.filters["percent"] = lambda x: f"{round(float(x) * 100)}%"
    app.jinja_env.filters["isodatetime"] = lambda v: v.isoformat() if v else ""
    app.jinja_env.filters["web_url"] = web_url
    app.jinja_env.globals["can"] = can
    app.jinja_env.globals["status_labels"] = STATUS_LABELS


def can(level: str) -> bool:
    """Whether the signed-in user holds `level` or a higher role (for showing controls;
    the routes check permissions themselves)."""
    return bool(current_user and current_user.is_authenticated and role_at_least(current_user.role, level))


def format_date(value: datetime | None) -> str:
    return value.strftime("%-d %b %Y") if value else ""


def format_datetime(value: datetime | None) -> str:
    return value.strftime("%-d %b %Y %H:%M UTC") if value else ""


def web_url(value: str | None) -> str | None:
    """The URL if it is http(s), else None: stored links from imports are never trusted
    to be safe to put in an href (no javascript: or data: links)."""
    if not value:
        return None
    text = value.strip()
    return text if text.lower().startswith(("http://", "https://")) else None
