"""The delivery bookkeeping behind each attempt, for the job worker.

An attempt is `claim` (one short transaction that takes the delivery, so two workers
given the same message never both send it), the POST outside any transaction, then
`record` (the log row, and either delivered or the time of the next try). A delivery
already delivered, or not yet due, is not claimed: repeating a task repeats nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ...database import session_scope
from ...fetch.post import Attempt
from ...models import WebhookAttempt, WebhookDelivery, WebhookSubscription, utcnow
from ..publishing.settings import effective
from .events import absolute
from .settings import WebhookSettings
from .subscriptions import signing_secrets


@dataclass(frozen=True, slots=True)
class Claimed:
    delivery_id: int
    subscription_id: int
    msg_id: str
    url: str
    body: str
    secrets: list[str]
    number: int


def claim(engine: Engine, delivery_id: int, config: dict, settings: WebhookSettings) -> Claimed | None:
    now = utcnow()
    lease = now + timedelta(seconds=settings.timeout * 3 + 30)
    with session_scope(engine) as session:
        taken = session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.id == delivery_id,
                or_(
                    and_(WebhookDelivery.state == "pending", WebhookDelivery.next_attempt_at <= now),
                    and_(WebhookDelivery.state == "sending", WebhookDelivery.lease_until < now),
                ),
            )
            .values(state="sending", attempts=WebhookDelivery.attempts + 1, lease_until=lease)
        )
        if taken.rowcount != 1:
            return None
        row = session.get(WebhookDelivery, delivery_id)
        sub = session.get(WebhookSubscription, row.subscription_id)
        if not sub.active:
            row.state, row.lease_until, row.attempts = "failed", None, row.attempts - 1
            row.last_error = "the subscription is switched off"
            return None
        if row.body is None:
            base = effective(session, config).get("PUBLIC_BASE_URL")
            row.body = json.dumps(absolute(row.payload, base), ensure_ascii=False, separators=(",", ":"))
        return Claimed(row.id, sub.id, row.msg_id, sub.url, row.body, signing_secrets(sub), row.attempts)


def record(engine: Engine, claimed: Claimed, attempt: Attempt, settings: WebhookSettings) -> float | None:
    """Log the attempt; seconds until the next one, or None when there is none."""
    now = utcnow()
    with session_scope(engine) as session:
        row = session.get(WebhookDelivery, claimed.delivery_id)
        session.add(
            WebhookAttempt(
                delivery_id=row.id,
                number=claimed.number,
                ok=attempt.ok,
                status_code=attempt.status,
                latency_ms=attempt.latency_ms,
                response_excerpt=attempt.excerpt,
                error=(attempt.error or None) and attempt.error[:500],
                attempted_at=now,
            )
        )
        row.last_status, row.last_error, row.lease_until = attempt.status, (attempt.error or "")[:500] or None, None
        sub = session.get(WebhookSubscription, row.subscription_id)
        if attempt.ok:
            row.state, row.delivered_at, row.next_attempt_at = "delivered", now, None
            if sub.failing_since is not None:
                sub.failing_since = None
            return None
        retries_used = claimed.number - 1
        if retries_used < len(settings.schedule):
            wait = float(settings.schedule[retries_used])
            row.state, row.next_attempt_at = "pending", now + timedelta(seconds=wait)
            return wait
        row.state, row.next_attempt_at = "failed", None
        if sub.failing_since is None:
            sub.failing_since = now
        _disable_if_long_failing(sub, settings, now)
        return None


def _disable_if_long_failing(sub: WebhookSubscription, settings: WebhookSettings, now) -> bool:
    if (
        sub.active
        and sub.failing_since is not None
        and now - sub.failing_since >= timedelta(days=settings.disable_after_days)
    ):
        sub.active = False
        sub.disabled_reason = (
            f"switched off: deliveries kept failing for {settings.disable_after_days:g} days "
            f"(since {sub.failing_since:%Y-%m-%d %H:%M} UTC)"
        )
        return True
    return False


def sweep(session: Session, settings: WebhookSettings, *, grace_seconds: float = 30) -> list[int]:
    """Deliveries overdue (their queued task was lost) or whose attempt was lost with its
    worker; and subscriptions failing too long are switched off."""
    now = utcnow()
    overdue = now - timedelta(seconds=grace_seconds)
    ids = session.exec(
        select(WebhookDelivery.id)
        .where(
            or_(
                and_(WebhookDelivery.state == "pending", WebhookDelivery.next_attempt_at <= overdue),
                and_(WebhookDelivery.state == "sending", WebhookDelivery.lease_until < now),
            )
        )
        .order_by(WebhookDelivery.id)
        .limit(1000)
    ).all()
    for sub in session.exec(
        select(WebhookSubscription).where(
            WebhookSubscription.active == True,  # noqa: E712
            WebhookSubscription.failing_since.is_not(None),
        )
    ).all():
        _disable_if_long_failing(sub, settings, now)
    return list(ids)
