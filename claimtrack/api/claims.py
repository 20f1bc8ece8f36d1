"""Claims: list with filters, read with evidence and verdicts, edit."""
from __future__ import annotations

from flask import jsonify

from ..db import get_session
from ..errors import ValidationError
from ..services.review import claims as claim_service
from ..services.review import verdicts as verdict_service
from ..http.access import allow, current_actor
from ..http.writes import writing
from . import queries, render
from .blueprint import ID, bp
from .parsing import json_body, page, query
from .schemas import ClaimPatch, ClaimQuery
from ..http.instance import desk_config


def claim_json(claim_id: int) -> dict:
    return render.claim_detail(queries.claim_bundle(get_session(), claim_id),
                               verdict_service.scale_for(desk_config()))


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
    """Apply the given fields in one transaction: all of them, or none on any error.

    Each service call quotes the version the previous one produced, so the caller's
    `version` guards the whole edit."""
    data = json_body(ClaimPatch)
    given = data.model_fields_set
    if ("start" in given) != ("end" in given):
        raise ValidationError("Give both start and end to move the span.",
                              fields={"start" if "end" in given else "end": "required with the other"})
    who = current_actor()
    with writing() as db:
        claim = claim_service.get_claim(db, claim_id)
        version = data.version
        if given & {"text", "start", "end"}:
            start = data.start if data.start is not None else claim.start_offset
            end = data.end if data.end is not None else claim.end_offset
            text = data.text if data.text is not None else (claim.text if "start" not in given else None)
            version = claim_service.edit_text(db, who, claim_id, version=version, text=text, start=start,
                                              end=end).version
        if given & {"claimant", "claimant_title"}:
            name = data.claimant if "claimant" in given else claimant_name(claim)
            version = claim_service.set_speaker(db, who, claim_id, version=version, name=name,
                                                title=data.claimant_title).version
        if "assignee" in given:
            version = claim_service.assign(db, who, claim_id, version=version, assignee_id=data.assignee).version
        if data.status == "dismissed":
            version = claim_service.dismiss(db, who, claim_id, version=version, reason=data.dismissed_reason).version
        elif data.status is not None:
            version = claim_service.set_status(db, who, claim_id, version=version, status=data.status).version
        if version == data.version:
            # Nothing changed: still refuse a stale version, as any write would.
            claim_service.check_version(db, claim, version)
    return jsonify(claim_json(claim_id))


def claimant_name(claim) -> str | None:  # noqa: ANN001 - models.Claim
    from ..models import Claimant

    claimant = get_session().get(Claimant, claim.claimant_id) if claim.claimant_id else None
    return claimant.name if claimant else None
