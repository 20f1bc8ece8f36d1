"""Work on many claims at once from the queue: assign, set a status, dismiss with a reason.

Each claim goes through the same service as a single edit (so each gets its own audit
event and the workflow rules hold), and the batch leaves one `bulk.<action>` event that
remembers every claim's state before and its version after. Undo replays that record
backwards through the same services, for the claims nobody has touched since; a batch is
undone at most once, within `UNDO_WINDOW`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import Session, select

from ...errors import DomainError, NotFound, PermissionDenied, ValidationError
from ...models import AuditEvent, Claim, User
from ...models.base import utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import at_least, require
from . import claims, workflow

ACTIONS = ("assign", "status", "dismiss")
MAX_CLAIMS = 1000
UNDO_WINDOW = timedelta(minutes=15)
_FIELDS = ("status", "assignee_id", "dismissed_reason")


@dataclass(slots=True)
class BulkResult:
    action: str
    done: list[int] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)  # claim id -> why it was left as it was
    event_id: int | None = None  # the batch's audit event, the handle for undo


def _claim_ids(raw: list[int]) -> list[int]:
    ids = list(dict.fromkeys(raw))
    if not ids:
        raise ValidationError("Select at least one claim.", fields={"claims": "none selected"})
    if len(ids) > MAX_CLAIMS:
        raise ValidationError(f"Select at most {MAX_CLAIMS} claims at a time.", fields={"claims": "too many"})
    return ids


def apply(
    session: Session,
    actor: Actor,
    action: str,
    claim_ids: list[int],
    *,
    assignee_id: int | None = None,
    status: str | None = None,
    reason: str | None = None,
) -> BulkResult:
    """Apply one action to each selected claim; claims the action cannot apply to are skipped
    with the reason the single edit would have given."""
    require(actor, "reviewer", "change claims in bulk")
    if action not in ACTIONS:
        raise ValidationError(f"Unknown bulk action {action!r}.", fields={"action": "unknown"})
    if action == "dismiss" and not (reason or "").strip():
        raise ValidationError("Say why the claims are not worth checking.", fields={"reason": "a reason is required"})
    if action == "status" and not status:
        raise ValidationError("Choose the status to set.", fields={"status": "required"})
    ids = _claim_ids(claim_ids)
    rows = {c.id: c for c in session.exec(select(Claim).where(Claim.id.in_(ids))).all()}
    # Held for the loop: the session keeps loaded rows only while something refers to them,
    # so without it every claims.assign reloaded the assignee, and each load flushed the
    # previous claim's changes first (a query and a flush per claim: 4 s for 1,000).
    assignee = session.get(User, assignee_id) if action == "assign" and assignee_id is not None else None
    result = BulkResult(action)
    before: dict[str, dict] = {}
    for claim_id in ids:
        claim = rows.get(claim_id)
        if claim is None:
            result.skipped[claim_id] = f"There is no claim #{claim_id}."
            continue
        state = audit.snapshot(claim, _FIELDS)
        try:
            if action == "assign":
                claims.assign(session, actor, claim_id, version=claim.version, assignee_id=assignee_id)
            elif action == "status":
                claims.set_status(session, actor, claim_id, version=claim.version, status=status or "")
            else:
                claims.dismiss(session, actor, claim_id, version=claim.version, reason=reason)
        except ValidationError:
            raise  # a bad value (unknown assignee, reason too long) is wrong for every claim alike
        except DomainError as exc:
            result.skipped[claim_id] = exc.message
            continue
        if audit.snapshot(claim, _FIELDS) == state:
            result.skipped[claim_id] = "Already so."
            continue
        result.done.append(claim_id)
        before[str(claim_id)] = dict(state, version=claim.version)
    if result.done:
        event = audit.record(
            session,
            actor,
            f"bulk.{action}",
            "bulk",
            None,
            before={"claims": before},
            after={"assignee_id": assignee_id, "status": status, "reason": reason, "count": len(result.done)},
        )
        session.flush()
        result.event_id = event.id
    del assignee
    return result


def undoable(session: Session, actor: Actor, event_id: int) -> AuditEvent:
    """The batch event, if `actor` may still undo it; a domain error saying why not otherwise."""
    event = session.get(AuditEvent, event_id)
    if event is None or event.entity_type != "bulk" or not event.action.startswith("bulk."):
        raise NotFound(f"There is no bulk change #{event_id}.")
    if event.user_id != actor.user_id and not at_least(actor.role, "editor"):
        raise PermissionDenied("Only the person who made a bulk change, or an editor, can undo it.")
    at = event.at if event.at.tzinfo else event.at.replace(tzinfo=utcnow().tzinfo)
    if utcnow() - at > UNDO_WINDOW:
        minutes = int(UNDO_WINDOW.total_seconds() // 60)
        raise ValidationError(
            f"A bulk change can be undone for {minutes} minutes; this one is older.", fields={"undo": "too late"}
        )
    done = session.exec(
        select(AuditEvent.id).where(
            AuditEvent.action == "bulk.undo", AuditEvent.entity_type == "bulk", AuditEvent.entity_id == event_id
        )
    ).first()
    if done is not None:
        raise ValidationError("This bulk change has already been undone.", fields={"undo": "already undone"})
    return event


def undo(session: Session, actor: Actor, event_id: int) -> BulkResult:
    """Put each claim of a batch back as it was, through the single-claim services."""
    require(actor, "reviewer", "undo bulk changes")
    event = undoable(session, actor, event_id)
    saved: dict[str, dict] = (event.before or {}).get("claims", {})
    result = BulkResult("undo")
    # One query for the batch (not one, and a flush of the previous claim, per claim).
    wanted = [int(key) for key in saved]
    rows = {c.id: c for c in session.exec(select(Claim).where(Claim.id.in_(wanted))).all()} if wanted else {}
    for key, state in saved.items():
        claim_id = int(key)
        claim = rows.get(claim_id)
        if claim is None:
            result.skipped[claim_id] = f"Claim #{claim_id} no longer exists."
            continue
        if claim.version != state["version"]:
            result.skipped[claim_id] = "Changed since the bulk change; left as it is now."
            continue
        try:
            _restore(session, actor, claim, state)
        except DomainError as exc:
            result.skipped[claim_id] = exc.message
            continue
        result.done.append(claim_id)
    undo_event = audit.record(
        session,
        actor,
        "bulk.undo",
        "bulk",
        event_id,
        after={"restored": result.done, "skipped": sorted(result.skipped)},
    )
    session.flush()
    result.event_id = undo_event.id
    return result


def _restore(session: Session, actor: Actor, claim: Claim, state: dict) -> None:
    if claim.status != state["status"]:
        if claim.status == "dismissed" or state["status"] == "unreviewed":
            claims.set_status(session, actor, claim.id, version=claim.version, status="unreviewed")
        if state["status"] == "in_review" and claim.status != "in_review":
            claims.set_status(session, actor, claim.id, version=claim.version, status="in_review")
        elif state["status"] == "dismissed":
            claims.dismiss(session, actor, claim.id, version=claim.version, reason=state["dismissed_reason"])
    if (
        claim.assignee_id != state["assignee_id"]
        and claim.status != "published"
        and claim.status not in workflow.CLOSED
    ):
        claims.assign(session, actor, claim.id, version=claim.version, assignee_id=state["assignee_id"])
