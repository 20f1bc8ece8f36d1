"""Re-extracting stored articles with the current extractor, keeping reviewers' work.

A claim a reviewer has touched stays exactly as it is, with its quantities, sources,
verdicts and links. The rest of the article's claims are replaced by what the extractor
finds now: an old claim with the same span keeps its id (updated in place if its
reading changed), the others are removed, and new claims are added unless they overlap
a touched claim. Each article is one transaction and gets one ``article.reextract``
audit event when, and only when, something changed; a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlmodel import Session, select

from ...errors import NotFound
from ...extraction import ExtractedClaim, extract_claims
from ...models import Article, AuditEvent, Claim, ClaimLink, ClaimSource, Outlet, Quantity, Verdict, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import require
from ..claimants.resolver import ClaimantResolver, prune_unused
from ..linking import index as match_index
from ..linking import related
from .importing import claim_fields, quantity_fields

_CHUNK = 500
# What the extractor writes on a claim; the rest (status, assignee, version ...) is the desk's.
_EXTRACTED = (
    "start_offset",
    "end_offset",
    "text",
    "quote",
    "kind",
    "cue",
    "claimant_id",
    "speaker_title",
    "checkworthiness",
    "repeat_of_id",
)


@dataclass(slots=True)
class ArticleChange:
    """What re-extracting one article changed (or, in a dry run, would change)."""

    article_id: int
    title: str
    kept: list[int] = field(default_factory=list)  # untouched claims read the same as before
    updated: list[int] = field(default_factory=list)  # same span, new reading, same id
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    touched: list[int] = field(default_factory=list)  # a reviewer's: left exactly as they are
    blocked: int = 0  # new claims not added because they overlap a touched claim

    @property
    def changed(self) -> bool:
        return bool(self.updated or self.added or self.removed)

    def to_dict(self) -> dict:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "changed": self.changed,
            "kept": len(self.kept),
            "updated": sorted(self.updated),
            "added": sorted(self.added),
            "removed": sorted(self.removed),
            "touched": sorted(self.touched),
            "blocked": self.blocked,
        }


def article_ids(session: Session, *, article_id: int | None = None, outlet: str | None = None) -> list[int]:
    """The articles to re-extract: one, an outlet's, or all, by id."""
    query = select(Article.id).order_by(Article.id)
    if article_id is not None:
        if session.get(Article, article_id) is None:
            raise NotFound(f"There is no article #{article_id}.")
        query = query.where(Article.id == article_id)
    if outlet is not None:
        found = session.exec(select(Outlet.id).where(Outlet.name == outlet.strip())).first()
        if found is None:
            raise NotFound(f"There is no outlet named {outlet.strip()!r}.")
        query = query.where(Article.outlet_id == found)
    return list(session.exec(query).all())


def touched_claim_ids(session: Session, claims: list[Claim]) -> set[int]:
    """The claims of one article that a reviewer has touched, or that something kept
    elsewhere points at (a repeat in another article, a reused source or verdict)."""
    ids = [c.id for c in claims]
    touched = {
        c.id
        for c in claims
        if c.status != "unreviewed"
        or c.version > 1
        or c.created_by_id is not None
        or c.assignee_id is not None
        or c.dismissed_reason is not None
    }
    article_id = claims[0].article_id if claims else None
    for chunk in _chunks(ids):
        touched |= _ids(session, sa.select(ClaimSource.claim_id).where(ClaimSource.claim_id.in_(chunk)))
        touched |= _ids(session, sa.select(Verdict.claim_id).where(Verdict.claim_id.in_(chunk)))
        touched |= _ids(
            session, sa.select(ClaimSource.reused_from_claim_id).where(ClaimSource.reused_from_claim_id.in_(chunk))
        )
        touched |= _ids(session, sa.select(Verdict.reused_from_claim_id).where(Verdict.reused_from_claim_id.in_(chunk)))
        touched |= _ids(
            session,
            sa.select(AuditEvent.entity_id).where(AuditEvent.entity_type == "claim", AuditEvent.entity_id.in_(chunk)),
        )
        touched |= _ids(
            session, sa.select(Claim.repeat_of_id).where(Claim.repeat_of_id.in_(chunk), Claim.article_id != article_id)
        )
        for a, b in session.execute(
            sa.select(ClaimLink.claim_a_id, ClaimLink.claim_b_id).where(
                ClaimLink.state != "suggested", sa.or_(ClaimLink.claim_a_id.in_(chunk), ClaimLink.claim_b_id.in_(chunk))
            )
        ).all():
            touched |= {a, b}
    # A kept claim's repeat_of must go on pointing at a row that exists.
    by_id = {c.id: c for c in claims}
    pending = [i for i in touched if i in by_id]
    while pending:
        target = by_id[pending.pop()].repeat_of_id
        if target in by_id and target not in touched:
            touched.add(target)
            pending.append(target)
    return touched & set(ids)


