"""The events a newsroom can subscribe to, and `emit`, which the desks' services call
inside their own transaction: a delivery exists exactly when the change it reports does.

Every payload is small and versioned: `{"type", "version", "timestamp", "data"}`, where
`data` holds ids and the API addresses to fetch the rest. Addresses are stored as paths
and made absolute with the instance's public base URL at the first attempt.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlmodel import Session, select

from ...models import WEBHOOK_EVENTS, WebhookDelivery, WebhookSubscription, utcnow
from . import outbox

PAYLOAD_VERSION = 1
EVENT_LABELS = {
    "factcheck.published": "A fact-check is published",
    "factcheck.corrected": "A published fact-check is corrected",
    "factcheck.retracted": "A published fact-check is retracted",
    "coverage.repeat": "New coverage repeats a checked claim",
    "coverage.conflict": "New coverage's numbers conflict with a published verdict",
    "article.imported": "An article is imported",
    "verdict.submitted": "A verdict is submitted for approval",
}
API = "/api/v1"


def new_msg_id() -> str:
    return "msg_" + secrets.token_urlsafe(18)


def emit(session: Session, event_type: str, data: dict[str, Any]) -> list[int]:
    """Queue `event_type` for every active subscription to it; the delivery ids."""
    if event_type not in WEBHOOK_EVENTS:
        raise ValueError(f"unknown webhook event {event_type!r}")
    subs = session.exec(
        select(WebhookSubscription.id, WebhookSubscription.events).where(WebhookSubscription.active == True)  # noqa: E712
    ).all()
    targets = [sid for sid, events in subs if event_type in (events or ())]
    if not targets:
        return []
    now = utcnow()
    payload = {
        "type": event_type,
        "version": PAYLOAD_VERSION,
        "timestamp": now.isoformat().replace("+00:00", "Z"),
        "data": data,
    }
    rows = [
        WebhookDelivery(
            subscription_id=sid,
            msg_id=new_msg_id(),
            event_type=event_type,
            payload=payload,
            next_attempt_at=now,
            created_at=now,
        )
        for sid in targets
    ]
    session.add_all(rows)
    session.flush()
    ids = [row.id for row in rows]
    outbox.note(session, ids)
    return ids


# -- the payloads, one builder per kind of thing -------------------------------------------


def claim_data(claim_id: int, verdict_id: int | None = None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"claim_id": claim_id}
    if verdict_id is not None:
        data["verdict_id"] = verdict_id
    data.update(extra)
    data["links"] = {
        "claim": f"{API}/claims/{claim_id}",
        "claimreview": f"/claims/{claim_id}/claimreview.json",
        "fact_check": f"/fact-checks/{claim_id}",
    }
    return data


def factcheck(session: Session, event_type: str, claim_id: int, verdict_id: int, **extra: Any) -> list[int]:
    return emit(session, event_type, claim_data(claim_id, verdict_id, **extra))


def verdict_submitted(session: Session, claim_id: int, verdict_id: int) -> list[int]:
    data = {"claim_id": claim_id, "verdict_id": verdict_id, "links": {"claim": f"{API}/claims/{claim_id}"}}
    return emit(session, "verdict.submitted", data)


def article_imported(session: Session, article_id: int, claims: int) -> list[int]:
    data = {"article_id": article_id, "claims": claims, "links": {"article": f"{API}/articles/{article_id}"}}
    return emit(session, "article.imported", data)


def coverage(
    session: Session, kind: str, alert_id: int, claim_id: int, checked_claim_id: int, verdict_id: int
) -> list[int]:
    data = {
        "alert_id": alert_id,
        "claim_id": claim_id,
        "checked_claim_id": checked_claim_id,
        "verdict_id": verdict_id,
        "links": {
            "claim": f"{API}/claims/{claim_id}",
            "checked_claim": f"{API}/claims/{checked_claim_id}",
            "alerts": f"{API}/alerts",
        },
    }
    return emit(session, f"coverage.{kind}", data)


def absolute(payload: dict[str, Any], base_url: str | None) -> dict[str, Any]:
    """The payload with its link paths made absolute (left as paths without a base URL)."""
    if not base_url:
        return payload
    base = base_url.rstrip("/")
    data = dict(payload.get("data") or {})
    if isinstance(data.get("links"), dict):
        data["links"] = {
            k: (base + v if isinstance(v, str) and v.startswith("/") else v) for k, v in data["links"].items()
        }
    return {**payload, "data": data}
