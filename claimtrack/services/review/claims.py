"""Editing claims: text and span, speaker, assignment, status, split, merge, dismissal.

Rules that hold for every function here:

- **Span.** `start`/`end` index `Article.body`: `0 <= start < end <= len(body)`, and
  `body[start:end]` is the quoted evidence that exports cite. White space around a span is
  trimmed off, and a span of white space alone is refused.
- **Text.** The claim as it will be checked. It starts as the span's text; a reviewer may
  reword it (resolve "he" into a name, drop an aside) so it stands on its own, as long as
  it is not empty. Changing the span without changing the text takes the new span's text.
- **Locking.** Every write quotes the claim version the user saw; if the row moved on,
  `StaleVersion` names who changed it and when. Every write bumps the version.
- **Audit.** Every write records an event on the claim with the fields before and after.
"""

from __future__ import annotations

import re

from sqlmodel import Session, select

from ...errors import Conflict, NotFound, ValidationError
from ...extraction import checkworthiness
from ...extraction.model import ExtractedClaim
from ...extraction.quantities import find_quantities
from ...models import Article, Claim, Claimant, ClaimantAlias, ClaimSource, Quantity, User, Verdict, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import at_least, require
from ..claimants.resolver import ClaimantResolver
from ..linking import related
from ..notifications import inbox
from . import workflow
from .versions import bump, stale

MAX_TEXT = 5000
MAX_REASON = 1000
_SPACE_RE = re.compile(r"\s+")
_SPLIT_RE = re.compile(r"[,;:]\s+|\s+[—–-]\s+|[.!?][\"”’)]?\s+|\s+(?=(?:and|but|while|whereas|although)\s)")


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"There is no claim #{claim_id}.")
    return claim


def check_version(session: Session, claim: Claim, version: int | None) -> None:
    if version is None:
        raise ValidationError(
            "The form did not say which version of the claim it edits; reload the page.", fields={"version": "missing"}
        )
    if claim.version != version:
        raise stale(session, f"Claim #{claim.id}", claim, "claim", claim.id)


