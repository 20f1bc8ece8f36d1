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
        # (kind, key) -> the claimant an exact lookup finds (None: none), read ahead.
        self._exact: dict[tuple[str, str], int | None] = {}
        self._in_article: dict[tuple[str, str], int] | None = None  # the same, of the article's own
        self.created: list[int] = []  # ids of the claimants this resolver added

    def resolve_many(self, speakers: Sequence[tuple[str | None, str | None, str | None]]) -> list[Claimant | None]:
        """Claimants for (name, title, kind) triples, in order. Fuller names are resolved
        first, so "Patel" early in an article finds the "Raj Patel" named later."""
        order = sorted(range(len(speakers)), key=lambda i: -len(names.name_key(speakers[i][0] or "").split()))
        self._read_exact([self._normal(name, kind) for name, _, kind in speakers])
        found: dict[int, Claimant | None] = {}
        for i in order:
            name, title, kind = speakers[i]
            found[i] = self.resolve(name, title=title, kind=kind)
        return [found[i] for i in range(len(speakers))]

    def resolve(self, name: str | None, *, title: str | None, kind: str | None) -> Claimant | None:
        normal = self._normal(name, kind)
        if normal is None:
            return None
        name, kind, key = normal
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

    @staticmethod
    def _normal(name: str | None, kind: str | None) -> tuple[str, str, str] | None:
        """(name, kind, key) as stored, or None for a speaker that names nobody."""
        if not name or not name.strip():
            return None
        name = name.strip()[:300]
        kind = kind if kind in CLAIMANT_KINDS else names.infer_kind(name)
        key = names.name_key(name)[:300]
        return (name, kind, key) if key else None

    @staticmethod
    def _looked_up_exactly(kind: str, key: str) -> bool:
        # A bare surname on file under a fuller name is only a hint: left to the fuzzy rules.
        return kind not in ARTICLE_SCOPED_KINDS and (kind != "person" or len(key.split()) > 1)

    def _read_exact(self, speakers: list[tuple[str, str, str] | None]) -> None:
        """The exact alias lookups of an article's speakers in one statement instead of
        one each. What it finds cannot change while the article is resolved: an alias
        this resolver adds has a (kind, key) it already holds in its cache."""
        wanted = {(kind, key) for normal in speakers if normal for _, kind, key in [normal]}
        wanted = {pair for pair in wanted if self._looked_up_exactly(*pair) and pair not in self._exact}
        if not wanted:
            return
        keys = sorted({key for _, key in wanted})
        for start in range(0, len(keys), 500):
            rows = self.session.execute(
                select(ClaimantAlias.alias_key, Claimant.kind, Claimant.id)
                .join(Claimant, Claimant.id == ClaimantAlias.claimant_id)
                .where(ClaimantAlias.alias_key.in_(keys[start : start + 500]), Claimant.merged_into_id.is_(None))
                .order_by(ClaimantAlias.id)
            ).all()
            for key, kind, claimant_id in rows:
                if (kind, key) in wanted:
                    self._exact.setdefault((kind, key), claimant_id)
        for pair in wanted:
            self._exact.setdefault(pair, None)

    def _article_scoped(self) -> dict[tuple[str, str], int]:
        """The descriptions and documents the article's stored claims already name (none
        for an article being imported), read once: the article's claims do not change
        while its speakers are resolved."""
        if self._in_article is None:
            self._in_article = {}
            in_article = select(Claim.claimant_id).where(Claim.article_id == self.article_id)
            rows = self.session.execute(
                select(ClaimantAlias.alias_key, Claimant.kind, Claimant.id)
                .join(Claimant, Claimant.id == ClaimantAlias.claimant_id)
                .where(
                    Claimant.kind.in_(ARTICLE_SCOPED_KINDS),
                    Claimant.merged_into_id.is_(None),
                    Claimant.id.in_(in_article),
                )
                .order_by(ClaimantAlias.id)
            ).all()
            for key, kind, claimant_id in rows:
                self._in_article.setdefault((kind, key), claimant_id)
        return self._in_article

    def _find(self, name: str, key: str, kind: str) -> Claimant | None:
        if kind in ARTICLE_SCOPED_KINDS:
            if self.article_id is None:
                return None
            found = self._article_scoped().get((kind, key))
            return self.session.get(Claimant, found) if found is not None else None
        if self._looked_up_exactly(kind, key):
            if (kind, key) not in self._exact:
                self._read_exact([(name, kind, key)])
            if (exact := self._exact[(kind, key)]) is not None:
                return self.session.get(Claimant, exact)
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
