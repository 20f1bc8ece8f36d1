"""Taking things back: a reviewer withdraws a submitted verdict before an editor acts on
it; an editor retracts a published fact-check, with a reason readers see.

A retraction does not delete or un-publish anything: the verdict row stays published
and carries the retraction, so the public page can say what was retracted, when and
why. The feed and the ClaimReview exports stop carrying it (see services.publishing.feed).
"""

from __future__ import annotations

from sqlmodel import Session

from ...errors import Conflict, PermissionDenied, ValidationError
from ...models import Verdict, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import at_least, require
from ..webhooks import events as webhooks
from . import workflow
from .claims import get_claim
from .verdicts import MAX_NOTE, live_published, open_verdict
from .versions import bump, stale


def withdraw(session: Session, actor: Actor, claim_id: int, *, verdict_id: int | None, version: int | None) -> Verdict:
    """Back to a draft the reviewer can change, before any editor approves it. The
    reviewer who submitted it, or an editor, may withdraw it."""
    require(actor, "reviewer", "withdraw verdicts")
    claim = get_claim(session, claim_id)
    row = open_verdict(session, claim.id)
    if row is None or row.state != "submitted":
        raise Conflict("There is no submitted verdict to withdraw: it may have been approved or returned already.")
    if row.id != verdict_id or row.version != version:
        raise stale(session, "The verdict", row, "claim", claim.id, "verdict.")
    if row.reviewer_id != actor.user_id and not at_least(actor.role, "editor"):
        raise PermissionDenied("Only the reviewer who submitted this verdict, or an editor, can withdraw it.")
    before = {"state": row.state, "version": row.version}
    row.state = "draft"
    row.submitted_at = None
    bump(row)
    status_before = claim.status
    workflow.move(claim, "in_review")
    bump(claim)
    audit.record(
        session,
        actor,
        "verdict.withdraw",
        "claim",
        claim.id,
        before=before,
        after={"state": row.state, "version": row.version, "verdict_id": row.id},
    )
    audit.record(
        session,
        actor,
        "claim.status",
        "claim",
        claim.id,
        before={"status": status_before},
        after={"status": claim.status},
    )
    return row


def retract(
    session: Session, actor: Actor, claim_id: int, *, verdict_id: int | None, version: int | None, reason: str | None
) -> Verdict:
    """Retract a published fact-check, saying why. It cannot be undone: publishing again
    means a new review of the claim."""
    require(actor, "editor", "retract fact-checks")
    claim = get_claim(session, claim_id)
    row = live_published(
        session,
        claim,
        verdict_id,
        version,
        missing="no published fact-check to retract",
        retracted="it cannot be retracted again",
    )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            "A retraction needs a reason for readers.", fields={"reason": "say why the fact-check is retracted"}
        )
    if len(reason) > MAX_NOTE:
        raise ValidationError("The reason is too long.", fields={"reason": f"at most {MAX_NOTE:,} characters"})
    row.retracted_at = utcnow()
    row.retraction_reason = reason
    row.retracted_by_id = actor.user_id
    bump(row)
    claim.updated_at = row.retracted_at
    audit.record(
        session,
        actor,
        "verdict.retract",
        "claim",
        claim.id,
        before={"verdict_id": row.id},
        after={"verdict_id": row.id, "reason": reason},
    )
    webhooks.factcheck(session, "factcheck.retracted", claim.id, row.id)
    return row
