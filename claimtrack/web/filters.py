"""Template filters and globals."""
from __future__ import annotations

from datetime import datetime

from flask import Flask

STATUS_LABELS = {
    "unreviewed": "Unreviewed",
    "in_review": "In review",
    "awaiting_approval": "Awaiting approval",
    "published": "Published",
    "dismissed": "Dismissed",
}


def init_app(app: Flask) -> None:
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["status_label"] = lambda s: STATUS_LABELS.get(s, s)
    app.jinja_env.filters["percent"] = lambda x: f"{round(float(x) * 100)}%"


def format_date(value: datetime | None) -> str:
    return value.strftime("%-d %b %Y") if value else ""


def format_datetime(value: datetime | None) -> str:
    return value.strftime("%-d %b %Y %H:%M UTC") if value else ""
