"""Verdicts: drafting, submitting, returning, correcting (publishing is
`services.publishing.publish`).

A claim's verdicts are a history of rows. At most one row is *open* (draft, submitted
or returned: the latest row, when it is in one of those states) and at most one is
*published*. Rows move forward only:

- a draft is edited in place (it carries a version for optimistic locking);
- submitting freezes it for an editor, who publishes it or returns it with a comment;
- editing a returned verdict starts a new draft, so the returned row keeps the comment;
- a correction is a new published row with a note, and the row it corrects becomes
  "superseded": published words are never edited.

Every change also moves the claim through the workflow and is audited on the claim.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from ...errors import Conflict, NotFound, ValidationError
from ...extraction.reviewed import propose
from ...models import Claim, Claimant, ClaimLink, ClaimSource, Verdict, utcnow
from ...ratings import RatingScale, scale_from
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import require
from ..linking import related
from ..notifications import inbox
from ..webhooks import events as webhooks
from . import workflow
from .claims import get_claim, start_review
from .sources import SourceInput, add_source, sources_for
from .versions import bump, stale

OPEN_STATES = ("draft", "submitted", "returned")
MAX_SUMMARY = 2000
MAX_RATIONALE = 50_000
MAX_NOTE = 5000
MAX_CLAIM_REVIEWED = 1000
_FIELDS = ("id", "state", "rating", "summary", "rationale", "claim_reviewed", "version")


@dataclass(slots=True)
class VerdictInput:
    rating: str = ""
    summary: str = ""
    rationale: str = ""
    # None: keep what the verdict has (or propose one from the claim).
    claim_reviewed: str | None = None


def proposed_claim_reviewed(session: Session, claim: Claim) -> str:
    """The claim without its attribution, as first proposed for a new verdict."""
    speaker = session.get(Claimant, claim.claimant_id).name if claim.claimant_id else None
    return propose(claim.text, speaker=speaker, cue=claim.cue, quote=claim.quote)


def check_claim_reviewed(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    if not text:
        raise ValidationError(
            "Say what the fact-check reviewed.", fields={"claim_reviewed": "the claim as reviewed cannot be empty"}
        )
    if len(text) > MAX_CLAIM_REVIEWED:
        raise ValidationError(
            "The claim as reviewed is too long.",
            fields={"claim_reviewed": f"at most {MAX_CLAIM_REVIEWED:,} characters"},
        )
    return text


def scale_for(config: Mapping[str, Any]) -> RatingScale:
    return scale_from(config)


def history(session: Session, claim_id: int) -> list[Verdict]:
    return list(session.exec(select(Verdict).where(Verdict.claim_id == claim_id).order_by(Verdict.id)).all())


def open_verdict(session: Session, claim_id: int) -> Verdict | None:
    latest = session.exec(select(Verdict).where(Verdict.claim_id == claim_id).order_by(Verdict.id.desc())).first()
    return latest if latest is not None and latest.state in OPEN_STATES else None


def published_verdict(session: Session, claim_id: int) -> Verdict | None:
    return session.exec(
        select(Verdict).where(Verdict.claim_id == claim_id, Verdict.state == "published").order_by(Verdict.id.desc())
    ).first()


def _content_problems(session: Session, claim: Claim, rating: str, summary: str, scale: RatingScale) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not rating:
        problems["rating"] = "No rating chosen."
    elif scale.get(rating) is None:
        problems["rating"] = f"The rating {rating!r} is not on the rating scale."
    if not summary.strip():
        problems["summary"] = "No summary written."
    if not sources_for(session, claim.id):
        problems["sources"] = "No source linked: add at least one."
    return problems


def publish_problems(
    session: Session, claim: Claim, config: Mapping[str, Any], verdict: Verdict | VerdictInput | None = None
) -> list[str]:
    """Exactly what is missing before this claim's verdict can be published."""
    if verdict is None:
        verdict = open_verdict(session, claim.id) or VerdictInput()
    problems = list(_content_problems(session, claim, verdict.rating, verdict.summary, scale_for(config)).values())
    if not config.get("PUBLIC_BASE_URL"):
        from ..publishing.feed import NO_BASE_URL

        problems.append(NO_BASE_URL)
    return problems


