"""One edit of a claim's own fields (text and span, speaker, assignee, status) applied in
one transaction: all of them, or none on any error. The JSON API's PATCH is this.

Each step quotes the version the previous one produced, so the caller's `version`
guards the whole edit."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from ...errors import ValidationError
from ...models import Claim
from ..accounts.actors import Actor
from . import claims


@dataclass(frozen=True)
class ClaimEdit:
    """The fields to change; `given` names those the caller sent (a field sent as null,
    such as an assignee to remove, is given with the value None)."""

    version: int | None
    given: frozenset[str] = field(default_factory=frozenset)
    text: str | None = None
    start: int | None = None
    end: int | None = None
    claimant: str | None = None
    claimant_title: str | None = None
    assignee: int | None = None
    status: str | None = None
    dismissed_reason: str | None = None


def edit_claim(session: Session, actor: Actor, claim_id: int, edit: ClaimEdit) -> Claim:
    given = edit.given
    if ("start" in given) != ("end" in given):
        raise ValidationError(
            "Give both start and end to move the span.",
            fields={"start" if "end" in given else "end": "required with the other"},
        )
    claim = claims.get_claim(session, claim_id)
    version = edit.version
    if given & {"text", "start", "end"}:
        start = edit.start if edit.start is not None else claim.start_offset
        end = edit.end if edit.end is not None else claim.end_offset
        text = edit.text if edit.text is not None else (claim.text if "start" not in given else None)
        version = claims.edit_text(session, actor, claim_id, version=version, text=text, start=start, end=end).version
    if given & {"claimant", "claimant_title"}:
        name = edit.claimant if "claimant" in given else claims.claimant_name(session, claim.claimant_id)
        version = claims.set_speaker(
            session, actor, claim_id, version=version, name=name, title=edit.claimant_title
        ).version
    if "assignee" in given:
        version = claims.assign(session, actor, claim_id, version=version, assignee_id=edit.assignee).version
    if edit.status == "dismissed":
        version = claims.dismiss(session, actor, claim_id, version=version, reason=edit.dismissed_reason).version
    elif edit.status is not None:
        version = claims.set_status(session, actor, claim_id, version=version, status=edit.status).version
    if version == edit.version:
        # Nothing changed: still refuse a stale version, as any write would.
        claims.check_version(session, claim, version)
    return claim
