"""Claimants, the rating scale, and "has this been checked before?"."""

from __future__ import annotations

from flask import jsonify

from ..db import get_session
from ..errors import NotFound
from ..http.access import allow
from ..http.instance import desk_config
from ..models import Claimant
from ..services.archive import factchecks
from ..services.claimants import directory as claimant_directory
from ..services.review import verdicts as verdict_service
from . import queries, render
from . import responses as out
from .blueprint import ID, bp
from .parsing import page, query
from .schemas import ClaimantQuery, MatchQuery


def _summary_fields(claimant: Claimant, claims: int, published: int, aliases: list[str]) -> dict:
    return {
        "id": claimant.id,
        "name": claimant.name,
        "title": claimant.title,
        "kind": claimant.kind,
        "aliases": aliases,
        "same_as": claimant.same_as,
        "claims_count": claims,
        "published_count": published,
    }


def claimant_summary(claimant: Claimant, claims: int, published: int, aliases: list[str]) -> dict:
    return render.dump(out.ClaimantSummary(**_summary_fields(claimant, claims, published, aliases)))


@bp.get("/claimants")
@allow("viewer")
def list_claimants():
    args = query(ClaimantQuery)
    rows = queries.claimants(get_session(), args)
    items = [claimant_summary(*row) for row in rows]
    return jsonify(page(items, args.limit, rows[-1][0].id if rows else None))


@bp.get(f"/claimants/<{ID}:claimant_id>")
@allow("viewer")
def show_claimant(claimant_id: int):
    db = get_session()
    claimant = db.get(Claimant, claimant_id)
    if claimant is None:
        raise NotFound(f"There is no claimant #{claimant_id}.")
    record = claimant_directory.claimant_record(db, claimant)
    published = sum(1 for item in record.claims if item.claim.status == "published")
    scale = verdict_service.scale_for(desk_config())
    return jsonify(
        render.dump(
            out.ClaimantDetail(
                **_summary_fields(claimant, len(record.claims), published, record.aliases),
                merged_into_id=claimant.merged_into_id,
                ratings=dict(record.ratings),
                claims=[
                    out.ClaimantClaim(
                        **render.claim_summary(item.claim, claimant),
                        article=out.ArticleRef(
                            id=item.article.id, title=item.article.title, url=item.article.url, outlet=item.outlet_name
                        ),
                        verdict=render.verdict(item.verdict, scale) if item.verdict else None,
                    )
                    for item in record.claims
                ],
            )
        )
    )


@bp.get("/rating-scale")
@allow("viewer")
def rating_scale():
    return jsonify(verdict_service.scale_for(desk_config()).to_dict())


@bp.get("/match")
@allow("viewer")
def match():
    """Stored claims and reference fact-checks most like the text `q`, best first."""
    args = query(MatchQuery)
    results = factchecks.match_text(get_session(), args.q, args.limit)
    return jsonify(items=[r.to_dict() for r in results])