def _checked(data: VerdictInput, scale: RatingScale) -> VerdictInput:
    rating, summary, rationale = (
        (data.rating or "").strip(),
        (data.summary or "").strip(),
        (data.rationale or "").strip(),
    )
    errors = {}
    if rating and scale.get(rating) is None:
        errors["rating"] = "choose a rating from the scale"
    if len(summary) > MAX_SUMMARY:
        errors["summary"] = f"at most {MAX_SUMMARY:,} characters"
    if len(rationale) > MAX_RATIONALE:
        errors["rationale"] = f"at most {MAX_RATIONALE:,} characters"
    try:
        reviewed = check_claim_reviewed(data.claim_reviewed)
    except ValidationError as exc:
        errors.update(exc.fields)
        reviewed = None
    if errors:
        raise ValidationError("Please correct the verdict.", fields=errors)
    return VerdictInput(rating, summary, rationale, reviewed)


def _check_seen(
    session: Session, claim: Claim, row: Verdict | None, verdict_id: int | None, version: int | None
) -> None:
    """The caller saw `verdict_id` at `version` (no id: they saw no open verdict)."""
    seen_id = verdict_id or None
    current_id = row.id if row is not None else None
    if seen_id != current_id or (row is not None and row.version != version):
        raise stale(session, "The verdict", row, "claim", claim.id, "verdict.")


def verdict_view(row: Verdict) -> dict:
    return audit.snapshot(row, _FIELDS)


def save_draft(
    session: Session,
    actor: Actor,
    claim_id: int,
    data: VerdictInput,
    *,
    verdict_id: int | None,
    version: int | None,
    config: Mapping[str, Any],
    reused_from_claim_id: int | None = None,
) -> Verdict:
    require(actor, "reviewer", "draft verdicts")
    claim = get_claim(session, claim_id)
    row = open_verdict(session, claim.id)
    _check_seen(session, claim, row, verdict_id, version)
    if row is not None and row.state == "submitted":
        raise Conflict("The verdict is awaiting approval; an editor must return it before it can change.")
    workflow.check_editable(claim, "given a new draft verdict")
    data = _checked(data, scale_for(config))
    before = verdict_view(row) if row is not None else None
    if row is None or row.state == "returned":
        previous = row
        reviewed = (
            data.claim_reviewed
            or (previous.claim_reviewed if previous else None)
            or proposed_claim_reviewed(session, claim)
        )
        row = Verdict(
            claim_id=claim.id,
            rating=data.rating,
            summary=data.summary,
            rationale=data.rationale,
            claim_reviewed=reviewed,
            reviewer_id=actor.user_id,
            version=(previous.version + 1) if previous else 1,
            reused_from_claim_id=reused_from_claim_id,
        )
        session.add(row)
    else:
        reviewed = data.claim_reviewed or row.claim_reviewed or proposed_claim_reviewed(session, claim)
        unchanged = (row.rating, row.summary, row.rationale, row.claim_reviewed) == (
            data.rating,
            data.summary,
            data.rationale,
            reviewed,
        )
        if unchanged and reused_from_claim_id is None:
            if claim.status == "unreviewed":
                start_review(session, actor, claim)
            return row
        row.rating, row.summary, row.rationale = data.rating, data.summary, data.rationale
        row.claim_reviewed = reviewed
        row.reviewer_id = actor.user_id
        if reused_from_claim_id is not None:
            row.reused_from_claim_id = reused_from_claim_id
        bump(row)
    session.flush()
    if claim.status == "unreviewed":
        start_review(session, actor, claim)
    audit.record(
        session,
        actor,
        "verdict.draft",
        "claim",
        claim.id,
        before=before,
        after={**verdict_view(row), "reused_from_claim_id": row.reused_from_claim_id},
    )
    return row


def move_claim(session: Session, actor: Actor, claim: Claim, target: str) -> None:
    before = claim.status
    workflow.move(claim, target)
    bump(claim)
    audit.record(session, actor, "claim.status", "claim", claim.id, before={"status": before}, after={"status": target})


