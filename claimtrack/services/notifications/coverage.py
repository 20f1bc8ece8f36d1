"""New coverage of a claim you reviewed: when linking suggests a link between a new claim
and one that carries someone's verdict, that reviewer is told (kind "related", or
"conflict" when the numbers disagree).

One notification per reviewer, reviewed claim and kind for each batch of new links, so an
article with ten claims about the same figure sends one message, not ten. The message
names only what is already public to every signed-in reader: claim numbers and the
outlet of the new coverage, never the text of anybody's verdict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlmodel import Session, select

from ...models import Article, Claim, Outlet, Verdict
from . import inbox

MAX_NAMED = 3


def notify_new_links(session: Session, rows: Iterable[Mapping]) -> int:
    """Tell the reviewers of either claim of each new link; returns notifications stored.

    `rows` are the link rows just inserted (claim_a_id, claim_b_id, numeric)."""
    pairs = [(r["claim_a_id"], r["claim_b_id"], r.get("numeric")) for r in rows]
    if not pairs:
        return 0
    ids = {i for a, b, _ in pairs for i in (a, b)}
    reviewers: dict[int, set[int]] = defaultdict(set)
    listed = sorted(ids)
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        query = (
            select(Verdict.claim_id, Verdict.reviewer_id)
            .where(Verdict.claim_id.in_(chunk), Verdict.reviewer_id.is_not(None))
            .distinct()
        )
        for claim_id, reviewer_id in session.exec(query).all():
            reviewers[claim_id].add(reviewer_id)
    if not reviewers:
        return 0
    # (reviewer, reviewed claim, kind) -> the new claims it is linked to
    found: dict[tuple[int, int, str], set[int]] = defaultdict(set)
    for a, b, numeric in pairs:
        kind = "conflict" if numeric == "conflict" else "related"
        for mine, other in ((a, b), (b, a)):
            for user_id in reviewers.get(mine, ()):
                if user_id not in reviewers.get(other, ()):  # both sides their own work: nothing new
                    found[(user_id, mine, kind)].add(other)
    outlets = _outlets(session, {o for others in found.values() for o in others})
    stored = 0
    for (user_id, mine, kind), others in sorted(found.items()):
        if (
            inbox.notify(
                session, user_id, kind, actor=None, claim_id=mine, message=_message(kind, mine, sorted(others), outlets)
            )
            is not None
        ):
            stored += 1
    return stored


def _outlets(session: Session, claim_ids: set[int]) -> dict[int, str]:
    if not claim_ids:
        return {}
    rows = session.exec(
        select(Claim.id, Outlet.name)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .where(Claim.id.in_(sorted(claim_ids)))
    ).all()
    return {claim_id: outlet or "an article without an outlet" for claim_id, outlet in rows}


def _message(kind: str, mine: int, others: list[int], outlets: dict[int, str]) -> str:
    named = ", ".join(f"#{o} ({outlets.get(o, 'unknown outlet')})" for o in others[:MAX_NAMED])
    more = len(others) - MAX_NAMED
    if more > 0:
        named += f" and {more} more"
    what = "New coverage whose numbers conflict with" if kind == "conflict" else "New coverage related to"
    noun = "claim" if len(others) == 1 else "claims"
    return f"{what} claim #{mine}, which you reviewed: {noun} {named}."
