"""Alerts when new coverage brings back a claim that already has a published verdict:
the same claim again (numbers consistent or absent), or a claim whose numbers conflict
with it. Raised from the links that matching suggests on import, in the same
transaction; acknowledged, or turned into a review where the verdict can be reused."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ...errors import Conflict, NotFound
from ...models import Article, Claim, ClaimAlert, ClaimLink, Outlet, Verdict, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import require
from ..linking.related import decide_link
from ..webhooks import events as webhooks


def alert_kind(link: ClaimLink) -> str | None:
    """ "conflict" for numbers in conflict, "repeat" for the same claim; else no alert."""
    if link.numeric == "conflict":
        return "conflict"
    if link.relation == "same":
        return "repeat"
    return None


def scan_claims(session: Session, claim_ids: Iterable[int]) -> list[ClaimAlert]:
    """Raise the alerts for these (new) claims; an alert already raised is not repeated."""
    ids = set(claim_ids)
    if not ids:
        return []
    # Only links that can raise an alert, and the published verdicts in one read.
    links = session.exec(
        select(ClaimLink).where(
            ClaimLink.state != "dismissed",
            or_(ClaimLink.relation == "same", ClaimLink.numeric == "conflict"),
            or_(ClaimLink.claim_a_id.in_(ids), ClaimLink.claim_b_id.in_(ids)),
        )
    ).all()
    pairs = []
    for link in links:
        kind = alert_kind(link)
        if kind is None:
            continue
        for new_id, old_id in ((link.claim_a_id, link.claim_b_id), (link.claim_b_id, link.claim_a_id)):
            if new_id in ids and old_id not in ids:
                pairs.append((new_id, old_id, kind, link.score))
    if not pairs:
        return []
    published: dict[int, int] = {}
    for claim_id, verdict_id in session.exec(
        select(Verdict.claim_id, Verdict.id)
        .where(Verdict.claim_id.in_({p[1] for p in pairs}), Verdict.state == "published")
        .order_by(Verdict.id)
    ):
        published[claim_id] = verdict_id  # the latest wins
    raised = []
    for new_id, old_id, kind, score in pairs:
        if old_id in published:
            alert = _raise(session, new_id, old_id, published[old_id], kind, score)
            if alert is not None:
                raised.append(alert)
    return raised


def scan_article(session: Session, article_id: int) -> list[ClaimAlert]:
    return scan_claims(session, session.exec(select(Claim.id).where(Claim.article_id == article_id)).all())


def _raise(
    session: Session, claim_id: int, checked_id: int, verdict_id: int, kind: str, score: float
) -> ClaimAlert | None:
    query = select(ClaimAlert).where(ClaimAlert.claim_id == claim_id, ClaimAlert.checked_claim_id == checked_id)
    if session.exec(query).first() is not None:
        return None
    alert = ClaimAlert(
        claim_id=claim_id, checked_claim_id=checked_id, verdict_id=verdict_id, kind=kind, score=round(float(score), 4)
    )
    try:
        with session.begin_nested():
            session.add(alert)
    except IntegrityError:
        return None  # raised by a concurrent import of the same coverage
    webhooks.coverage(session, kind, alert.id, claim_id, checked_id, verdict_id)
    return alert


def get_alert(session: Session, alert_id: int) -> ClaimAlert:
    alert = session.get(ClaimAlert, alert_id)
    if alert is None:
        raise NotFound(f"No alert {alert_id}.")
    return alert


def acknowledge(session: Session, actor: Actor, alert_id: int) -> ClaimAlert:
    require(actor, "reviewer", "acknowledge alerts")
    alert = get_alert(session, alert_id)
    if alert.state != "open":
        raise Conflict(f"Alert {alert_id} is {alert.state} already.")
    alert.state, alert.decided_by_id, alert.decided_at = "acknowledged", actor.user_id, utcnow()
    session.add(alert)
    audit.record(
        session,
        actor,
        "alert.acknowledge",
        "claim_alert",
        alert.id,
        after={"claim_id": alert.claim_id, "checked_claim_id": alert.checked_claim_id},
    )
    return alert


def start_review(session: Session, actor: Actor, alert_id: int) -> ClaimAlert:
    """Take the alert into review. A repeat confirms the same-claim link, which is what
    lets the claim's panel offer the published verdict for reuse; a conflict confirms
    nothing (its verdict is not reusable) and the reviewer checks the claim afresh."""
    require(actor, "reviewer", "review alerts")
    alert = get_alert(session, alert_id)
    if alert.state == "reviewed":
        return alert
    if alert.kind == "repeat":
        a, b = sorted((alert.claim_id, alert.checked_claim_id))
        link = session.exec(select(ClaimLink).where(ClaimLink.claim_a_id == a, ClaimLink.claim_b_id == b)).first()
        if link is not None and link.relation == "same" and link.numeric != "conflict":
            decide_link(session, actor, link.id, "confirmed")
    alert.state, alert.decided_by_id, alert.decided_at = "reviewed", actor.user_id, utcnow()
    session.add(alert)
    audit.record(
        session,
        actor,
        "alert.review",
        "claim_alert",
        alert.id,
        after={"claim_id": alert.claim_id, "checked_claim_id": alert.checked_claim_id, "kind": alert.kind},
    )
    return alert


@dataclass(slots=True)
class AlertRow:
    alert: ClaimAlert
    claim: Claim
    checked: Claim
    verdict: Verdict
    outlet: str | None


def list_alerts(session: Session, state: str | None = "open", limit: int = 200) -> list[AlertRow]:
    query = select(ClaimAlert).order_by(ClaimAlert.id.desc()).limit(limit)
    if state:
        query = query.where(ClaimAlert.state == state)
    return [_row(session, alert) for alert in session.exec(query)]


def alert_row(session: Session, alert_id: int) -> AlertRow:
    return _row(session, get_alert(session, alert_id))


def _row(session: Session, alert: ClaimAlert) -> AlertRow:
    claim = session.get(Claim, alert.claim_id)
    article = session.get(Article, claim.article_id)
    outlet = session.get(Outlet, article.outlet_id).name if article.outlet_id else None
    return AlertRow(
        alert, claim, session.get(Claim, alert.checked_claim_id), session.get(Verdict, alert.verdict_id), outlet
    )