def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Check a span against the body and trim white space from its ends."""
    if start < 0 or end > len(body) or start >= end:
        raise ValidationError(
            f"The span {start}–{end} does not lie inside the article text (0–{len(body)}).",
            fields={"start": "outside the article", "end": "outside the article"},
        )
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValidationError("The span holds only white space.", fields={"start": "empty span"})
    return start, end


def _clean_text(text: str | None, fallback: str) -> str:
    text = (text or "").strip()
    if not text:
        text = fallback
    if len(text) > MAX_TEXT:
        raise ValidationError(
            f"The claim text is too long ({len(text):,} characters; at most {MAX_TEXT:,}).",
            fields={"text": f"at most {MAX_TEXT:,} characters"},
        )
    return text


def _fold(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def _requantify(session: Session, claim: Claim, body: str) -> None:
    for q in session.exec(select(Quantity).where(Quantity.claim_id == claim.id)).all():
        session.delete(q)
    for q in find_quantities(body[claim.start_offset : claim.end_offset], base=claim.start_offset):
        session.add(Quantity.from_extracted(claim.id, q))


def _drawn_score(text: str, span: str) -> float:
    drawn = ExtractedClaim(text=text, start=0, end=len(text), quantities=find_quantities(span))
    return checkworthiness.score(drawn)


def _reindex(session: Session, *claim_ids: int) -> None:
    """Claims drawn or changed by hand go back into the matching index at once, so their
    related-claim suggestions follow the new text."""
    session.flush()
    related.refresh_claims(session, claim_ids)


def create_claim(
    session: Session,
    actor: Actor,
    article_id: int,
    *,
    start: int,
    end: int,
    text: str | None = None,
    selected: str | None = None,
) -> Claim:
    """A claim drawn by a person over any span of an article.

    `selected` is the text the browser saw selected; when given it must match the body at
    those offsets (white space folded), so a stale page cannot store a wrong span. A claim
    someone chose to add is scored like an extracted one, so it does not jump to the top
    of every queue just because it was drawn by hand.
    """
    require(actor, "reviewer", "add claims")
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"There is no article #{article_id}.")
    start, end = trim_span(article.body, start, end)
    span = article.body[start:end]
    if selected is not None and _fold(selected) != _fold(span):
        raise ValidationError(
            "The selection does not match the article text at those offsets; "
            "reload the page and select the text again.",
            fields={"start": "does not match"},
        )
    same = session.exec(
        select(Claim.id).where(Claim.article_id == article_id, Claim.start_offset == start, Claim.end_offset == end)
    ).first()
    if same is not None:
        raise ValidationError(f"Claim #{same} already covers exactly this text.", fields={"start": "already a claim"})
    claim_text = _clean_text(text, span)
    claim = Claim(
        article_id=article_id,
        start_offset=start,
        end_offset=end,
        text=claim_text,
        kind="reported",
        checkworthiness=_drawn_score(claim_text, span),
        created_by_id=actor.user_id,
    )
    session.add(claim)
    session.flush()
    _requantify(session, claim, article.body)
    audit.record(
        session,
        actor,
        "claim.create",
        "claim",
        claim.id,
        after={"text": claim.text, "start_offset": start, "end_offset": end, "article_id": article_id},
    )
    _reindex(session, claim.id)
    return claim


def edit_text(
    session: Session, actor: Actor, claim_id: int, *, version: int | None, text: str | None, start: int, end: int
) -> Claim:
    require(actor, "reviewer", "edit claims")
    claim = get_claim(session, claim_id)
    check_version(session, claim, version)
    workflow.check_editable(claim)
    body = session.get(Article, claim.article_id).body
    start, end = trim_span(body, start, end)
    span_moved = (start, end) != (claim.start_offset, claim.end_offset)
    text = (text or "").strip()
    if span_moved and (not text or text == claim.text):
        text = body[start:end]
    text = _clean_text(text, body[start:end])
    before = audit.snapshot(claim, ("text", "start_offset", "end_offset"))
    claim.text, claim.start_offset, claim.end_offset = text, start, end
    if span_moved:
        _requantify(session, claim, body)
    after = audit.snapshot(claim, ("text", "start_offset", "end_offset"))
    if after == before:
        return claim
    bump(claim)
    audit.record(session, actor, "claim.edit", "claim", claim.id, before=before, after=after)
    _reindex(session, claim.id)
    return claim


def find_claimant(session: Session, name: str) -> Claimant | None:
    """An existing claimant by exact name or alias, following merges to the survivor."""
    name = name.strip()
    found = session.exec(select(Claimant).where(Claimant.name == name).order_by(Claimant.merged_into_id.is_not(None)))
    claimant = found.first()
    if claimant is None:
        claimant = session.exec(
            select(Claimant)
            .join(ClaimantAlias, ClaimantAlias.claimant_id == Claimant.id)
            .where(ClaimantAlias.alias == name)
        ).first()
    seen = set()
    while claimant is not None and claimant.merged_into_id and claimant.id not in seen:
        seen.add(claimant.id)
        claimant = session.get(Claimant, claimant.merged_into_id)
    return claimant


def set_speaker(
    session: Session, actor: Actor, claim_id: int, *, version: int | None, name: str | None, title: str | None = None
) -> Claim:
    """Who made the claim; an empty name means the outlet reports it in its own voice."""
    require(actor, "reviewer", "edit claims")
    claim = get_claim(session, claim_id)
    check_version(session, claim, version)
    workflow.check_editable(claim)
    name, title = (name or "").strip(), (title or "").strip() or None
    if len(name) > 300 or (title and len(title) > 300):
        raise ValidationError("Names and titles are at most 300 characters.", fields={"speaker": "too long"})
    before = audit.snapshot(claim, ("claimant_id", "speaker_title"))
    if not name:
        claim.claimant_id = None
    else:
        claimant = find_claimant(session, name) or ClaimantResolver(session).resolve(name, title=title, kind="person")
        claim.claimant_id = claimant.id
    claim.speaker_title = title
    after = audit.snapshot(claim, ("claimant_id", "speaker_title"))
    if after == before:
        return claim
    bump(claim)
    before["speaker"] = claimant_name(session, before["claimant_id"])
    after["speaker"] = name or None
    audit.record(session, actor, "claim.speaker", "claim", claim.id, before=before, after=after)
    _reindex(session, claim.id)
    return claim


def claimant_name(session: Session, claimant_id: int | None) -> str | None:
    claimant = session.get(Claimant, claimant_id) if claimant_id else None
    return claimant.name if claimant else None


def assign(session: Session, actor: Actor, claim_id: int, *, version: int | None, assignee_id: int | None) -> Claim:
    require(actor, "reviewer", "assign claims")
    claim = get_claim(session, claim_id)
    check_version(session, claim, version)
    if claim.status == "published" or claim.status in workflow.CLOSED:
        raise Conflict(f"A {workflow.label(claim.status).lower()} claim has no work left to assign.")
    name = None
    if assignee_id is not None:
        user = session.get(User, assignee_id)
        if user is None or not user.is_active:
            raise ValidationError("Choose an active user to assign.", fields={"assignee": "unknown user"})
        if not at_least(user.role, "reviewer"):
            raise ValidationError(
                f"{user.label} is a viewer and cannot review claims.", fields={"assignee": "viewers cannot review"}
            )
        name = user.label
    if claim.assignee_id == assignee_id:
        return claim
    before = {"assignee_id": claim.assignee_id}
    claim.assignee_id = assignee_id
    bump(claim)
    audit.record(
        session,
        actor,
        "claim.assign",
        "claim",
        claim.id,
        before=before,
        after={"assignee_id": assignee_id, "assignee": name},
    )
    inbox.notify(
        session,
        assignee_id,
        "assigned",
        actor=actor,
        claim_id=claim.id,
        message=f"{actor.name} assigned you claim #{claim.id}.",
    )
    return claim


def start_review(session: Session, actor: Actor, claim: Claim) -> None:
    """unreviewed → in review, taking the claim if nobody has it (used by verdict saves too)."""
    before = audit.snapshot(claim, ("status", "assignee_id"))
    workflow.move(claim, "in_review")
    if claim.assignee_id is None and actor.user_id is not None:
        claim.assignee_id = actor.user_id
    bump(claim)
    audit.record(
        session,
        actor,
        "claim.status",
        "claim",
        claim.id,
        before=before,
        after=audit.snapshot(claim, ("status", "assignee_id")),
    )


def set_status(session: Session, actor: Actor, claim_id: int, *, version: int | None, status: str) -> Claim:
    """The hand-made moves: start a review, send back to the queue, restore a dismissed claim."""
    require(actor, "reviewer", "change a claim's status")
    claim = get_claim(session, claim_id)
    check_version(session, claim, version)
    workflow.check_manual(claim.status, status)
    if status == "in_review":
        start_review(session, actor, claim)
        return claim
    before = audit.snapshot(claim, ("status", "dismissed_reason"))
    workflow.move(claim, status)
    claim.dismissed_reason = None
    bump(claim)
    audit.record(
        session,
        actor,
        "claim.status",
        "claim",
        claim.id,
        before=before,
        after=audit.snapshot(claim, ("status", "dismissed_reason")),
    )
    return claim


def dismiss(session: Session, actor: Actor, claim_id: int, *, version: int | None, reason: str | None) -> Claim:
    require(actor, "reviewer", "dismiss claims")
    claim = get_claim(session, claim_id)
    check_version(session, claim, version)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the claim is not worth checking.", fields={"reason": "a reason is required"})
    if len(reason) > MAX_REASON:
        raise ValidationError(
            f"The reason is too long (at most {MAX_REASON} characters).",
            fields={"reason": f"at most {MAX_REASON} characters"},
        )
    before = audit.snapshot(claim, ("status", "dismissed_reason"))
    workflow.move(claim, "dismissed")
    claim.dismissed_reason = reason
    bump(claim)
    audit.record(
        session,
        actor,
        "claim.dismiss",
        "claim",
        claim.id,
        before=before,
        after=audit.snapshot(claim, ("status", "dismissed_reason")),
    )
    return claim


def split_points(body: str, claim: Claim) -> list[int]:
    """Suggested places to cut a claim in two: after punctuation, before conjunctions."""
    start, end = claim.start_offset, claim.end_offset
    points = []
    for m in _SPLIT_RE.finditer(body, start, end):
        at = m.end()
        if start + 8 <= at <= end - 8:
            points.append(at)
    return points


def split(session: Session, actor: Actor, claim_id: int, *, version: int | None, at: int) -> tuple[Claim, Claim]:
    """Cut a claim's span at body offset `at`: the claim keeps the first part and a new
    claim takes the second, with the same speaker; quantities follow their offsets."""
    require(actor, "reviewer", "split claims")
    claim = get_claim(session, claim_id)
    check_version(session, claim, version)
    workflow.check_editable(claim, "split")
    if not claim.start_offset < at < claim.end_offset:
        raise ValidationError(
            f"Split inside the claim's span ({claim.start_offset}–{claim.end_offset}).",
            fields={"at": "outside the claim"},
        )
    body = session.get(Article, claim.article_id).body
    first = trim_span(body, claim.start_offset, at) if body[claim.start_offset : at].strip() else None
    second = trim_span(body, at, claim.end_offset) if body[at : claim.end_offset].strip() else None
    if first is None or second is None:
        raise ValidationError("Both parts of a split need some text.", fields={"at": "one part is empty"})
    before = audit.snapshot(claim, ("text", "start_offset", "end_offset"))
    claim.start_offset, claim.end_offset = first
    claim.text = body[first[0] : first[1]]
    bump(claim)
    new = Claim(
        article_id=claim.article_id,
        start_offset=second[0],
        end_offset=second[1],
        text=body[second[0] : second[1]],
        kind=claim.kind,
        cue=claim.cue,
        claimant_id=claim.claimant_id,
        speaker_title=claim.speaker_title,
        checkworthiness=claim.checkworthiness,
        status=claim.status,
        assignee_id=claim.assignee_id,
        created_by_id=actor.user_id,
    )
    session.add(new)
    session.flush()
    for q in session.exec(select(Quantity).where(Quantity.claim_id == claim.id)).all():
        if q.start_offset is not None and q.start_offset >= second[0]:
            q.claim_id = new.id
    audit.record(
        session,
        actor,
        "claim.split",
        "claim",
        claim.id,
        before=before,
        after={**audit.snapshot(claim, ("text", "start_offset", "end_offset")), "new_claim_id": new.id},
    )
    audit.record(
        session,
        actor,
        "claim.create",
        "claim",
        new.id,
        after={
            "text": new.text,
            "start_offset": new.start_offset,
            "end_offset": new.end_offset,
            "split_from": claim.id,
        },
    )
    _reindex(session, claim.id, new.id)
    return claim, new


def merge(
    session: Session, actor: Actor, claim_id: int, other_id: int, *, version: int | None, other_version: int | None
) -> Claim:
    """Join another claim of the same article into this one.

    The span grows to cover both; quantities and sources move over. The other claim is
    kept (never deleted) as "merged" and points here, so links and history that name it
    still resolve; it is not counted as dismissed.
    """
    require(actor, "reviewer", "merge claims")
    if claim_id == other_id:
        raise ValidationError("Choose a different claim to merge.", fields={"other": "same claim"})
    claim = get_claim(session, claim_id)
    other = get_claim(session, other_id)
    check_version(session, claim, version)
    if other_version is not None and other.version != other_version:
        raise stale(session, f"Claim #{other.id}", other, "claim", other.id)
    if other.article_id != claim.article_id:
        raise ValidationError(
            "Only claims from the same article can be merged; link claims from other coverage as related instead.",
            fields={"other": "another article"},
        )
    workflow.check_editable(claim, "merged")
    workflow.check_editable(other, "merged")
    if session.exec(select(Verdict.id).where(Verdict.claim_id == other.id)).first() is not None:
        raise Conflict(f"Claim #{other.id} has a verdict of its own; merge it the other way round.")
    body = session.get(Article, claim.article_id).body
    fields = ("text", "start_offset", "end_offset", "claimant_id")
    before = audit.snapshot(claim, fields)
    verbatim = all(c.text == body[c.start_offset : c.end_offset] for c in (claim, other))
    start, end = min(claim.start_offset, other.start_offset), max(claim.end_offset, other.end_offset)
    if verbatim:
        text = body[start:end]
    else:
        first, second = sorted((claim, other), key=lambda c: c.start_offset)
        text = f"{first.text} {second.text}"
    claim.text = _clean_text(text, body[start:end])
    claim.start_offset, claim.end_offset = start, end
    claim.claimant_id = claim.claimant_id or other.claimant_id
    claim.checkworthiness = max(claim.checkworthiness, other.checkworthiness)
    bump(claim)
    for q in session.exec(select(Quantity).where(Quantity.claim_id == other.id)).all():
        q.claim_id = claim.id
    have = set(session.exec(select(ClaimSource.source_id).where(ClaimSource.claim_id == claim.id)).all())
    for link in session.exec(select(ClaimSource).where(ClaimSource.claim_id == other.id)).all():
        if link.source_id not in have:
            link.claim_id = claim.id
    other_before = audit.snapshot(other, ("status", "merged_into_id"))
    workflow.move(other, "merged")
    other.merged_into_id = claim.id
    bump(other)
    audit.record(
        session,
        actor,
        "claim.merge",
        "claim",
        claim.id,
        before=before,
        after={**audit.snapshot(claim, fields), "merged_claim_id": other.id},
    )
    audit.record(
        session,
        actor,
        "claim.merged_into",
        "claim",
        other.id,
        before=other_before,
        after={"status": other.status, "merged_into_id": claim.id, "into": claim.id},
    )
    claim.updated_at = utcnow()
    _reindex(session, claim.id, other.id)
    return claim
