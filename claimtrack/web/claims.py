"""The claim panel and the edits made to a claim itself: text and span, speaker,
assignment, status, dismissal, split and merge; and drawing a new claim."""

from __future__ import annotations

from flask import Blueprint, redirect, url_for

from ..errors import ValidationError
from ..http.access import allow, current_actor
from ..http.extensions import htmx
from ..http.writes import writing
from ..services.review import claims
from ..services.review.workflow import DISMISS_PRESETS, STATUS_LABELS
from .forms import FormState, in_range, integer, submitted, text
from .panel import page_context, panel_response, run
from .rendering import render

bp = Blueprint("claims", __name__)


@bp.route("/claims/<int:claim_id>")
@allow("viewer")
def show(claim_id: int):
    return panel_response(claim_id)


@bp.route("/articles/<int:article_id>/claims", methods=["POST"])
@allow("reviewer")
def create(article_id: int):
    try:
        with writing() as db:
            claim = claims.create_claim(
                db,
                current_actor(),
                article_id,
                start=integer("start", label="Start"),
                end=integer("end", label="End"),
                text=text("text") or None,
                selected=text("selected") or None,
            )
    except ValidationError as exc:
        state = FormState("add", submitted(), dict(exc.fields), exc.message)
        context = page_context(None, article_id, add_form=state)
        if htmx:
            response = render("articles/_add_claim.html", status=422, **context)
            response.headers["HX-Retarget"] = "#add-claim"
            response.headers["HX-Reswap"] = "outerHTML"
            return response
        return render("articles/show.html", status=422, **context)
    if htmx:
        response = panel_response(claim.id, changed=True)
        response.headers["HX-Push-Url"] = url_for("claims.show", claim_id=claim.id)
        return response
    return redirect(url_for("claims.show", claim_id=claim.id), code=303)


@bp.route("/claims/<int:claim_id>/text", methods=["POST"])
@allow("reviewer")
def edit_text(claim_id: int):
    return run(
        claim_id,
        "text",
        lambda db, who: claims.edit_text(
            db,
            who,
            claim_id,
            version=integer("version"),
            text=text("text"),
            start=integer("start", label="Start"),
            end=integer("end", label="End"),
        ),
        done="Text saved.",
    )


@bp.route("/claims/<int:claim_id>/speaker", methods=["POST"])
@allow("reviewer")
def speaker(claim_id: int):
    return run(
        claim_id,
        "speaker",
        lambda db, who: claims.set_speaker(
            db, who, claim_id, version=integer("version"), name=text("speaker", 400), title=text("speaker_title", 400)
        ),
        done="Speaker saved.",
    )


def _assignee(who) -> int | None:
    raw = text("assignee", 40).strip()
    if raw == "me":
        return who.user_id
    return integer("assignee", required=False, label="Assignee")


@bp.route("/claims/<int:claim_id>/assign", methods=["POST"])
@allow("reviewer")
def assign(claim_id: int):
    return run(
        claim_id,
        "assign",
        lambda db, who: claims.assign(db, who, claim_id, version=integer("version"), assignee_id=_assignee(who)),
        done="Assignment saved.",
    )


@bp.route("/claims/<int:claim_id>/status", methods=["POST"])
@allow("reviewer")
def status(claim_id: int):
    return run(
        claim_id,
        "status",
        lambda db, who: claims.set_status(db, who, claim_id, version=integer("version"), status=text("status", 40)),
        done=lambda c: f"Status: {STATUS_LABELS.get(c.status, c.status)}.",
    )


@bp.route("/claims/<int:claim_id>/dismiss", methods=["POST"])
@allow("reviewer")
def dismiss(claim_id: int):
    return run(
        claim_id,
        "dismiss",
        lambda db, who: claims.dismiss(db, who, claim_id, version=integer("version"), reason=_dismiss_reason()),
        done="Dismissed.",
    )


def _dismiss_reason() -> str:
    """A preset reason, a typed one, or the preset with the typed words after it."""
    preset = text("preset", 200).strip()
    if preset and preset not in DISMISS_PRESETS:
        raise ValidationError(
            "Choose one of the reasons offered, or type your own.", fields={"reason": "unknown preset"}
        )
    typed = text("reason", 2000).strip()
    return f"{preset}: {typed}" if preset and typed else preset or typed


def _split_at() -> int:
    custom = integer("at_custom", required=False, label="Split position")
    return custom if custom is not None else integer("at", label="Split position")


@bp.route("/claims/<int:claim_id>/split", methods=["POST"])
@allow("reviewer")
def split(claim_id: int):
    return run(
        claim_id,
        "split",
        lambda db, who: claims.split(db, who, claim_id, version=integer("version"), at=_split_at()),
        done=lambda pair: (
            f"Split: the rest became claim #{pair[1].id}. Reword this part below if it "
            "no longer reads as a whole claim."
        ),
    )


def _other() -> tuple[int, int | None]:
    """The merge partner as "id:version" (the version the user saw listed)."""
    raw = text("other", 60).strip()
    other_id, _, version = raw.partition(":")
    if not other_id.isdigit() or (version and not version.isdigit()):
        raise ValidationError("Choose the claim to merge into this one.", fields={"other": "required"})
    return (
        in_range(int(other_id), "other", "The claim to merge"),
        in_range(int(version), "other", "The claim to merge") if version else None,
    )


@bp.route("/claims/<int:claim_id>/merge", methods=["POST"])
@allow("reviewer")
def merge(claim_id: int):
    def action(db, who):
        other_id, other_version = _other()
        return claims.merge(db, who, claim_id, other_id, version=integer("version"), other_version=other_version)

    return run(
        claim_id,
        "merge",
        action,
        done=lambda c: f"Merged: this claim now covers both; the other is kept as merged into #{c.id}.",
    )
