"""Related claims from other coverage, earlier fact-checks from the archive, and deciding
a suggested link."""

from __future__ import annotations

from flask import jsonify

from ..db import get_session
from ..http.access import allow, current_actor
from ..http.urls import web_url
from ..http.writes import writing
from ..services.archive import factchecks
from ..services.linking import related
from ..services.review import verdicts
from ..services.review.claims import get_claim
from . import responses as out
from .blueprint import ID, bp
from .parsing import json_body
from .render import claim_summary, dump
from .schemas import LinkDecision


def related_item(item, reusable: bool = False) -> dict:
    return dump(
        out.RelatedClaim(
            link_id=item.link_id,
            claim=claim_summary(item.claim, None),
            article=out.ArticleRef(
                id=item.article.id, title=item.article.title, url=item.article.url, outlet=item.outlet_name
            ),
            speaker=item.speaker,
            score=float(item.score),
            relation=item.relation,
            numeric=item.numeric,
            state=item.state,
            reasons=list(item.reasons),
            verdict_reusable=reusable,
        )
    )


def prior_check(check: factchecks.PriorCheck) -> dict:
    return dump(
        out.PriorCheck(
            id=check.id,
            external_id=check.external_id,
            text=check.text,
            title=check.title or None,
            rating=check.rating,
            publisher=check.publisher,
            url=web_url(check.url),
            score=check.score,
            similarity=check.similarity,
            reasons=list(check.reasons),
        )
    )


def related_claims(claim_id: int):
    db = get_session()
    get_claim(db, claim_id)
    items = related.related_for_claim(db, claim_id, limit=10)
    # Offered exactly when the web panel offers "Reuse its verdict".
    return jsonify(
        items=[
            related_item(
                item, related.lends_verdict(db, item) and verdicts.published_verdict(db, item.claim.id) is not None
            )
            for item in items
        ],
        furniture=related.furniture_note(db, claim_id),
        factchecks=[prior_check(c) for c in factchecks.factchecks_for_claim(db, claim_id)],
    )


def decide_link(link_id: int):
    data = json_body(LinkDecision)
    with writing() as db:
        link = related.decide_link(db, current_actor(), link_id, data.state)
    return jsonify(
        dump(
            out.Link(
                id=link.id,
                claim_a_id=link.claim_a_id,
                claim_b_id=link.claim_b_id,
                relation=link.relation,
                numeric=link.numeric,
                state=link.state,
                score=float(link.score),
            )
        )
    )


def register() -> None:
    bp.add_url_rule(f"/claims/<{ID}:claim_id>/related", view_func=allow("viewer")(related_claims), methods=["GET"])
    bp.add_url_rule(f"/links/<{ID}:link_id>", view_func=allow("reviewer")(decide_link), methods=["POST"])
