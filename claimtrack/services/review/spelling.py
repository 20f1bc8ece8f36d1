"""Search that tolerates spelling: a term typed as "Gomes" also finds the speaker
"Gomez" and the outlet "Harbour Courrier" finds "Harbour Courier".

Names (speakers, their aliases, outlets) are few next to claims, so they are read once
per search and compared word by word with rapidfuzz; the claims are then found by id in
SQL, which keeps the queue's query indexed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sqlmodel import Session, select

from ...models import Claimant, ClaimantAlias, Outlet

MIN_LENGTH = 4  # shorter terms have too many one-letter neighbours
MIN_SIMILARITY = 80  # "gomes" / "gomez": 80; "reed" / "read": 75 (not taken)
MAX_NAMES = 50_000


@dataclass(slots=True)
class NearNames:
    claimant_ids: set[int] = field(default_factory=set)
    outlet_ids: set[int] = field(default_factory=set)


def near_names(session: Session, terms: list[str]) -> dict[str, NearNames]:
    """For each term (long enough), the speakers and outlets with a word spelled like it."""
    wanted = [t for t in dict.fromkeys(default_process(t) for t in terms) if len(t) >= MIN_LENGTH]
    if not wanted:
        return {}
    words: dict[str, NearNames] = {}

    def add(name: str, claimant: int | None = None, outlet: int | None = None) -> None:
        for word in default_process(name).split():
            if len(word) >= MIN_LENGTH - 1:
                near = words.setdefault(word, NearNames())
                if claimant is not None:
                    near.claimant_ids.add(claimant)
                if outlet is not None:
                    near.outlet_ids.add(outlet)

    for claimant_id, name in session.exec(
        select(Claimant.id, Claimant.name).where(Claimant.merged_into_id.is_(None)).limit(MAX_NAMES)
    ).all():
        add(name, claimant=claimant_id)
    for claimant_id, alias in session.exec(
        select(ClaimantAlias.claimant_id, ClaimantAlias.alias).limit(MAX_NAMES)
    ).all():
        add(alias, claimant=claimant_id)
    for outlet_id, name in session.exec(select(Outlet.id, Outlet.name)).all():
        add(name, outlet=outlet_id)
    out: dict[str, NearNames] = {}
    vocabulary = list(words)
    for term in wanted:
        found = NearNames()
        for word, _score, _i in process.extract(
            term, vocabulary, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY, limit=None
        ):
            found.claimant_ids |= words[word].claimant_ids
            found.outlet_ids |= words[word].outlet_ids
        if found.claimant_ids or found.outlet_ids:
            out[term] = found
    return out
