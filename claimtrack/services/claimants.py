"""Turning extracted speaker names into claimant records, merging spelling variants."""
from __future__ import annotations

from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ..extraction import claimants as names
from ..models import CLAIMANT_KINDS, Claimant, ClaimantAlias


class ClaimantResolver:
    """Finds or creates claimants for one import, caching what it has seen.

    Persons are merged by fuzzy name comparison ("Abdul Mahdi" / "Adel Abdul-Mahdi");
    organisations, groups and documents only by their normalised spelling, since a
    fuzzy match between "Pentagon chiefs" and "Pentagon officials" would be a guess.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[tuple[str, str], Claimant] = {}

    def resolve(self, name: str | None, *, title: str | None, kind: str | None) -> Claimant | None:
        if not name or not name.strip():
            return None
        name = name.strip()[:300]
        kind = kind if kind in CLAIMANT_KINDS else "person"
        key = names.name_key(name)
        if not key:
            return None
        cached = self._cache.get((kind, key))
        if cached is not None:
            return cached
        claimant = self._find(name, key, kind)
        if claimant is None:
            claimant = Claimant(name=name, title=(title or None), kind=kind)
            self.session.add(claimant)
            self.session.flush()
            self.session.add(ClaimantAlias(claimant_id=claimant.id, alias=name, alias_key=key))
        else:
            self._remember_alias(claimant, name, key)
            if title and not claimant.title:
                claimant.title = title[:300]
        self._cache[(kind, key)] = claimant
        return claimant

    def _find(self, name: str, key: str, kind: str) -> Claimant | None:
        exact = self.session.exec(
            select(Claimant).join(ClaimantAlias, ClaimantAlias.claimant_id == Claimant.id)
            .where(ClaimantAlias.alias_key == key, Claimant.kind == kind, Claimant.merged_into_id.is_(None))
        ).first()
        if exact is not None or kind != "person":
            return exact
        # Candidates share at least one name token, found through the indexed alias keys.
        tokens = [t for t in key.split() if len(t) > 2] or key.split()
        conditions = [ClaimantAlias.alias_key.contains(t, autoescape=True) for t in tokens[-2:]]
        rows = self.session.exec(
            select(ClaimantAlias.claimant_id, ClaimantAlias.alias)
            .join(Claimant, Claimant.id == ClaimantAlias.claimant_id)
            .where(or_(*conditions), Claimant.kind == "person", Claimant.merged_into_id.is_(None))
            .limit(500)
        ).all()
        if not rows:
            return None
        grouped: dict[int, list[str]] = {}
        for claimant_id, alias in rows:
            grouped.setdefault(claimant_id, []).append(alias)
        match = names.best_claimant_match(name, list(grouped.items()))
        return self.session.get(Claimant, match) if match is not None else None

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
