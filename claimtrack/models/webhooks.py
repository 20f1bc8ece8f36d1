"""Webhook subscriptions, the deliveries of each event to each subscription, and every
attempt made (the delivery log)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import check_in, ts_column, utcnow

WEBHOOK_EVENTS = (
    "factcheck.published",
    "factcheck.corrected",
    "factcheck.retracted",
    "coverage.repeat",
    "coverage.conflict",
    "article.imported",
    "verdict.submitted",
)
# pending: waiting for its next attempt; sending: an attempt is under way (until
# lease_until); delivered; failed: every retry used up.
DELIVERY_STATES = ("pending", "sending", "delivered", "failed")


class WebhookSubscription(SQLModel, table=True):
    __tablename__ = "webhook_subscriptions"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000)
    events: list = Field(default_factory=list, sa_column=sa.Column(sa.JSON, nullable=False))
    description: str = Field(default="", max_length=500)
    active: bool = Field(default=True)
    # The signing secret (`whsec_…`); during a rotation the one it replaced signs too,
    # until previous_secret_until.
    secret: str = Field(max_length=100)
    previous_secret: str | None = Field(default=None, max_length=100)
    previous_secret_until: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    # Set when a delivery used up its retries; cleared by the next success. A
    # subscription failing for WEBHOOKS_DISABLE_AFTER_DAYS is switched off.
    failing_since: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    disabled_reason: str | None = Field(default=None, max_length=500)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())


class WebhookDelivery(SQLModel, table=True):
    """One event for one subscription. `msg_id` is the `webhook-id` header, the same on
    every attempt and redelivery, so a receiver drops repeats by it."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        check_in("state", DELIVERY_STATES, "state"),
        sa.Index("ix_webhook_deliveries_state_next", "state", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(foreign_key="webhook_subscriptions.id", index=True)
    msg_id: str = Field(max_length=40, sa_column_kwargs={"unique": True})
    event_type: str = Field(max_length=40)
    # The event as emitted: type, timestamp, data (API paths relative to the base URL).
    payload: dict = Field(default_factory=dict, sa_column=sa.Column(sa.JSON, nullable=False))
    # The exact body sent, fixed at the first attempt, so every retry signs the same bytes.
    body: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    state: str = Field(default="pending", max_length=16)
    attempts: int = Field(default=0)
    next_attempt_at: datetime | None = Field(default_factory=utcnow, sa_column=ts_column(nullable=True))
    lease_until: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    last_status: int | None = Field(default=None)
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column(index=True))
    delivered_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))


class WebhookAttempt(SQLModel, table=True):
    __tablename__ = "webhook_attempts"

    id: int | None = Field(default=None, primary_key=True)
    delivery_id: int = Field(foreign_key="webhook_deliveries.id", index=True)
    number: int
    ok: bool
    status_code: int | None = Field(default=None)
    latency_ms: int = Field(default=0)
    response_excerpt: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False))
    error: str | None = Field(default=None, max_length=500)
    attempted_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
