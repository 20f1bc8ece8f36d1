"""Turning extracted speaker names into claimant records, merging spelling variants."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ...extraction import claimants as names
from ...models import CLAIMANT_KINDS, AuditEvent, Claim, Claimant, ClaimantAlias

# Descriptions ("a campaign spokesman", "officials") and documents ("the affidavit")
# name someone or something only within their own article: two articles' "officials"
# are not one claimant, so these are never looked up beyond the article.
ARTICLE_SCOPED_KINDS = ("group", "document")


class ClaimantResolver:
    """Finds or creates claimants for one article, caching what it has seen.

    Persons are merged by fuzzy name comparison ("Abdul Mahdi" / "Adel Abdul-Mahdi"),
    organisations by their spelling variants ("Adil Abdul Mahdi's office"), groups and
    documents only by their normalised spelling within the article. A claimant of one
    kind is never found for a speaker of another, so a description never joins a person.
    """

    def __init__(self, session: Session, *, article_id: int | None = None) -> None:
        self.session = session
        self.article_id = article_id
        self._cache: dict[tuple[str, str], Claimant] = {}
        self.created: list[int] = []  # ids of the claimants this resolver added

    def resolve_many(self, speakers: Sequence[tuple[str | None, str | None, str | None]]) -> list[Claimant | None]:
        """Claimants for (name, title, kind) triples, in order. Fuller names are resolved
        first, so "Patel" early in an article finds the "Raj Patel" named later."""
        order = sorted(range(len(speakers)), key=lambda i: -len(names.name_key(speakers[i][0] or "").split()))
        found: dict[int, Claimant | None] = {}
        for i in order:
            name, title, kind = speakers[i]
            found[i] = self.resolve(name, title=title, kind=kind)
        return [found[i] for i in range(len(speakers))]

    def resolve(self, name: str | None, *, title: str | None, kind: str | None) -> Claimant | None:
        if not name or not name.strip():
            return None
        name = name.strip()[:300]
        kind = kind if kind in CLAIMANT_KINDS else names.infer_kind(name)
        key = names.name_key(name)[:300]
        if not key:
            return None
        cached = self._cache.get((kind, key))
        if cached is not None:
            return cached
        claimant = self._find(name, key, kind)
        if claimant is None:
            claimant = Claimant(name=name, title=(title[:300] if title else None), kind=kind)
            self.session.add(claimant)
            self.session.flush()
            self.created.append(claimant.id)
            self.session.add(ClaimantAlias(claimant_id=claimant.id, alias=name, alias_key=key))
        else:
            self._remember_alias(claimant, name, key)
            if title and not claimant.title:
                claimant.title = title[:300]
        self._cache[(kind, key)] = claimant
        return claimant

    def _live(self, kind: str):
        return (
            select(Claimant)
            .join(ClaimantAlias, ClaimantAlias.claimant_id == Claimant.id)
            .where(Claimant.kind == kind, Claimant.merged_into_id.is_(None))
        )

    def _find(self, name: str, key: str, kind: str) -> Claimant | None:
        if kind in ARTICLE_SCOPED_KINDS:
            if self.article_id is None:
                return None
            in_article = select(Claim.claimant_id).where(Claim.article_id == self.article_id)
            return self.session.exec(
                self._live(kind).where(ClaimantAlias.alias_key == key, Claimant.id.in_(in_article))
            ).first()
        # A bare surname on file under a fuller name is only a hint: left to the fuzzy rules.
        if kind != "person" or len(key.split()) > 1:
            exact = self.session.exec(self._live(kind).where(ClaimantAlias.alias_key == key)).first()
            if exact is not None:
                return exact
        candidates = self._candidates(key, kind)
        if not candidates:
            return None
        match = (
            names.best_claimant_match(name, candidates)
            if kind == "person"
            else names.best_organisation_match(name, candidates)
        )
        return self.session.get(Claimant, match) if match is not None else None

    def _candidates(self, key: str, kind: str) -> list[tuple[int, list[str]]]:
        """Claimants of this kind sharing a name word, found through the indexed alias keys."""
        tokens = [t for t in key.split() if len(t) > 2] or key.split()
        picked = tokens[-2:] if kind == "person" else sorted(tokens, key=len, reverse=True)[:2]
        conditions = [ClaimantAlias.alias_key.contains(t, autoescape=True) for t in picked]
        rows = self.session.exec(
            select(ClaimantAlias.claimant_id, ClaimantAlias.alias)
            .join(Claimant, Claimant.id == ClaimantAlias.claimant_id)
            .where(or_(*conditions), Claimant.kind == kind, Claimant.merged_into_id.is_(None))
            .limit(500)
        ).all()
        grouped: dict[int, list[str]] = {}
        for claimant_id, alias in rows:
            grouped.setdefault(claimant_id, []).append(alias)
        return list(grouped.items())

    def _remember_alias(self, claimant: Claimant, name: str, key: str) -> None:
        exists = self.session.exec(
            select(ClaimantAlias.id).where(ClaimantAlias.claimant_id == claimant.id, ClaimantAlias.alias == name)
        ).first()
        if exists is None:
            try:  # another import may record the same spelling at the same moment
                with self.session.begin_nested():
                    self.session.add(ClaimantAlias(claimant_id=claimant.id, alias=name, alias_key=key))
            except IntegrityError:
                return
            # A fuller spelling ("Adel Abdul-Mahdi" over "Abdul Mahdi") makes the better name.
            if len(name) > len(claimant.name):
                claimant.name = name


def prune_unused(session: Session, claimant_ids: Iterable[int]) -> list[int]:
    """Delete the given claimants that nothing refers to any more and nobody has worked
    on (no claims, no merges, no link to an outside record, no audited change), with
    their aliases; returns the ids deleted. Re-extraction uses this to drop the
    speakers only an earlier extraction had made up."""
    ids = sorted(set(claimant_ids))
    if not ids:
        return []
    session.flush()
    used = set(session.exec(select(Claim.claimant_id).where(Claim.claimant_id.in_(ids))).all())
    used |= set(session.exec(select(Claimant.merged_into_id).where(Claimant.merged_into_id.in_(ids))).all())
    used |= set(
        session.exec(
            select(AuditEvent.entity_id).where(AuditEvent.entity_type == "claimant", AuditEvent.entity_id.in_(ids))
        ).all()
    )
    gone = []
    for claimant in session.exec(select(Claimant).where(Claimant.id.in_(ids))).all():
        if claimant.id in used or claimant.merged_into_id is not None or claimant.same_as:
            continue
        for alias in session.exec(select(ClaimantAlias).where(ClaimantAlias.claimant_id == claimant.id)).all():
            session.delete(alias)
        session.flush()
        session.delete(claimant)
        gone.append(claimant.id)
    session.flush()
    return gone
