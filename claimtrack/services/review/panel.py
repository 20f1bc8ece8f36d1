"""Everything the claim panel shows, read in one place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, select

from ...models import Article, Claim, Claimant, ClaimLink, ClaimSource, Outlet, Quantity, Source, User, Verdict
from ...ratings import RatingScale
from ..accounts.roles import at_least
from ..linking import related as related_service
from . import claims as claim_service
from . import sources as source_service
from . import verdicts as verdict_service
from .timeline import TimelineEntry, claim_timeline


@dataclass(slots=True)
class SourceLink:
    link: ClaimSource
    source: Source
    fingerprint: str


@dataclass(slots=True)
class ReuseOption:
    link_id: int
    claim: Claim
    verdict: Verdict


@dataclass(slots=True)
class SplitPoint:
    at: int
    before: str
    after: str


@dataclass(slots=True)
class ClaimPanel:
    claim: Claim
    article: Article
    outlet: Outlet | None
    claimant: Claimant | None
    assignee: User | None
    span_text: str
    quantities: list[Quantity]
    sources: list[SourceLink]
    open_verdict: Verdict | None
    published_verdict: Verdict | None
    verdicts: list[Verdict]
    users: dict[int, User]
    scale: RatingScale
    publish_problems: list[str]
    reviewers: list[User]
    siblings: list[Claim]
    split_points: list[SplitPoint]
    timeline: list[TimelineEntry]
    reuse_options: list[ReuseOption] = field(default_factory=list)
    prev_id: int | None = None
    next_id: int | None = None
    # What a new verdict would say it reviewed: the claim without its attribution.
    proposed_reviewed: str = ""

    @property
    def claim_reviewed(self) -> str:
        v = self.open_verdict
        return (v.claim_reviewed if v and v.claim_reviewed else None) or self.proposed_reviewed

    def user_label(self, user_id: int | None) -> str:
        user = self.users.get(user_id) if user_id else None
        return user.label if user else "—"

    def rating_label(self, key: str | None) -> str:
        label = self.scale.get(key) if key else None
        return label.label if label else (key or "—")


def _reuse_options(session: Session, claim_id: int) -> list[ReuseOption]:
    ends = verdict_service.linked_as(session, claim_id)
    links = session.exec(
        select(ClaimLink).where(
            ClaimLink.state == "confirmed",
            ClaimLink.relation == "same",
            or_(ClaimLink.claim_a_id.in_(ends), ClaimLink.claim_b_id.in_(ends)),
        )
    ).all()
    options = []
    for link in links:
        other_id = link.claim_b_id if link.claim_a_id in ends else link.claim_a_id
        if other_id in ends or related_service.why_not_lend(session, link):
            continue
        published = verdict_service.published_verdict(session, other_id)
        if published is not None:
            options.append(ReuseOption(link.id, session.get(Claim, other_id), published))
    return options


def load_panel(session: Session, claim_id: int, config: Mapping[str, Any]) -> ClaimPanel:
    claim = claim_service.get_claim(session, claim_id)
    article = session.get(Article, claim.article_id)
    verdicts = verdict_service.history(session, claim.id)
    open_row = next((v for v in reversed(verdicts[-1:]) if v.state in verdict_service.OPEN_STATES), None)
    published = next((v for v in reversed(verdicts) if v.state == "published"), None)
    users = {u.id: u for u in session.exec(select(User).order_by(User.display_name, User.username)).all()}
    reviewers = [u for u in users.values() if u.is_active and at_least(u.role, "reviewer")]
    others = session.exec(
        select(Claim).where(Claim.article_id == claim.article_id).order_by(Claim.start_offset, Claim.id)
    ).all()
    ids = [c.id for c in others]
    index = ids.index(claim.id)
    body = article.body
    points = [
        SplitPoint(at, body[max(claim.start_offset, at - 40) : at], body[at : min(claim.end_offset, at + 40)])
        for at in claim_service.split_points(body, claim)
    ]
    return ClaimPanel(
        claim=claim,
        article=article,
        outlet=session.get(Outlet, article.outlet_id) if article.outlet_id else None,
        claimant=session.get(Claimant, claim.claimant_id) if claim.claimant_id else None,
        assignee=users.get(claim.assignee_id) if claim.assignee_id else None,
        span_text=body[claim.start_offset : claim.end_offset],
        quantities=list(
            session.exec(
                select(Quantity).where(Quantity.claim_id == claim.id).order_by(Quantity.start_offset, Quantity.id)
            ).all()
        ),
        sources=[
            SourceLink(link, src, source_service.fingerprint(link, src))
            for link, src in source_service.sources_for(session, claim.id)
        ],
        open_verdict=open_row,
        published_verdict=published,
        verdicts=verdicts,
        users=users,
        scale=verdict_service.scale_for(config),
        publish_problems=verdict_service.publish_problems(session, claim, config, open_row) if open_row else [],
        reviewers=reviewers,
        siblings=[c for c in others if c.id != claim.id and c.status in ("unreviewed", "in_review")],
        split_points=points,
        timeline=claim_timeline(session, claim),
        reuse_options=_reuse_options(session, claim.id),
        prev_id=ids[index - 1] if index > 0 else None,
        next_id=ids[index + 1] if index + 1 < len(ids) else None,
        proposed_reviewed=verdict_service.proposed_claim_reviewed(session, claim),
    )
