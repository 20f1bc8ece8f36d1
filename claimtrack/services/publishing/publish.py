"""Publishing a fact-check: an editor approves the verdict awaiting approval and it is
published. From here it leaves the building through the ClaimReview feed (`feed.py`)
and the public pages (`pages.py`).

Call chain: web/review.py `approve` and api/review.py `publish` -> `publish()` here ->
the verdict rules of `services.review.verdicts` (what is still missing, the claim as
reviewed) and the claim's workflow move to "published"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from ...errors import ValidationError
from ...models import Verdict, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import require
from ..notifications import inbox
from ..review.claims import get_claim
from ..review.verdicts import (
    awaiting_approval,
    check_claim_reviewed,
    move_claim,
    proposed_claim_reviewed,
    publish_problems,
    verdict_view,
)
from ..review.versions import bump
from ..webhooks import events as webhooks


def publish(
    session: Session,
    actor: Actor,
    claim_id: int,
    *,
    verdict_id: int | None,
    version: int | None,
    config: Mapping[str, Any],
    claim_reviewed: str | None = None,
) -> Verdict:
    """Approve a submitted verdict and publish it, with the claim-as-reviewed text as the
    editor last worded it (None keeps the reviewer's)."""
    require(actor, "editor", "approve and publish verdicts")
    claim = get_claim(session, claim_id)
    row = awaiting_approval(session, claim, verdict_id, version)
    reviewed = check_claim_reviewed(claim_reviewed)
    problems = publish_problems(session, claim, config, row)
    if problems:
        raise ValidationError("Cannot publish yet: " + " ".join(problems), fields={"publish": " ".join(problems)})
    before = verdict_view(row)
    row.claim_reviewed = reviewed or row.claim_reviewed or proposed_claim_reviewed(session, claim)
    row.state = "published"
    row.approver_id = actor.user_id
    row.published_at = utcnow()
    bump(row)
    move_claim(session, actor, claim, "published")
    audit.record(session, actor, "verdict.publish", "claim", claim.id, before=before, after=verdict_view(row))
    inbox.notify(
        session,
        row.reviewer_id,
        "published",
        actor=actor,
        claim_id=claim.id,
        message=f"{actor.name} approved and published your verdict on claim #{claim.id}.",
    )
    webhooks.factcheck(session, "factcheck.published", claim.id, row.id, rating=row.rating)
    return row
