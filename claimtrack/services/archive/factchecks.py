"""Reference fact-checks: importing archives, and "has this been checked before?".

``match_text`` is the one entry point for the CLI, the web UI and the API: full-text
candidates from the fact-check archive and from stored claims, re-scored by
:mod:`claimtrack.archive_search.rescore`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlmodel import Session

from ...archive_search.query import CleanQuery, clean_query, search_terms, words
from ...archive_search.readers import ArchiveRow, RowError
from ...archive_search.rescore import DEFAULT_RESCORE, Candidate, RescoreConfig, describe, score
from ...errors import NotFound, ValidationError
from ...models import Claim, FactCheck, utcnow
from .. import audit
from ..accounts.actors import Actor
from .fulltext import TITLE_WEIGHT, Hit, claim_hits, factcheck_hits

BATCH = 500
CANDIDATES = 60  # full-text candidates per kind handed to the re-scorer
MAX_LIMIT = 100
MAX_MATCH_TEXT = 2000  # a claim, a post or a paragraph: the same limit for the web, API and CLI
_UPDATABLE = (
    "external_id",
    "claim_text",
    "title",
    "rating",
    "rating_value",
    "url",
    "claimant",
    "claim_date",
    "review_date",
)


# ---- import -------------------------------------------------------------------------


@dataclass(slots=True)
class ImportSummary:
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "errors": list(self.errors),
        }


def dedupe_key(row: ArchiveRow) -> str:
    """Same publisher and id (or, without an id, the same wording) means the same check."""
    publisher = " ".join(words(row.publisher or ""))
    if row.external_id:
        basis = f"id\x1f{publisher}\x1f{row.external_id.strip()}"
    else:
        basis = f"text\x1f{publisher}\x1f{' '.join(words(row.claim_text))}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def import_factchecks(
    session: Session, actor: Actor, rows: Iterable[ArchiveRow | RowError], *, source: str, publisher: str | None = None
) -> ImportSummary:
    """Insert new fact-checks and update changed ones, in batches; bad rows are counted
    and described, not fatal. The caller owns the transaction."""
    summary = ImportSummary(source)
    pending: dict[str, dict[str, Any]] = {}
    for row in rows:
        if isinstance(row, RowError):
            summary.errors.append(str(row))
            continue
        if publisher and not row.publisher:
            row.publisher = publisher
        values = asdict(row)
        values.pop("where")
        pending[dedupe_key(row)] = values  # a later row for the same check wins
        if len(pending) >= BATCH:
            _flush(session, pending, summary)
    _flush(session, pending, summary)
    audit.record(
        session,
        actor,
        "factchecks.import",
        "factcheck",
        None,
        after=summary.to_dict() | {"errors": summary.errors[:20]},
    )
    return summary


def _flush(session: Session, pending: dict[str, dict[str, Any]], summary: ImportSummary) -> None:
    if not pending:
        return
    cols = [FactCheck.id, FactCheck.dedupe_key, *(getattr(FactCheck, c) for c in _UPDATABLE)]
    existing = {r.dedupe_key: r for r in session.execute(select(*cols).where(FactCheck.dedupe_key.in_(list(pending))))}
    now = utcnow()
    inserts, updates = [], []
    for key, values in pending.items():
        old = existing.get(key)
        if old is None:
            inserts.append(values | {"dedupe_key": key, "imported_at": now, "updated_at": now})
        elif any(getattr(old, c) != values[c] for c in _UPDATABLE):
            updates.append({c: values[c] for c in _UPDATABLE} | {"id": old.id, "updated_at": now})
        else:
            summary.unchanged += 1
    if inserts:
        session.execute(insert(FactCheck), inserts)
    if updates:
        session.execute(update(FactCheck), updates)
    summary.created += len(inserts)
    summary.updated += len(updates)
    pending.clear()


# ---- matching -----------------------------------------------------------------------


@dataclass(slots=True)
class MatchResult:
    kind: str
    id: int
    external_id: str | None
    text: str
    score: float
    rating: str | None
    url: str | None
    reasons: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def candidates(
    session: Session,
    text: str,
    *,
    kinds: tuple[str, ...] = ("factcheck", "claim"),
    pool: int = CANDIDATES,
    exclude_claim_id: int | None = None,
    title_weight: float = TITLE_WEIGHT,
) -> tuple[CleanQuery, list[Candidate]]:
    """Full-text candidates for ``text`` with their features filled in, unscored."""
    query = clean_query(text)
    terms = search_terms(query.search_text)
    hits: list[Hit] = []
    if "factcheck" in kinds:
        hits += factcheck_hits(session, terms, pool, title_weight=title_weight)
    if "claim" in kinds:
        hits += claim_hits(session, terms, pool, exclude_id=exclude_claim_id)
    cands = [
        Candidate(
            key=h,
            text=h.text,
            title=h.title,
            retrieval=h.retrieval,
            claim_retrieval=h.claim_score,
            title_retrieval=h.title_score,
        )
        for h in hits
    ]
    describe(query, cands)
    return query, cands


def match_text(
    session: Session,
    text: str,
    limit: int = 10,
    *,
    kinds: tuple[str, ...] = ("factcheck", "claim"),
    config: RescoreConfig = DEFAULT_RESCORE,
    exclude_claim_id: int | None = None,
) -> list[MatchResult]:
    """Stored claims and reference fact-checks most like ``text``, best first."""
    out = []
    for c in _ranked(session, text, limit, kinds=kinds, config=config, exclude_claim_id=exclude_claim_id):
        hit: Hit = c.key
        out.append(
            MatchResult(hit.kind, hit.id, hit.external_id, hit.text, round(c.score, 4), hit.rating, hit.url, c.reasons)
        )
    return out


def _ranked(
    session: Session,
    text: str,
    limit: int,
    *,
    kinds: tuple[str, ...],
    config: RescoreConfig,
    exclude_claim_id: int | None = None,
) -> list[Candidate]:
    if not text or not text.strip():
        raise ValidationError("nothing to match: the text is empty", fields={"q": "required"})
    if len(text) > MAX_MATCH_TEXT:
        raise ValidationError(
            f"The text is too long to match (at most {MAX_MATCH_TEXT:,} characters): paste the claim itself.",
            fields={"q": f"at most {MAX_MATCH_TEXT:,} characters"},
        )
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"limit must be between 1 and {MAX_LIMIT}", fields={"limit": "out of range"})
    _query, cands = candidates(session, text, kinds=kinds, exclude_claim_id=exclude_claim_id)
    return score(cands, config)[:limit]


@dataclass(slots=True)
class PriorCheck:
    """A published fact-check that looks like a stored claim."""

    id: int
    external_id: str | None
    text: str
    title: str
    rating: str | None
    url: str | None
    publisher: str | None
    score: float
    similarity: float
    reasons: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# The match score is relative to the best candidate, so the top one always scores high;
# whether the fact-check is about the same thing is judged on absolute similarity of
# wording (rapidfuzz token_set_ratio over the claim or headline, or the share of the
# fact-check's terms the claim contains).
MIN_SIMILARITY = 0.6
PRIOR_CHECKS = 5  # shown beside a claim's related coverage


def factchecks_for_claim(
    session: Session, claim_id: int, limit: int = PRIOR_CHECKS, *, min_similarity: float = MIN_SIMILARITY
) -> list[PriorCheck]:
    """Reference fact-checks that look like a stored claim ("previously fact-checked"),
    best first; weak look-alikes are left out."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"limit must be between 1 and {MAX_LIMIT}", fields={"limit": "out of range"})
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id} not found")
    if not claim.text.strip():
        return []
    out = []
    for c in _ranked(session, claim.text, limit, kinds=("factcheck",), config=DEFAULT_RESCORE):
        similarity = max(c.feature("token_set"), c.feature("title"), c.feature("coverage"))
        if similarity < min_similarity:
            continue
        hit: Hit = c.key
        out.append(
            PriorCheck(
                hit.id,
                hit.external_id,
                hit.text,
                hit.title,
                hit.rating,
                hit.url,
                hit.publisher,
                round(c.score, 4),
                round(similarity, 4),
                c.reasons,
            )
        )
    return out


def get_factcheck(session: Session, factcheck_id: int) -> FactCheck:
    row = session.get(FactCheck, factcheck_id)
    if row is None:
        raise NotFound(f"fact-check {factcheck_id} not found")
    return row
