"""Sources linked to a claim: add, edit, remove.

A `Source` (URL, title, publisher) can back several claims; a `ClaimSource` is its link
to one claim with a stance and an excerpt. Editing a source that other claims also cite
gives this claim its own copy, so nobody else's evidence changes underneath them.

Links carry no version column, so edits and removals quote a fingerprint of the link as
the user saw it; if it no longer matches, the write is refused like a stale version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlmodel import Session, select

from ...errors import Conflict, NotFound, ValidationError
from ...models import STANCES, ClaimSource, Source
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import at_least, require
from .claims import get_claim
from .versions import stale

MAX_URL = 2000
MAX_TITLE = 1000
MAX_PUBLISHER = 300
MAX_EXCERPT = 5000


@dataclass(slots=True)
class SourceInput:
    url: str = ""
    title: str = ""
    publisher: str = ""
    stance: str = "context"
    excerpt: str = ""


def check_url(url: str) -> str:
    url = (url or "").strip()
    if not url:
        raise ValidationError("Give the source's address.", fields={"url": "required"})
    if len(url) > MAX_URL:
        raise ValidationError("The address is too long.", fields={"url": f"at most {MAX_URL} characters"})
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValidationError(
            "Source addresses must start with http:// or https://.", fields={"url": "http or https only"}
        )
    if not parts.hostname or any(ch.isspace() for ch in url):
        raise ValidationError("That is not a complete web address.", fields={"url": "not a valid address"})
    return url


def _checked(data: SourceInput) -> SourceInput:
    errors = {}
    url = data.url
    try:
        url = check_url(data.url)
    except ValidationError as exc:
        errors.update(exc.fields)
    title, publisher, excerpt = data.title.strip(), data.publisher.strip(), data.excerpt.strip()
    if len(title) > MAX_TITLE:
        errors["title"] = f"at most {MAX_TITLE} characters"
    if len(publisher) > MAX_PUBLISHER:
        errors["publisher"] = f"at most {MAX_PUBLISHER} characters"
    if len(excerpt) > MAX_EXCERPT:
        errors["excerpt"] = f"at most {MAX_EXCERPT} characters"
    if data.stance not in STANCES:
        errors["stance"] = "choose supports, refutes or context"
    if errors:
        raise ValidationError(
            "Please correct the source: " + "; ".join(f"{k}: {v}" for k, v in errors.items()) + ".", fields=errors
        )
    return SourceInput(url, title, publisher, data.stance, excerpt)


def fingerprint(link: ClaimSource, source: Source) -> str:
    raw = "\x1f".join([source.url, source.title, source.publisher or "", link.stance, link.excerpt or ""])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def sources_for(session: Session, claim_id: int) -> list[tuple[ClaimSource, Source]]:
    return list(
        session.exec(
            select(ClaimSource, Source)
            .join(Source, Source.id == ClaimSource.source_id)
            .where(ClaimSource.claim_id == claim_id)
            .order_by(ClaimSource.id)
        ).all()
    )


def _check_claim_open(actor: Actor, claim) -> None:
    if claim.status == "dismissed":
        raise Conflict("The claim is dismissed: restore it to the queue before changing its sources.")
    if claim.status == "merged":
        raise Conflict(
            f"The claim was merged into claim #{claim.merged_into_id}: its sources live there; add this one to that claim."
        )
    if claim.status == "published" and not at_least(actor.role, "editor"):
        raise Conflict("The claim is published; only an editor can change its sources, as part of a correction.")


def _snapshot(link: ClaimSource, source: Source) -> dict:
    return {
        "claim_source_id": link.id,
        "source_id": source.id,
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "stance": link.stance,
        "excerpt": link.excerpt,
    }


def _find_or_create_source(session: Session, actor: Actor, data: SourceInput) -> Source:
    """Reuse a stored source with this address when the user's details agree with it (or
    they gave none); otherwise store a new one, so nobody's title is silently dropped."""
    for source in session.exec(select(Source).where(Source.url == data.url).order_by(Source.id)).all():
        if (not data.title and not data.publisher) or (
            (source.title, source.publisher) == (data.title, data.publisher or None)
        ):
            return source
    source = Source(url=data.url, title=data.title, publisher=data.publisher or None, created_by_id=actor.user_id)
    session.add(source)
    session.flush()
    return source