def submit(
    session: Session,
    actor: Actor,
    claim_id: int,
    data: VerdictInput,
    *,
    verdict_id: int | None,
    version: int | None,
    config: Mapping[str, Any],
) -> Verdict:
    """Save the draft as given, then hand it to an editor. Refused, with every missing
    piece named, when it lacks a rating, a summary or a source."""
    row = save_draft(session, actor, claim_id, data, verdict_id=verdict_id, version=version, config=config)
    claim = get_claim(session, claim_id)
    problems = _content_problems(session, claim, row.rating, row.summary, scale_for(config))
    if problems:
        raise ValidationError("Not ready to submit: " + " ".join(problems.values()), fields=problems)
    before = verdict_view(row)
    row.state = "submitted"
    row.submitted_at = utcnow()
    row.return_comment = None
    bump(row)
    move_claim(session, actor, claim, "awaiting_approval")
    audit.record(session, actor, "verdict.submit", "claim", claim.id, before=before, after=verdict_view(row))
    webhooks.verdict_submitted(session, claim.id, row.id)
    return row


def awaiting_approval(session: Session, claim: Claim, verdict_id: int | None, version: int | None) -> Verdict:
    row = open_verdict(session, claim.id)
    _check_seen(session, claim, row, verdict_id, version)
    if row is None or row.state != "submitted":
        raise Conflict("There is no verdict awaiting approval on this claim.")
    return row


def return_verdict(
    session: Session, actor: Actor, claim_id: int, *, verdict_id: int | None, version: int | None, comment: str | None
) -> Verdict:
    """Send a submitted verdict back to its reviewer with a comment."""
    require(actor, "editor", "return verdicts")
    claim = get_claim(session, claim_id)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError("Tell the reviewer what to change.", fields={"comment": "a comment is required"})
    if len(comment) > MAX_NOTE:
        raise ValidationError("The comment is too long.", fields={"comment": f"at most {MAX_NOTE:,} characters"})
    row = awaiting_approval(session, claim, verdict_id, version)
    before = verdict_view(row)
    row.state = "returned"
    row.return_comment = comment
    row.approver_id = actor.user_id
    bump(row)
    move_claim(session, actor, claim, "in_review")
    audit.record(
        session,
        actor,
        "verdict.return",
        "claim",
        claim.id,
        before=before,
        after={**verdict_view(row), "return_comment": comment},
    )
    inbox.notify(
        session,
        row.reviewer_id,
        "returned",
        actor=actor,
        claim_id=claim.id,
        message=f"{actor.name} returned your verdict on claim #{claim.id}: {comment}",
    )
    return row


def live_published(
    session: Session, claim: Claim, verdict_id: int | None, version: int | None, *, missing: str, retracted: str
) -> Verdict:
    """The claim's published, unretracted verdict, as the form saw it (id and version),
    for the changes made to a published fact-check (correct, retract)."""
    row = published_verdict(session, claim.id)
    if row is None:
        raise Conflict(f"This claim has {missing}.")
    if row.retracted_at is not None:
        raise Conflict(f"This fact-check is retracted; {retracted}.")
    if row.id != verdict_id or row.version != version:
        raise stale(session, "The published verdict", row, "claim", claim.id, "verdict.")
    return row


