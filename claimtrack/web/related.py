"""Related claims from other coverage and earlier fact-checks from the archive,
lazy-loaded into the claim panel, with confirm and dismiss."""

from __future__ import annotations

from flask import Blueprint, Flask, redirect, url_for

from ..db import get_session
from ..errors import Conflict, ValidationError
from ..http.access import allow, current_actor
from ..http.extensions import htmx
from ..http.writes import writing
from ..services.archive import factchecks
from ..services.linking import related
from ..services.review import verdicts
from ..services.review.claims import get_claim
from .forms import text
from .rendering import render
from .textdiff import word_diff

bp = Blueprint("related", __name__)


def _panel(claim_id: int, *, status: int = 200, message: str | None = None, decided: dict | None = None):
    db = get_session()
    claim = get_claim(db, claim_id)
    items = related.related_for_claim(db, claim_id, limit=10)
    rows = []
    for item in items:
        reusable = related.lends_verdict(db, item) and verdicts.published_verdict(db, item.claim.id) is not None
        rows.append((item, word_diff(claim.text, item.claim.text), reusable))
    return render(
        "claims/related.html",
        "related",
        status=status,
        claim=claim,
        rows=rows,
        furniture_note=related.furniture_note(db, claim_id),
        prior_checks=factchecks.factchecks_for_claim(db, claim_id),
        open_verdict=verdicts.open_verdict(db, claim_id),
        message=message,
        decided=decided,
    )


@bp.route("/claims/<int:claim_id>/related")
@allow("viewer")
def panel(claim_id: int):
    return _panel(claim_id)


@bp.route("/claims/<int:claim_id>/related/<int:link_id>", methods=["POST"])
@allow("reviewer")
def decide(claim_id: int, link_id: int):
    try:
        with writing() as db:
            link = related.decide_link(db, current_actor(), link_id, text("state", 20), claim_id=claim_id)
            pair, state, decided_id = (link.claim_a_id, link.claim_b_id), link.state, link.id
    except (ValidationError, Conflict) as exc:
        return _panel(claim_id, status=422 if isinstance(exc, ValidationError) else 409, message=exc.message)
    other = pair[1] if pair[0] == claim_id else pair[0]
    said = "Confirmed as related" if state == "confirmed" else "Dismissed: it will not be suggested again"
    if htmx:
        response = _panel(claim_id, decided={"link_id": decided_id, "text": f"{said} (claim #{other})."})
        response.headers["HX-Trigger"] = "claims-changed"
        return response
    return redirect(url_for("claims.show", claim_id=claim_id), code=303)


@bp.route("/claims/<int:claim_id>/related/<int:link_id>/undo", methods=["POST"])
@allow("reviewer")
def undo(claim_id: int, link_id: int):
    """Put a just-confirmed or just-dismissed link back among the suggestions."""
    with writing() as db:
        related.undo_decision(db, current_actor(), link_id, claim_id=claim_id)
    if htmx:
        response = _panel(claim_id, decided={"link_id": None, "text": "Undone: back among the suggestions."})
        response.headers["HX-Trigger"] = "claims-changed"
        return response
    return redirect(url_for("claims.show", claim_id=claim_id), code=303)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
