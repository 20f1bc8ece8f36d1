"""Template filters and globals."""
from __future__ import annotations

from datetime import datetime

from flask import Flask
from flask_login import current_user

from ..amounts import describe_amount
from ..services.review.workflow import STATUS_LABELS
from ..http.access import role_at_least
from ..http.urls import web_url


def init_app(app: Flask) -> None:
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["status_label"] = lambda s: STATUS_LABELS.get(s, s)
    app.jinja_env.filters["percent"] = lambda x: f"{round(float(x) * 100)}%"
    app.jinja_env.filters["isodatetime"] = lambda v: v.isoformat() if v else ""
    app.jinja_env.filters["web_url"] = web_url
    app.jinja_env.filters["amount"] = lambda q: describe_amount(q.value, q.low, q.high, q.unit)
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