def add_source(
    session: Session, actor: Actor, claim_id: int, data: SourceInput, *, reused_from_claim_id: int | None = None
) -> ClaimSource:
    require(actor, "reviewer", "attach sources")
    claim = get_claim(session, claim_id)
    _check_claim_open(actor, claim)
    data = _checked(data)
    if _linked_url(session, claim.id, data.url):
        raise ValidationError("This source is already linked to the claim.", fields={"url": "already linked"})
    source = _find_or_create_source(session, actor, data)
    link = ClaimSource(
        claim_id=claim.id,
        source_id=source.id,
        stance=data.stance,
        excerpt=data.excerpt or None,
        reused_from_claim_id=reused_from_claim_id,
        created_by_id=actor.user_id,
    )
    session.add(link)
    session.flush()
    after = _snapshot(link, source)
    if reused_from_claim_id:
        after["reused_from_claim_id"] = reused_from_claim_id
    audit.record(session, actor, "source.add", "claim", claim.id, after=after)
    return link


def _linked_url(session: Session, claim_id: int, url: str) -> bool:
    return (
        session.exec(
            select(ClaimSource.id)
            .join(Source, Source.id == ClaimSource.source_id)
            .where(ClaimSource.claim_id == claim_id, Source.url == url)
        ).first()
        is not None
    )


def _get_link(session: Session, claim_id: int, link_id: int) -> tuple[ClaimSource, Source]:
    link = session.get(ClaimSource, link_id)
    if link is None or link.claim_id != claim_id:
        raise NotFound("That source is no longer linked to this claim.")
    return link, session.get(Source, link.source_id)


def _check_fingerprint(session: Session, claim_id: int, link: ClaimSource, source: Source, seen: str | None) -> None:
    if seen != fingerprint(link, source):
        raise stale(session, "This source", link, "claim", claim_id, "source.")


def edit_source(
    session: Session, actor: Actor, claim_id: int, link_id: int, data: SourceInput, *, seen: str | None
) -> ClaimSource:
    require(actor, "reviewer", "edit sources")
    claim = get_claim(session, claim_id)
    _check_claim_open(actor, claim)
    link, source = _get_link(session, claim.id, link_id)
    _check_fingerprint(session, claim.id, link, source, seen)
    data = _checked(data)
    before = _snapshot(link, source)
    if (data.url, data.title, data.publisher or None) != (source.url, source.title, source.publisher):
        if data.url != source.url and _linked_url(session, claim.id, data.url):
            raise ValidationError("That address is already linked to the claim.", fields={"url": "already linked"})
        shared = session.exec(
            select(ClaimSource.id).where(ClaimSource.source_id == source.id, ClaimSource.id != link.id)
        ).first()
        if shared is None:
            source.url, source.title, source.publisher = data.url, data.title, data.publisher or None
        else:
            source = Source(
                url=data.url, title=data.title, publisher=data.publisher or None, created_by_id=actor.user_id
            )
            session.add(source)
            session.flush()
            link.source_id = source.id
    link.stance, link.excerpt = data.stance, data.excerpt or None
    after = _snapshot(link, source)
    if after != before:
        audit.record(session, actor, "source.edit", "claim", claim.id, before=before, after=after)
    return link


def remove_source(session: Session, actor: Actor, claim_id: int, link_id: int, *, seen: str | None) -> None:
    require(actor, "reviewer", "remove sources")
    claim = get_claim(session, claim_id)
    _check_claim_open(actor, claim)
    link, source = _get_link(session, claim.id, link_id)
    _check_fingerprint(session, claim.id, link, source, seen)
    if claim.status == "published" and len(sources_for(session, claim.id)) == 1:
        raise Conflict("A published fact-check needs at least one source; add another before removing this one.")
    before = _snapshot(link, source)
    session.delete(link)
    audit.record(session, actor, "source.remove", "claim", claim.id, before=before)
