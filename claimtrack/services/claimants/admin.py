"""Merging duplicate claimants ("A. Abdul-Mahdi" and "Adel Abdul-Mahdi").

The duplicate is kept, marked `merged_into_id`, so old links to it still resolve; its
claims and aliases move to the survivor. Claims that move get a new version, since
their speaker changed.
"""

from __future__ import annotations

from sqlmodel import Session, select

from ...errors import NotFound, ValidationError
from ...models import Claim, Claimant, ClaimantAlias
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import require
from ..review.versions import bump


def get_claimant(session: Session, claimant_id: int) -> Claimant:
    claimant = session.get(Claimant, claimant_id)
    if claimant is None:
        raise NotFound(f"There is no claimant #{claimant_id}.")
    return claimant


def merge_claimants(session: Session, actor: Actor, keep_id: int, duplicate_id: int) -> Claimant:
    require(actor, "editor", "merge claimants")
    if keep_id == duplicate_id:
        raise ValidationError("Choose two different claimants.", fields={"duplicate": "same claimant"})
    keep = get_claimant(session, keep_id)
    duplicate = get_claimant(session, duplicate_id)
    named = ("person", "organization")
    if keep.kind != duplicate.kind and not (keep.kind in named and duplicate.kind in named):
        # A description or a document is not a spelling of someone: reattribute its
        # claims one by one instead.
        raise ValidationError(
            f"{duplicate.name} is a {duplicate.kind} and {keep.name} a {keep.kind}: only "
            "claimants of the same kind can be merged (a person and an organisation may be).",
            fields={"duplicate": "different kind"},
        )
    for claimant in (keep, duplicate):
        if claimant.merged_into_id is not None:
            raise ValidationError(
                f"{claimant.name} was already merged into claimant #{claimant.merged_into_id}.",
                fields={"duplicate": "already merged"},
            )
    claims = session.exec(select(Claim).where(Claim.claimant_id == duplicate.id)).all()
    for claim in claims:
        claim.claimant_id = keep.id
        bump(claim)
    have = set(session.exec(select(ClaimantAlias.alias).where(ClaimantAlias.claimant_id == keep.id)).all())
    moved_aliases = []
    for alias in session.exec(select(ClaimantAlias).where(ClaimantAlias.claimant_id == duplicate.id)).all():
        if alias.alias in have:
            session.delete(alias)
        else:
            alias.claimant_id = keep.id
            have.add(alias.alias)
            moved_aliases.append(alias.alias)
    # Claimants merged into the duplicate earlier now point at the survivor directly.
    for earlier in session.exec(select(Claimant).where(Claimant.merged_into_id == duplicate.id)).all():
        earlier.merged_into_id = keep.id
    before = {
        "keep": audit.snapshot(keep, ("id", "name", "title", "same_as")),
        "duplicate": audit.snapshot(duplicate, ("id", "name", "title", "merged_into_id")),
    }
    keep.title = keep.title or duplicate.title
    keep.same_as = keep.same_as or duplicate.same_as
    duplicate.merged_into_id = keep.id
    audit.record(
        session,
        actor,
        "claimant.merge",
        "claimant",
        keep.id,
        before=before,
        after={
            "keep_id": keep.id,
            "merged_id": duplicate.id,
            "claims_moved": [c.id for c in claims],
            "aliases_moved": moved_aliases,
            "title": keep.title,
        },
    )
    audit.record(
        session,
        actor,
        "claimant.merged_into",
        "claimant",
        duplicate.id,
        before={"merged_into_id": None},
        after={"merged_into_id": keep.id},
    )
    for claim in claims:
        audit.record(
            session,
            actor,
            "claim.speaker",
            "claim",
            claim.id,
            before={"claimant_id": duplicate.id, "speaker": duplicate.name},
            after={"claimant_id": keep.id, "speaker": keep.name},
        )
    return keep
