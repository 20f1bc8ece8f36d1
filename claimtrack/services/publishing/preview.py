"""What a fact-check will look like before an editor publishes it: the public page's
parts and its ClaimReview, built from the verdict awaiting approval. Nothing is written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlmodel import Session

from ...claimreview import claim_review, embeddable_json
from ...errors import Conflict
from ...models import utcnow
from ..review.verdicts import check_claim_reviewed, open_verdict
from .feed import Published, Settings, review_of, verdict_row


@dataclass(frozen=True, slots=True)
class Preview:
    item: Published
    label: str
    url: str
    claimreview: dict[str, Any]

    @property
    def json_ld(self) -> str:
        return embeddable_json(self.claimreview, indent=2)


def preview(session: Session, claim_id: int, config: Mapping[str, Any], *, claim_reviewed: str | None) -> Preview:
    """The fact-check as it would be published now, with `claim_reviewed` as typed."""
    row = open_verdict(session, claim_id)
    if row is None or row.state != "submitted":
        raise Conflict("There is no verdict awaiting approval to preview.")
    reviewed = check_claim_reviewed(claim_reviewed) or row.claim_reviewed
    settings = Settings.from_config(config)
    item = verdict_row(session, claim_id, row.id)
    if item is None:  # the verdict row was read a moment ago in this transaction
        raise Conflict("There is no verdict awaiting approval to preview.")
    now = utcnow()
    item = replace(item, claim_reviewed=reviewed, published_at=now, first_published_at=now)
    label = settings.scale.get(item.rating)
    return Preview(
        item,
        label.label if label else item.rating,
        settings.public_url(claim_id),
        claim_review(review_of(item, settings)),
    )
