"""Webhook subscriptions, managed by admins: add (the secret is shown this once), edit,
deactivate, rotate the secret, read the delivery log, redeliver one delivery."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlmodel import Session, select

from ...errors import Conflict, NotFound, ValidationError
from ...fetch import FetchError
from ...fetch.guard import IPNetwork, Resolver
from ...fetch.post import check_url
from ...fetch.signing import new_secret
from ...models import WEBHOOK_EVENTS, WebhookAttempt, WebhookDelivery, WebhookSubscription, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import require
from . import outbox

MAX_DESCRIPTION = 500


@dataclass(frozen=True, slots=True)
class UrlPolicy:
    """What a subscription URL may reach: the fetch guard's allow-list and resolver."""

    allow_networks: tuple[IPNetwork, ...] = ()
    resolver: Resolver | None = None


@dataclass(slots=True)
class SubscriptionForm:
    url: str = ""
    events: list[str] = field(default_factory=list)
    description: str = ""
    active: bool = True


def _checked(form: SubscriptionForm, policy: UrlPolicy) -> SubscriptionForm:
    errors: dict[str, str] = {}
    url = (form.url or "").strip()
    if not url:
        errors["url"] = "give the receiver's address"
    elif len(url) > 2000:
        errors["url"] = "at most 2,000 characters"
    else:
        try:
            check_url(url, policy.allow_networks, policy.resolver)
        except FetchError as exc:
            errors["url"] = exc.reason
    events = list(dict.fromkeys(e.strip() for e in form.events if e and e.strip()))
    unknown = [e for e in events if e not in WEBHOOK_EVENTS]
    if unknown:
        errors["events"] = f"unknown event {unknown[0]!r}; choose from {', '.join(WEBHOOK_EVENTS)}"
    elif not events:
        errors["events"] = "choose at least one event"
    description = (form.description or "").strip()
    if len(description) > MAX_DESCRIPTION:
        errors["description"] = f"at most {MAX_DESCRIPTION} characters"
    if errors:
        raise ValidationError(
            "Please correct the subscription: " + "; ".join(f"{k}: {v}" for k, v in errors.items()), fields=errors
        )
    return SubscriptionForm(url, events, description, bool(form.active))


def get_subscription(session: Session, sub_id: int) -> WebhookSubscription:
    sub = session.get(WebhookSubscription, sub_id)
    if sub is None:
        raise NotFound(f"No webhook subscription {sub_id}.")
    return sub


def list_subscriptions(session: Session) -> list[WebhookSubscription]:
    return list(session.exec(select(WebhookSubscription).order_by(WebhookSubscription.id)).all())


def _view(sub: WebhookSubscription) -> dict:
    return {"url": sub.url, "events": list(sub.events), "description": sub.description, "active": sub.active}


def add_subscription(session: Session, actor: Actor, form: SubscriptionForm, policy: UrlPolicy) -> WebhookSubscription:
    require(actor, "admin", "manage webhooks")
    data = _checked(form, policy)
    sub = WebhookSubscription(
        url=data.url,
        events=data.events,
        description=data.description,
        active=data.active,
        secret=new_secret(),
        created_by_id=actor.user_id,
    )
    session.add(sub)
    session.flush()
    audit.record(session, actor, "webhook.add", "webhook_subscription", sub.id, after=_view(sub))
    return sub


def update_subscription(
    session: Session, actor: Actor, sub_id: int, form: SubscriptionForm, policy: UrlPolicy
) -> WebhookSubscription:
    require(actor, "admin", "manage webhooks")
    sub = get_subscription(session, sub_id)
    before = _view(sub)
    data = _checked(form, policy)
    sub.url, sub.events, sub.description = data.url, data.events, data.description
    if data.active and not sub.active:
        sub.failing_since, sub.disabled_reason = None, None
    sub.active = data.active
    sub.updated_at = utcnow()
    session.add(sub)
    audit.record(session, actor, "webhook.edit", "webhook_subscription", sub.id, before=before, after=_view(sub))
    return sub


def deactivate(session: Session, actor: Actor, sub_id: int) -> WebhookSubscription:
    require(actor, "admin", "manage webhooks")
    sub = get_subscription(session, sub_id)
    if sub.active:
        sub.active, sub.updated_at = False, utcnow()
        session.add(sub)
        audit.record(session, actor, "webhook.deactivate", "webhook_subscription", sub.id)
    return sub


