"""Full-text candidate retrieval over reference fact-checks and stored claims.

SQLite ranks with FTS5 ``bm25()``; PostgreSQL with ``ts_rank`` over tsvector tables
(GIN indexed). Both search objects are created by the migrations and kept in step by
triggers, so every writer (bulk import included) is covered. Scores are returned as
"higher is better" numbers, comparable within one query only.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

# FTS5 column weights (claim text, headline): a headline restates the claim loosely.
TITLE_WEIGHT = 0.5


@dataclass(slots=True)
class Hit:
    kind: str  # "factcheck" | "claim"
    id: int
    external_id: str | None
    text: str
    title: str
    rating: str | None
    url: str | None
    retrieval: float
    claim_score: float = 0.0  # the same ranking over the claim text alone
    title_score: float = 0.0  # … and over the headline alone


def factcheck_hits(session: Session, terms: list[str], limit: int) -> list[Hit]:
    if not terms:
        return []
    if _dialect(session) == "postgresql":
        # Rank every match once; the per-field ranks only for the few kept.
        sql = text(
            "SELECT f.id, f.external_id, f.claim_text, f.title, f.rating, f.url, r.score, "
            "ts_rank('{0, 0, 0, 1}', r.document, r.q, 1), ts_rank('{0, 0, 1, 0}', r.document, r.q, 1) "
            "FROM (SELECT s.factcheck_id, s.document, q, ts_rank(s.document, q, 1) AS score "
            "      FROM factcheck_search s, to_tsquery('english', :q) q WHERE s.document @@ q "
            "      ORDER BY score DESC, s.factcheck_id LIMIT :n) r "
            "JOIN factchecks f ON f.id = r.factcheck_id ORDER BY r.score DESC, f.id")
        params = {"q": " | ".join(terms), "n": limit}
    else:
        sql = text(
            "SELECT f.id, f.external_id, f.claim_text, f.title, f.rating, f.url, "
            "-bm25(factchecks_fts, 1.0, :tw) AS score, "
            "-bm25(factchecks_fts, 1.0, 0.0), -bm25(factchecks_fts, 0.0, 1.0) "
            "FROM factchecks_fts JOIN factchecks f ON f.id = factchecks_fts.rowid "
            "WHERE factchecks_fts MATCH :q ORDER BY bm25(factchecks_fts, 1.0, :tw) LIMIT :n")
        params = {"q": _fts5_query(terms), "n": limit, "tw": TITLE_WEIGHT}
    return [Hit("factcheck", r[0], r[1], r[2], r[3] or "", r[4], r[5], float(r[6]), float(r[7]), float(r[8]))
            for r in session.execute(sql, params)]


def claim_hits(session: Session, terms: list[str], limit: int, *, exclude_id: int | None = None) -> list[Hit]:
    """Stored article claims (dismissed ones left out), with their latest published
    verdict's rating and the article's URL."""
    if not terms:
        return []
    if _dialect(session) == "postgresql":
        ranked = ("SELECT c.id, ts_rank(s.document, q, 1) AS score "
                  "FROM claim_search s JOIN claims c ON c.id = s.claim_id, to_tsquery('english', :q) q "
                  "WHERE s.document @@ q AND c.status <> 'dismissed' AND c.id <> :ex "
                  "ORDER BY score DESC, c.id LIMIT :n")
        query = " | ".join(terms)
    else:
        ranked = ("SELECT c.id, -bm25(claims_fts) AS score "
                  "FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
                  "WHERE claims_fts MATCH :q AND c.status <> 'dismissed' AND c.id <> :ex "
                  "ORDER BY bm25(claims_fts) LIMIT :n")
        query = _fts5_query(terms)
    sql = text(
        "SELECT r.id, c.text, a.title, a.url, r.score, "  # noqa: S608  # nosec B608 - fixed SQL only; user text is bound
        "(SELECT v.rating FROM verdicts v WHERE v.claim_id = r.id AND v.state = 'published' "
        " ORDER BY v.published_at DESC, v.id DESC LIMIT 1) AS rating "
        f"FROM ({ranked}) r JOIN claims c ON c.id = r.id JOIN articles a ON a.id = c.article_id "
        "ORDER BY r.score DESC, r.id")
    rows = session.execute(sql, {"q": query, "n": limit, "ex": exclude_id if exclude_id is not None else -1})
    # A claim's own text is the thing matched; the article headline is context only,
    # so it is not offered to the headline feature.
    return [Hit("claim", r[0], None, r[1], "", r[5], r[3], float(r[4]), float(r[4])) for r in rows]


def _fts5_query(terms: list[str]) -> str:
    # Each term quoted: FTS5 operators and column filters in user text stay literal.
    return " OR ".join(f'"{t}"' for t in terms)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name
