"""A claim's history, read from the audit log: who did what, when, before and after."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import Session, select

from ...models import AuditEvent, Claim, ClaimLink, User
from .workflow import label as status_label

_HIDDEN = {
    "id",
    "version",
    "claim_source_id",
    "source_id",
    "verdict_id",
    "new_claim_id",
    "merged_claim_id",
    "merged_into_id",
    "into",
}


@dataclass(slots=True)
class TimelineEntry:
    at: datetime | None
    who: str
    action: str
    summary: str
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)


def _summary(action: str, before: dict, after: dict) -> str:
    if action == "claim.create":
        return f"Created by splitting claim #{after['split_from']}" if after.get("split_from") else "Added the claim"
    if action == "claim.edit":
        return "Edited the text or span"
    if action == "claim.speaker":
        speaker = after.get("speaker")
        return f"Set the speaker to {speaker}" if speaker else "Removed the speaker: the outlet's own statement"
    if action == "claim.assign":
        return f"Assigned to {after['assignee']}" if after.get("assignee") else "Unassigned"
    if action == "claim.status":
        return f"Moved from {status_label(before.get('status', '?')).lower()} to {status_label(after.get('status', '?')).lower()}"
    if action == "claim.dismiss":
        return f"Dismissed: {after.get('dismissed_reason', '')}"
    if action == "claim.split":
        return f"Split in two; the second part became claim #{after.get('new_claim_id')}"
    if action == "claim.merge":
        return f"Merged claim #{after.get('merged_claim_id')} into this one"
    if action == "claim.merged_into":
        return f"Merged into claim #{after.get('into')}"
    if action.startswith("source."):
        data = after or before
        verb = {"source.add": "Added", "source.edit": "Edited", "source.remove": "Removed"}.get(action, "Changed")
        return f"{verb} source {data.get('title') or data.get('url', '')}".rstrip()
    verdicts = {
        "verdict.draft": "Saved a draft verdict",
        "verdict.submit": "Submitted the verdict for approval",
        "verdict.publish": "Approved and published the verdict",
    }
    if action in verdicts:
        return verdicts[action]
    if action == "verdict.return":
        return f"Returned the verdict: {after.get('return_comment', '')}"
    if action == "verdict.correct":
        return f"Issued a correction: {after.get('correction_note', '')}"
    if action == "verdict.reuse":
        return f"Reused the verdict of claim #{after.get('from_claim_id')}"
    if action.startswith("link") or action.startswith("claim_link"):
        state = (after or {}).get("state")
        return f"Marked a related claim as {state}" if state else "Changed a related-claim link"
    return action


def _changes(before: dict, after: dict) -> list[tuple[str, Any, Any]]:
    keys = [k for k in dict.fromkeys([*before, *after]) if k not in _HIDDEN]
    return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def claim_timeline(session: Session, claim: Claim, limit: int = 200) -> list[TimelineEntry]:
    """Newest first. Includes decisions on related-claim links that involve the claim."""
    link_ids = list(
        session.exec(
            select(ClaimLink.id).where(or_(ClaimLink.claim_a_id == claim.id, ClaimLink.claim_b_id == claim.id))
        ).all()
    )
    cond = and_(AuditEvent.entity_type == "claim", AuditEvent.entity_id == claim.id)
    if link_ids:
        cond = or_(cond, and_(AuditEvent.entity_type.in_(("claim_link", "link")), AuditEvent.entity_id.in_(link_ids)))
    rows = session.exec(
        select(AuditEvent, User)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(cond)
        .order_by(AuditEvent.id.desc())
        .limit(limit)
    ).all()
    entries = []
    for event, user in rows:
        before, after = event.before or {}, event.after or {}
        entries.append(
            TimelineEntry(
                event.at,
                user.label if user else event.actor,
                event.action,
                _summary(event.action, before, after),
                _changes(before, after),
            )
        )
    if claim.created_by_id is None and len(rows) < limit:
        entries.append(
            TimelineEntry(claim.created_at, "extractor", "claim.extract", "Extracted from the article on import")
        )
    return entries