def rotate_secret(session: Session, actor: Actor, sub_id: int, *, overlap_hours: float) -> WebhookSubscription:
    """A new secret; the old one keeps signing beside it for `overlap_hours`, so
    receivers can switch over without dropping a delivery."""
    require(actor, "admin", "manage webhooks")
    sub = get_subscription(session, sub_id)
    now = utcnow()
    sub.previous_secret, sub.previous_secret_until = sub.secret, now + timedelta(hours=overlap_hours)
    sub.secret, sub.updated_at = new_secret(), now
    session.add(sub)
    audit.record(
        session,
        actor,
        "webhook.rotate",
        "webhook_subscription",
        sub.id,
        after={"previous_secret_until": sub.previous_secret_until.isoformat()},
    )
    return sub


def signing_secrets(sub: WebhookSubscription) -> list[str]:
    now = utcnow()
    live = [sub.secret]
    if sub.previous_secret and sub.previous_secret_until and sub.previous_secret_until > now:
        live.append(sub.previous_secret)
    return live


def deliveries(session: Session, sub_id: int, *, limit: int = 100) -> list[WebhookDelivery]:
    get_subscription(session, sub_id)
    return list(
        session.exec(
            select(WebhookDelivery)
            .where(WebhookDelivery.subscription_id == sub_id)
            .order_by(WebhookDelivery.id.desc())
            .limit(limit)
        ).all()
    )


def attempts_for(session: Session, delivery_ids: Iterable[int]) -> dict[int, list[WebhookAttempt]]:
    ids = list(delivery_ids)
    out: dict[int, list[WebhookAttempt]] = {i: [] for i in ids}
    if ids:
        for row in session.exec(
            select(WebhookAttempt).where(WebhookAttempt.delivery_id.in_(ids)).order_by(WebhookAttempt.id)
        ).all():
            out[row.delivery_id].append(row)
    return out


def redeliver(session: Session, actor: Actor, delivery_id: int) -> WebhookDelivery:
    """Send one delivery again, now, with the same webhook-id (receivers dedupe by it)."""
    require(actor, "admin", "manage webhooks")
    row = session.get(WebhookDelivery, delivery_id)
    if row is None:
        raise NotFound(f"No webhook delivery {delivery_id}.")
    if row.state == "sending":
        raise Conflict("This delivery is being attempted right now.")
    row.state, row.next_attempt_at, row.lease_until = "pending", utcnow(), None
    session.add(row)
    session.flush()
    audit.record(
        session, actor, "webhook.redeliver", "webhook_subscription", row.subscription_id, after={"delivery_id": row.id}
    )
    outbox.note(session, [row.id])
    return row


def subscription_dict(sub: WebhookSubscription, *, with_secret: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": sub.id,
        "url": sub.url,
        "events": list(sub.events),
        "description": sub.description,
        "active": sub.active,
        "failing": sub.failing_since is not None,
        "failing_since": sub.failing_since.isoformat() if sub.failing_since else None,
        "disabled_reason": sub.disabled_reason,
        "rotation_ends": (
            sub.previous_secret_until.isoformat()
            if sub.previous_secret and sub.previous_secret_until and sub.previous_secret_until > utcnow()
            else None
        ),
        "created_at": sub.created_at.isoformat(),
    }
    if with_secret:
        data["secret"] = sub.secret
    return data


def delivery_dict(row: WebhookDelivery, attempts: list[WebhookAttempt]) -> dict[str, Any]:
    return {
        "id": row.id,
        "subscription_id": row.subscription_id,
        "webhook_id": row.msg_id,
        "event": row.event_type,
        "state": row.state,
        "attempts": row.attempts,
        "last_status": row.last_status,
        "last_error": row.last_error,
        "next_attempt_at": row.next_attempt_at.isoformat() if row.next_attempt_at and row.state == "pending" else None,
        "created_at": row.created_at.isoformat(),
        "delivered_at": row.delivered_at.isoformat() if row.delivered_at else None,
        "log": [
            {
                "number": a.number,
                "ok": a.ok,
                "status_code": a.status_code,
                "latency_ms": a.latency_ms,
                "response_excerpt": a.response_excerpt,
                "error": a.error,
                "attempted_at": a.attempted_at.isoformat(),
            }
            for a in attempts
        ],
    }
