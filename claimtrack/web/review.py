"""Evidence and verdicts from the claim panel: sources, drafts, submission, and the
editor's approve, return and correct."""

from __future__ import annotations

from flask import Blueprint, request

from ..db import get_session
from ..errors import Conflict, ValidationError
from ..http.access import allow
from ..http.instance import desk_config
from ..services.publishing import preview as publishing_preview
from ..services.publishing import publish as publishing
from ..services.review import retraction, sources, verdicts
from .forms import integer, text
from .panel import run
from .rendering import render

bp = Blueprint("review", __name__)


def _source_input() -> sources.SourceInput:
    return sources.SourceInput(
        url=text("url", 3000),
        title=text("title", 2000),
        publisher=text("publisher", 600),
        stance=text("stance", 20) or "context",
        excerpt=text("excerpt", 10_000),
    )


def _reviewed() -> str | None:
    """The claim-as-reviewed field; None when the form has none (keep what is stored)."""
    return text("claim_reviewed", 5000) if "claim_reviewed" in request.form else None


def _verdict_input() -> verdicts.VerdictInput:
    return verdicts.VerdictInput(
        rating=text("rating", 100),
        summary=text("summary", 5000),
        rationale=text("rationale", 100_000),
        claim_reviewed=_reviewed(),
    )


def _seen() -> dict:
    return {
        "verdict_id": integer("verdict_id", required=False) or None,
        "version": integer("verdict_version", required=False),
    }


@bp.route("/claims/<int:claim_id>/sources", methods=["POST"])
@allow("reviewer")
def add_source(claim_id: int):
    return run(
        claim_id,
        "source-new",
        lambda db, who: sources.add_source(db, who, claim_id, _source_input()),
        done="Source added.",
    )


@bp.route("/claims/<int:claim_id>/sources/<int:link_id>", methods=["POST"])
@allow("reviewer")
def edit_source(claim_id: int, link_id: int):
    return run(
        claim_id,
        f"source-{link_id}",
        lambda db, who: sources.edit_source(
            db, who, claim_id, link_id, _source_input(), seen=text("fingerprint", 200) or None
        ),
        done="Source saved.",
    )


@bp.route("/claims/<int:claim_id>/sources/<int:link_id>/remove", methods=["POST"])
@allow("reviewer")
def remove_source(claim_id: int, link_id: int):
    return run(
        claim_id,
        f"source-{link_id}",
        lambda db, who: sources.remove_source(db, who, claim_id, link_id, seen=text("fingerprint", 200) or None),
        done="Source removed.",
    )


@bp.route("/claims/<int:claim_id>/verdict", methods=["POST"])
@allow("reviewer")
def save_verdict(claim_id: int):
    submitting = text("action", 20) == "submit"
    action = verdicts.submit if submitting else verdicts.save_draft
    seen = _seen()
    done = (
        "Submitted for approval: an editor will publish it or return it to you."
        if submitting
        else "Draft saved; it replaces the version saved before."
        if seen["version"]
        else "Draft saved."
    )
    return run(
        claim_id,
        "verdict",
        lambda db, who: action(db, who, claim_id, _verdict_input(), config=desk_config(), **seen),
        done=done,
    )


@bp.route("/claims/<int:claim_id>/verdict/reuse", methods=["POST"])
@allow("reviewer")
def reuse_verdict(claim_id: int):
    return run(
        claim_id,
        "reuse",
        lambda db, who: verdicts.reuse(
            db, who, claim_id, integer("link_id", label="Link"), config=desk_config(), **_seen()
        ),
        done="The linked claim's verdict is copied into a draft here: check it and submit.",
    )


@bp.route("/claims/<int:claim_id>/verdict/approve", methods=["POST"])
@allow("editor")
def approve(claim_id: int):
    return run(
        claim_id,
        "approve",
        lambda db, who: publishing.publish(
            db, who, claim_id, config=desk_config(), claim_reviewed=_reviewed(), **_seen()
        ),
        done="Published: the fact-check is public and in the ClaimReview feed.",
    )


@bp.route("/claims/<int:claim_id>/verdict/preview", methods=["POST"])
@allow("editor")
def preview(claim_id: int):
    """The fact-check as it would be published, with the claim-as-reviewed text as typed.
    Writes nothing; htmx gets the preview block, a plain post the preview page."""
    db = get_session()
    try:
        shown = publishing_preview.preview(db, claim_id, desk_config(), claim_reviewed=_reviewed())
    except (ValidationError, Conflict) as exc:
        # Answered in the preview's own slot, so the form above keeps what was typed.
        problem = " ".join([exc.message, *getattr(exc, "fields", {}).values()])
        return render(
            "claims/preview.html",
            "preview",
            status=422 if isinstance(exc, ValidationError) else 409,
            preview=None,
            problem=problem,
            claim_id=claim_id,
        )
    return render("claims/preview.html", "preview", preview=shown, problem=None, claim_id=claim_id)


@bp.route("/claims/<int:claim_id>/verdict/withdraw", methods=["POST"])
@allow("reviewer")
def withdraw(claim_id: int):
    return run(
        claim_id,
        "withdraw",
        lambda db, who: retraction.withdraw(db, who, claim_id, **_seen()),
        done="Withdrawn: the verdict is a draft again.",
    )


@bp.route("/claims/<int:claim_id>/verdict/retract", methods=["POST"])
@allow("editor")
def retract(claim_id: int):
    return run(
        claim_id,
        "retract",
        lambda db, who: retraction.retract(db, who, claim_id, reason=text("reason", 10_000), **_seen()),
        done="Retracted: the public page carries the notice and the feed drops it.",
    )


@bp.route("/claims/<int:claim_id>/verdict/return", methods=["POST"])
@allow("editor")
def return_verdict(claim_id: int):
    return run(
        claim_id,
        "return",
        lambda db, who: verdicts.return_verdict(db, who, claim_id, comment=text("comment", 10_000), **_seen()),
        done="Returned to the reviewer with your comment.",
    )


@bp.route("/claims/<int:claim_id>/verdict/correct", methods=["POST"])
@allow("editor")
def correct(claim_id: int):
    return run(
        claim_id,
        "correct",
        lambda db, who: verdicts.correct(
            db, who, claim_id, _verdict_input(), note=text("note", 10_000), config=desk_config(), **_seen()
        ),
        done="Correction published: the fact-check shows the new verdict and your note.",
    )
