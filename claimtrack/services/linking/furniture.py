"""Page furniture across an outlet's stored articles (``matching.furniture``): finding
it when claims are indexed, and explaining it to reviewers.

A furniture claim stays in the index without postings, so it is never a candidate and
never searched for; the suggestions its earlier copies had are removed once the third
copy arrives (decided links stay as the reviewer left them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session

from ...matching import furniture
from ...models import Article, Claim, ClaimLink, MatchClaim, Outlet

_ENTRIES = MatchClaim.__table__
_CHUNK = 500


def keys_of(session: Session, claim_ids: list[int]) -> dict[int, tuple[str, int, int | None]]:
    """claim id → (text key, article id, outlet id)."""
    found = {}
    for start in range(0, len(claim_ids), _CHUNK):
        rows = (
            session.connection()
            .execute(
                sa.select(Claim.id, Claim.text, Claim.article_id, Article.outlet_id)
                .join(Article, Article.id == Claim.article_id)
                .where(Claim.id.in_(claim_ids[start : start + _CHUNK]))
            )
            .fetchall()
        )
        found.update({cid: (furniture.text_key(text), article, outlet) for cid, text, article, outlet in rows})
    return found


def copies(session: Session, keyed: dict[int, tuple[str, int, int | None]]) -> dict[int, int]:
    """The furniture among the given claims and the stored ones sharing their text:
    claim id → how many articles of its outlet carry the sentence. Claims of no known
    outlet are never furniture: nothing says whose habit the sentence would be."""
    groups: dict[tuple[int, str], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for cid, (key, article, outlet) in keyed.items():
        if outlet is not None:
            groups[(outlet, key)][0].add(article)
            groups[(outlet, key)][1].add(cid)
    keys = sorted({key for _, key in groups})
    for start in range(0, len(keys), _CHUNK):
        for cid, key, article, outlet in (
            session.connection()
            .execute(
                sa.select(_ENTRIES.c.claim_id, _ENTRIES.c.text_key, Claim.article_id, Article.outlet_id)
                .join(Claim, Claim.id == _ENTRIES.c.claim_id)
                .join(Article, Article.id == Claim.article_id)
                .where(_ENTRIES.c.text_key.in_(keys[start : start + _CHUNK]))
            )
            .fetchall()
        ):
            if (outlet, key) in groups:
                groups[(outlet, key)][0].add(article)
                groups[(outlet, key)][1].add(cid)
    return {
        cid: len(articles)
        for articles, claims in groups.values()
        if furniture.is_furniture(len(articles))
        for cid in claims
    }


def linkable_among(session: Session, claim_ids: Iterable[int]) -> set[int]:
    """Those of the claims whose index entries hold postings now."""
    ids = sorted(set(claim_ids))
    return {
        row[0]
        for start in range(0, len(ids), _CHUNK)
        for row in session.connection()
        .execute(
            sa.select(_ENTRIES.c.claim_id).where(
                _ENTRIES.c.claim_id.in_(ids[start : start + _CHUNK]), _ENTRIES.c.linkable.is_(True)
            )
        )
        .fetchall()
    }


def forget_suggestions(session: Session, claim_ids: Iterable[int]) -> None:
    """Remove the suggested links of claims that are not matched (furniture, merged claims);
    confirmed or dismissed ones stay."""
    ids = sorted(set(claim_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        session.execute(
            sa.delete(ClaimLink).where(
                ClaimLink.state == "suggested", sa.or_(ClaimLink.claim_a_id.in_(chunk), ClaimLink.claim_b_id.in_(chunk))
            )
        )


def explain(session: Session, claim_id: int) -> str | None:
    """Why a claim is never linked, when it is page furniture; None otherwise."""
    keyed = keys_of(session, [claim_id])
    if claim_id not in keyed:
        return None
    found = copies(session, keyed)
    if claim_id not in found:
        return None
    outlet_id = keyed[claim_id][2]
    outlet = session.get(Outlet, outlet_id) if outlet_id is not None else None
    return furniture.reason(found[claim_id], outlet.name if outlet else None)
