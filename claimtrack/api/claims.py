"""Claims: list with filters, read with evidence and verdicts, edit."""

from __future__ import annotations

from flask import jsonify

from ..db import get_session
from ..http.access import allow, current_actor
from ..http.instance import desk_config
from ..http.writes import writing
from ..services.review import claim_edit
from ..services.review import verdicts as verdict_service
from . import queries, render
from .blueprint import ID, bp
from .parsing import json_body, page, query
from .schemas import ClaimPatch, ClaimQuery


def claim_json(claim_id: int) -> dict:
    return render.claim_detail(queries.claim_bundle(get_session(), claim_id), verdict_service.scale_for(desk_config()))


@bp.get("/claims")
@allow("viewer")
def list_claims():
    args = query(ClaimQuery)
    rows = queries.claims(get_session(), args)
    items = [render.claim_summary(claim, claimant) for claim, claimant in rows]
    return jsonify(page(items, args.limit, rows[-1][0].id if rows else None))


@bp.get(f"/claims/<{ID}:claim_id>")
@allow("viewer")
def show_claim(claim_id: int):
    return jsonify(claim_json(claim_id))


@bp.patch(f"/claims/<{ID}:claim_id>")
@allow("reviewer")
def edit_claim(claim_id: int):
    """Apply the given fields in one transaction: all of them, or none on any error."""
    data = json_body(ClaimPatch)
    edit = claim_edit.ClaimEdit(given=frozenset(data.model_fields_set), **data.model_dump())
    with writing() as db:
        claim_edit.edit_claim(db, current_actor(), claim_id, edit)
    return jsonify(claim_json(claim_id))
