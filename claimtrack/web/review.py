"""Evidence and verdicts from the claim panel: sources, drafts, submission, and the
editor's approve, return and correct."""
from __future__ import annotations

from flask import Blueprint, current_app, request

from ..services.review import sources, verdicts
from ..http.access import allow
from .forms import integer, text
from .panel import run

bp = Blueprint("review", __name__)


def _source_input() -> sources.SourceInput:
    return sources.SourceInput(url=text("url", 3000), title=text("title", 2000), publisher=text("publisher", 600),
                               stance=text("stance", 20) or "context", excerpt=text("excerpt", 10_000))


def _verdict_input() -> verdicts.VerdictInput:
    return verdicts.VerdictInput(rating=text("rating", 100), summary=text("summary", 5000),
                                 rationale=text("rationale", 100_000))


def _seen() -> dict:
    return {"verdict_id": integer("verdict_id", required=False) or None,
            "version": integer("verdict_version", required=False)}


@bp.route("/claims/<int:claim_id>/sources", methods=["POST"])
@allow("reviewer")
def add_source(claim_id: int):
    return run(claim_id, "source-new", lambda db, who: sources.add_source(db, who, claim_id, _source_input()))


@bp.route("/claims/<int:claim_id>/sources/<int:link_id>", methods=["POST"])
@allow("reviewer")
def edit_source(claim_id: int, link_id: int):
    return run(claim_id, f"source-{link_id}", lambda db, who: sources.edit_source(
        db, who, claim_id, link_id, _source_input(), seen=request.form.get("fingerprint")))


@bp.route("/claims/<int:claim_id>/sources/<int:link_id>/remove", methods=["POST"])
@allow("reviewer")
def remove_source(claim_id: int, link_id: int):
    return run(claim_id, f"source-{link_id}", lambda db, who: sources.remove_source(
        db, who, claim_id, link_id, seen=request.form.get("fingerprint")))


@bp.route("/claims/<int:claim_id>/verdict", methods=["POST"])
@allow("reviewer")
def save_verdict(claim_id: int):
    action = verdicts.submit if request.form.get("action") == "submit" else verdicts.save_draft
    return run(claim_id, "verdict", lambda db, who: action(
        db, who, claim_id, _verdict_input(), config=current_app.config, **_seen()))


@bp.route("/claims/<int:claim_id>/verdict/reuse", methods=["POST"])
@allow("reviewer")
def reuse_verdict(claim_id: int):
    return run(claim_id, "reuse", lambda db, who: verdicts.reuse(
        db, who, claim_id, integer("link_id", label="Link"), config=current_app.config, **_seen()))


@bp.route("/claims/<int:claim_id>/verdict/approve", methods=["POST"])
@allow("editor")
def approve(claim_id: int):
    return run(claim_id, "approve", lambda db, who: verdicts.approve(
        db, who, claim_id, config=current_app.config, **_seen()))


@bp.route("/claims/<int:claim_id>/verdict/return", methods=["POST"])
@allow("editor")
def return_verdict(claim_id: int):
    return run(claim_id, "return", lambda db, who: verdicts.return_verdict(
        db, who, claim_id, comment=text("comment", 10_000), **_seen()))


@bp.route("/claims/<int:claim_id>/verdict/correct", methods=["POST"])
@allow("editor")
def correct(claim_id: int):
    return run(claim_id, "correct", lambda db, who: verdicts.correct(
        db, who, claim_id, _verdict_input(), note=text("note", 10_000), config=current_app.config, **_seen()))
