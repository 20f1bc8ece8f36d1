"""Template filters and globals."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from flask_login import current_user

from ..amounts import describe_amount
from ..http.access import role_at_least
from ..http.urls import web_url
from ..services.review.workflow import DISMISS_PRESETS, STATUS_LABELS
from .reasons import plain_reason


def init_app(app: Flask) -> None:
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["status_label"] = lambda s: STATUS_LABELS.get(s, s)
    app.jinja_env.filters["percent"] = lambda x: f"{round(float(x) * 100)}%"
    app.jinja_env.filters["worthiness"] = worthiness_word
    app.jinja_env.filters["isodatetime"] = lambda v: v.isoformat() if v else ""
    app.jinja_env.filters["web_url"] = web_url
    app.jinja_env.filters["amount"] = lambda q: describe_amount(q.value, q.low, q.high, q.unit)
    app.jinja_env.globals["can"] = can
    app.jinja_env.globals["status_labels"] = STATUS_LABELS
    app.jinja_env.globals["dismiss_presets"] = DISMISS_PRESETS
    app.jinja_env.globals["no_speaker"] = NO_SPEAKER
    app.jinja_env.filters["claim_status"] = claim_status
    app.jinja_env.filters["plain_reason"] = plain_reason


def can(level: str) -> bool:
    """Whether the signed-in user holds `level` or a higher role (for showing controls;
    the routes check permissions themselves)."""
    return bool(current_user and current_user.is_authenticated and role_at_least(current_user.role, level))


def worthiness_word(score: float) -> str:
    """Check-worthiness as a word a reviewer reads at a glance; the score goes on hover."""
    score = float(score)
    if score >= 0.7:
        return "high"
    if score >= 0.4:
        return "medium"
    return "low"


def format_date(value: datetime | None) -> str:
    return value.strftime("%-d %b %Y") if value else ""


def format_datetime(value: datetime | None) -> str:
    return value.strftime("%-d %b %Y %H:%M UTC") if value else ""


# One label wherever a claim has no speaker (the queue, the panel, related coverage, reports).
NO_SPEAKER = "No speaker: the outlet's own statement"


def claim_status(claim) -> str:
    """A claim's status in words; a merged claim says where it went, not "Dismissed"."""
    into = getattr(claim, "merged_into_id", None) if claim.status == "merged" else None
    return f"Merged into #{into}" if into else STATUS_LABELS.get(claim.status, claim.status)