def correct(
    session: Session,
    actor: Actor,
    claim_id: int,
    data: VerdictInput,
    *,
    verdict_id: int | None,
    version: int | None,
    note: str | None,
    config: Mapping[str, Any],
) -> Verdict:
    """Publish a corrected verdict. The published one is superseded and kept."""
    require(actor, "editor", "correct published verdicts")
    claim = get_claim(session, claim_id)
    old = live_published(
        session,
        claim,
        verdict_id,
        version,
        missing="no published verdict to correct",
        retracted="a retracted fact-check is not corrected",
    )
    note = (note or "").strip()
    data = _checked(data, scale_for(config))
    errors = {}
    if not note:
        errors["note"] = "say what was corrected and why"
    elif len(note) > MAX_NOTE:
        errors["note"] = f"at most {MAX_NOTE:,} characters"
    if errors:
        raise ValidationError("A correction needs a note for readers.", fields=errors)
    problems = publish_problems(session, claim, config, data)
    if problems:
        raise ValidationError(
            "Cannot publish the correction: " + " ".join(problems), fields={"publish": " ".join(problems)}
        )
    now = utcnow()
    before = verdict_view(old)
    old.state = "superseded"
    bump(old)
    row = Verdict(
        claim_id=claim.id,
        rating=data.rating,
        summary=data.summary,
        rationale=data.rationale,
        claim_reviewed=data.claim_reviewed or old.claim_reviewed,
        state="published",
        reviewer_id=actor.user_id,
        approver_id=actor.user_id,
        correction_note=note,
        corrects_id=old.id,
        version=old.version + 1,
        submitted_at=now,
        published_at=now,
        reused_from_claim_id=old.reused_from_claim_id,
    )
    session.add(row)
    session.flush()
    claim.updated_at = now
    audit.record(
        session,
        actor,
        "verdict.correct",
        "claim",
        claim.id,
        before=before,
        after={**verdict_view(row), "correction_note": note, "corrects_id": old.id},
    )
    inbox.notify(
        session,
        old.reviewer_id,
        "corrected",
        actor=actor,
        claim_id=claim.id,
        message=f"{actor.name} published a correction to your verdict on claim #{claim.id}: {note}",
    )
    webhooks.factcheck(session, "factcheck.corrected", claim.id, row.id, rating=row.rating, corrects_verdict_id=old.id)
    return row


def linked_as(session: Session, claim_id: int) -> list[int]:
    """The claim, then the claims it repeats (a dek restated in the body): links are made
    on the original, so a repeat shares them."""
    ids = [claim_id]
    claim = session.get(Claim, claim_id)
    while claim is not None and claim.repeat_of_id and claim.repeat_of_id not in ids and len(ids) < 6:
        ids.append(claim.repeat_of_id)
        claim = session.get(Claim, claim.repeat_of_id)
    return ids


def reusable_link(session: Session, claim_id: int, link_id: int) -> tuple[ClaimLink, int, Verdict]:
    """A confirmed same-claim link from this claim to one with a published verdict, whose
    numbers agree or are absent (``related.why_not_lend``)."""
    link = session.get(ClaimLink, link_id)
    ends = linked_as(session, claim_id)
    if link is None or not {link.claim_a_id, link.claim_b_id} & set(ends):
        raise NotFound("That link does not involve this claim.")
    if refused := related.why_not_lend(session, link):
        raise Conflict(refused)
    other_id = link.claim_b_id if link.claim_a_id in ends else link.claim_a_id
    published = published_verdict(session, other_id)
    if published is None:
        raise Conflict(f"Claim #{other_id} has no published verdict to reuse.")
    return link, other_id, published


def reuse(
    session: Session,
    actor: Actor,
    claim_id: int,
    link_id: int,
    *,
    verdict_id: int | None,
    version: int | None,
    config: Mapping[str, Any],
) -> Verdict:
    """Start this claim's draft from the verdict and sources of a confirmed same claim.
    Everything copied records where it came from; the draft still needs approval."""
    require(actor, "reviewer", "reuse verdicts")
    _link, other_id, published = reusable_link(session, claim_id, link_id)
    data = VerdictInput(published.rating, published.summary, published.rationale, published.claim_reviewed)
    row = save_draft(
        session,
        actor,
        claim_id,
        data,
        verdict_id=verdict_id,
        version=version,
        config=config,
        reused_from_claim_id=other_id,
    )
    have = {src.url for _, src in sources_for(session, claim_id)}
    copied: list[ClaimSource] = []
    for link, src in sources_for(session, other_id):
        if src.url in have:
            continue
        copied.append(
            add_source(
                session,
                actor,
                claim_id,
                SourceInput(src.url, src.title, src.publisher or "", link.stance, link.excerpt or ""),
                reused_from_claim_id=other_id,
            )
        )
    audit.record(
        session,
        actor,
        "verdict.reuse",
        "claim",
        claim_id,
        after={"from_claim_id": other_id, "verdict_id": published.id, "sources_copied": len(copied)},
    )
    return row