def reextract_article(session: Session, actor: Actor, article_id: int) -> ArticleChange:
    """Re-extract one article in the caller's transaction (see the module notes)."""
    require(actor, "editor", "re-extract articles")
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"There is no article #{article_id}.")
    claims = list(
        session.exec(select(Claim).where(Claim.article_id == article_id).order_by(Claim.start_offset, Claim.id)).all()
    )
    touched_ids = touched_claim_ids(session, claims)
    change = ArticleChange(article.id, article.title, touched=sorted(touched_ids))
    touched = [c for c in claims if c.id in touched_ids]
    free: dict[tuple[int, int], Claim] = {}
    for c in claims:
        if c.id not in touched_ids:
            free.setdefault((c.start_offset, c.end_offset), c)
    fresh = extract_claims(article.body)
    wanted = [i for i, ex in enumerate(fresh) if not _overlaps(ex, touched)]
    change.blocked = len(fresh) - len(wanted)
    speakers = ClaimantResolver(session, article_id=article.id).resolve_many(
        [(fresh[i].speaker, fresh[i].speaker_title, fresh[i].speaker_kind) for i in wanted]
    )
    same_span = {(c.start_offset, c.end_offset): c.id for c in touched}
    stored: dict[int, int] = {}  # index in ``fresh`` -> claim id now holding it
    for i, ex in enumerate(fresh):
        if (ex.start, ex.end) in same_span:
            stored[i] = same_span[(ex.start, ex.end)]
    old_claimants = {c.claimant_id for c in claims if c.id not in touched_ids and c.claimant_id is not None}
    now = utcnow()
    for i, claimant in zip(wanted, speakers, strict=True):
        ex = fresh[i]
        values = claim_fields(
            ex, claimant.id if claimant else None, stored.get(ex.repeat_of) if ex.repeat_of is not None else None
        )
        old = free.pop((ex.start, ex.end), None)
        if old is None:
            claim = Claim(article_id=article.id, **values)
            session.add(claim)
            session.flush()
            change.added.append(claim.id)
        else:
            claim = old
            same_claim = all(getattr(old, name) == values[name] for name in _EXTRACTED)
            same_numbers = _replace_quantities(session, old, ex, dry=True)
            if same_claim and same_numbers:
                change.kept.append(old.id)
            else:
                # The extractor's own reading, not a reviewer's edit: the version stays,
                # so the claim still counts as untouched next time.
                for name in _EXTRACTED:
                    setattr(old, name, values[name])
                old.updated_at = now
                session.add(old)
                change.updated.append(old.id)
        stored[i] = claim.id
        if claim.id in change.added:
            _add_quantities(session, claim.id, ex)
        elif claim.id in change.updated:
            _replace_quantities(session, claim, ex, dry=False)
    change.removed = sorted(c.id for c in free.values())
    if not change.changed:
        return change
    _remove(session, change.removed)
    prune_unused(session, old_claimants)
    related.refresh_claims(session, change.added + change.updated)
    audit.record(
        session,
        actor,
        "article.reextract",
        "article",
        article.id,
        before={"claims": len(claims)},
        after={
            "claims": len(claims) - len(change.removed) + len(change.added),
            "added": sorted(change.added),
            "updated": sorted(change.updated),
            "removed": change.removed,
            "touched_kept": len(change.touched),
        },
    )
    return change


def _overlaps(ex: ExtractedClaim, touched: list[Claim]) -> bool:
    return any(ex.start < c.end_offset and c.start_offset < ex.end for c in touched)


def _stored_quantities(session: Session, claim_id: int) -> list[Quantity]:
    return list(
        session.exec(
            select(Quantity).where(Quantity.claim_id == claim_id).order_by(Quantity.start_offset, Quantity.id)
        ).all()
    )


def _add_quantities(session: Session, claim_id: int, ex: ExtractedClaim) -> None:
    for q in ex.quantities:
        session.add(Quantity(claim_id=claim_id, **quantity_fields(q)))


def _replace_quantities(session: Session, claim: Claim, ex: ExtractedClaim, *, dry: bool) -> bool:
    """Whether the stored quantities already read as ``ex``'s; if not and not ``dry``,
    store ``ex``'s instead."""
    old = _stored_quantities(session, claim.id)
    new = [quantity_fields(q) for q in ex.quantities]
    same = len(old) == len(new) and all(
        all(getattr(o, k) == v for k, v in n.items()) for o, n in zip(old, new, strict=True)
    )
    if same or dry:
        return same
    for q in old:
        session.delete(q)
    session.flush()
    _add_quantities(session, claim.id, ex)
    return False


def _remove(session: Session, claim_ids: list[int]) -> None:
    """Delete untouched claims that the extractor no longer finds, with their
    quantities, suggestions and index entries (nothing else can refer to them)."""
    if not claim_ids:
        return
    session.flush()
    match_index.lock(session)
    match_index.unindex_claims(session, claim_ids)
    for chunk in _chunks(claim_ids):
        session.execute(
            sa.delete(ClaimLink).where(sa.or_(ClaimLink.claim_a_id.in_(chunk), ClaimLink.claim_b_id.in_(chunk)))
        )
        session.execute(sa.delete(Quantity).where(Quantity.claim_id.in_(chunk)))
    # Removed claims may repeat one another: unlink them before deleting any.
    rows = session.exec(select(Claim).where(Claim.id.in_(claim_ids))).all()
    for claim in rows:
        if claim.repeat_of_id is not None:
            claim.repeat_of_id = None
            session.add(claim)
    session.flush()
    for claim in rows:
        session.delete(claim)
    session.flush()


def _ids(session: Session, query: sa.Select) -> set[int]:
    return {row[0] for row in session.execute(query).all() if row[0] is not None}


def _chunks(values: list, size: int = _CHUNK) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
