"""Evidence and verdicts: link and unlink sources, draft or submit a verdict, publish."""

from __future__ import annotations

from flask import jsonify, request

from ..db import get_session
from ..errors import Conflict, IllegalTransition, NotFound, StaleVersion, ValidationError
from ..http.access import allow, current_actor
from ..http.instance import desk_config
from ..http.writes import writing
from ..services.publishing import publish as publishing
from ..services.review import claims as claim_service
from ..services.review import sources as source_service
from ..services.review import verdicts as verdict_service
from . import queries, render
from .blueprint import ID, bp
from .claims import claim_json
from .errors import error_response
from .parsing import json_body
from .schemas import PublishIn, ReuseIn, SourceIn, VerdictIn


@bp.post(f"/claims/<{ID}:claim_id>/sources")
@allow("reviewer")
def add_source(claim_id: int):
    data = json_body(SourceIn)
    with writing() as db:
        link = source_service.add_source(
            db,
            current_actor(),
            claim_id,
            source_service.SourceInput(
                url=data.url, title=data.title, publisher=data.publisher, stance=data.stance, excerpt=data.excerpt
            ),
        )
    return jsonify(render.source_link(*queries.source_link(db, claim_id, link.id))), 201


@bp.delete(f"/claims/<{ID}:claim_id>/sources/<{ID}:link_id>")
@allow("reviewer")
def remove_source(claim_id: int, link_id: int):
    """`?fingerprint=` (from the claim's sources) refuses the removal if the link changed
    since; without it the link is removed as it stands."""
    with writing() as db:
        claim_service.get_claim(db, claim_id)
        found = queries.source_link(db, claim_id, link_id)
        if found is None:
            raise NotFound("That source is not linked to this claim.")
        seen = request.args.get("fingerprint") or source_service.fingerprint(*found)
        source_service.remove_source(db, current_actor(), claim_id, link_id, seen=seen)
    return "", 204


@bp.post(f"/claims/<{ID}:claim_id>/verdicts")
@allow("reviewer")
def save_verdict(claim_id: int):
    """Create or update the open draft; with `"submit": true`, also hand it to an editor."""
    data = json_body(VerdictIn)
    with writing() as db:
        claim_service.get_claim(db, claim_id)
        seen = verdict_service.open_verdict(db, claim_id)
        seen_id = data.verdict_id if data.verdict_id is not None else (seen.id if seen is not None else None)
        action = verdict_service.submit if data.submit else verdict_service.save_draft
        row = action(
            db,
            current_actor(),
            claim_id,
            verdict_service.VerdictInput(data.rating, data.summary, data.rationale),
            verdict_id=seen_id,
            version=data.version,
            config=desk_config(),
        )
    created = seen is None or row.id != seen.id
    return jsonify(
        verdict=render.verdict(row, verdict_service.scale_for(desk_config())), claim=claim_json(claim_id)
    ), 201 if created else 200


@bp.post(f"/claims/<{ID}:claim_id>/verdicts/reuse")
@allow("reviewer")
def reuse_verdict(claim_id: int):
    """Start the draft from the published verdict of a confirmed same claim. Refused
    (409) across a numeric conflict or figures of different measures."""
    data = json_body(ReuseIn)
    with writing() as db:
        claim_service.get_claim(db, claim_id)
        seen = verdict_service.open_verdict(db, claim_id)
        seen_id = data.verdict_id if data.verdict_id is not None else (seen.id if seen is not None else None)
        row = verdict_service.reuse(
            db, current_actor(), claim_id, data.link_id, verdict_id=seen_id, version=data.version, config=desk_config()
        )
    created = seen is None or row.id != seen.id
    return jsonify(
        verdict=render.verdict(row, verdict_service.scale_for(desk_config())), claim=claim_json(claim_id)
    ), 201 if created else 200


@bp.post(f"/claims/<{ID}:claim_id>/publish")
@allow("editor")
def publish(claim_id: int):
    """Approve and publish the verdict awaiting approval. Refused with `missing`, the list
    of what the fact-check still lacks (422), or when nothing awaits approval (409)."""
    data = json_body(PublishIn, optional=True)
    db = get_session()
    claim = claim_service.get_claim(db, claim_id)
    current = verdict_service.open_verdict(db, claim_id)
    verdict_id = data.verdict_id if data.verdict_id is not None else (current.id if current else None)
    version = data.version if data.version is not None else (current.version if current else None)
    try:
        with writing():
            row = publishing.publish(
                db, current_actor(), claim_id, verdict_id=verdict_id, version=version, config=desk_config()
            )
    except (StaleVersion, IllegalTransition):
        raise
    except (ValidationError, Conflict) as exc:
        missing = verdict_service.publish_problems(db, claim, desk_config())
        status = 422 if isinstance(exc, ValidationError) else 409
        return error_response(status, exc.code, exc.message, exc.fields, missing=missing)
    return jsonify(verdict=render.verdict(row, verdict_service.scale_for(desk_config())), claim=claim_json(claim_id))
