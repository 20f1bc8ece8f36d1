"""Full-text candidate retrieval over reference fact-checks and stored claims.

Fact-checks are ranked by BM25 on both databases, the headline's term counts weighted
against the claim's (BM25F): SQLite with FTS5 ``bm25()``, PostgreSQL with the same
formula computed over the tsvector table (claim text weight A, headline B), because
``ts_rank`` has no inverse document frequency and ranks a pasted tweet's common words
as highly as its rare ones. Stored claims are ranked by ``bm25()`` / ``ts_rank``. The
search objects are created by the migrations and kept in step by triggers, so every
writer (bulk import included) is covered. Scores are "higher is better" numbers,
comparable within one query only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

# Headline term counts relative to the claim text's (chosen on the CheckThat! train split).
TITLE_WEIGHT = 1.0
# FTS5's fixed BM25 parameters, reproduced on PostgreSQL.
K1, B = 1.2, 0.75
# PostgreSQL: documents are gathered through the query's rarer terms only (in at most
# this share of fact-checks, or this many, and at least the three rarest); every term
# still scores. A document holding nothing but common words never reaches the top
# anyway, and gathering it would cost most of the time.
RARE_SHARE = 0.02
RARE_DOCS = 200
MIN_GATHER_TERMS = 3
SHORTLIST = 4  # times the candidates asked for: documents read in full and scored


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
    publisher: str | None = None


def factcheck_hits(session: Session, terms: list[str], limit: int, *, title_weight: float = TITLE_WEIGHT) -> list[Hit]:
    if not terms:
        return []
    if _dialect(session) == "postgresql":
        rows = _pg_factcheck_rows(session, terms, limit, title_weight)
    else:
        sql = text(
            "SELECT f.id, f.external_id, f.claim_text, f.title, f.rating, f.url, "
            "-bm25(factchecks_fts, 1.0, :tw) AS score, "
            "-bm25(factchecks_fts, 1.0, 0.0), -bm25(factchecks_fts, 0.0, 1.0), f.publisher "
            "FROM factchecks_fts JOIN factchecks f ON f.id = factchecks_fts.rowid "
            "WHERE factchecks_fts MATCH :q ORDER BY bm25(factchecks_fts, 1.0, :tw) LIMIT :n"
        )
        rows = session.execute(sql, {"q": _fts5_query(terms), "n": limit, "tw": title_weight})
    return [
        Hit("factcheck", r[0], r[1], r[2], r[3] or "", r[4], r[5], float(r[6]), float(r[7]), float(r[8]), r[9])
        for r in rows
    ]


_PG_DF = text(
    "SELECT lx, (SELECT count(*) FROM factcheck_search s WHERE s.document @@ to_tsquery('simple', quote_literal(lx))) "
    "FROM unnest(tsvector_to_array(to_tsvector('english', :words))) lx"
)
_PG_BM25 = text(
    "SELECT f.id, f.external_id, f.claim_text, f.title, f.rating, f.url, r.score, r.claim_score, r.title_score, "
    "f.publisher "
    "FROM (SELECT x.id, "
    "  sum(x.idf * (x.tf_a + :tw * x.tf_b) * (:k1 + 1) / (x.tf_a + :tw * x.tf_b + x.norm)) AS score, "
    "  sum(x.idf * x.tf_a * (:k1 + 1) / (x.tf_a + x.norm)) AS claim_score, "
    "  sum(x.idf * x.tf_b * (:k1 + 1) / (x.tf_b + x.norm)) AS title_score "
    "  FROM (SELECT s.factcheck_id AS id, t.idf, "
    "          :k1 * (1 - :b + :b * length(s.document) / :avgdl) AS norm, "
    "          coalesce(cardinality(array_positions(u.weights, 'A')), 0) AS tf_a, "
    "          coalesce(cardinality(array_positions(u.weights, 'B')), 0) AS tf_b "
    # One index look-up per gathering term (an OR of them all is estimated to hold so
    # many rows that the planner would test every document instead); only the documents
    # whose shared rare terms weigh most are read in full and scored.
    "        FROM (SELECT m.factcheck_id FROM unnest(CAST(:gather AS text[]), CAST(:gather_idfs AS float8[])) g(lx, idf) "
    "              CROSS JOIN LATERAL (SELECT factcheck_id FROM factcheck_search "
    "                                  WHERE document @@ to_tsquery('simple', quote_literal(g.lx))) m "
    "              GROUP BY m.factcheck_id ORDER BY sum(g.idf) DESC, m.factcheck_id LIMIT :shortlist) ids "
    "        JOIN factcheck_search s ON s.factcheck_id = ids.factcheck_id CROSS JOIN LATERAL unnest(s.document) u "
    "        JOIN unnest(CAST(:lexemes AS text[]), CAST(:idfs AS float8[])) AS t(lx, idf) ON t.lx = u.lexeme) x "
    "  GROUP BY x.id ORDER BY score DESC, x.id LIMIT :n) r "
    "JOIN factchecks f ON f.id = r.id ORDER BY r.score DESC, f.id"
)
_pg_stats: dict[str, tuple[int, float]] = {}


def _pg_factcheck_rows(session: Session, terms: list[str], limit: int, title_weight: float) -> list:
    total, avgdl = _pg_corpus_stats(session)
    # The query's lexemes (stemmed by the same configuration as the documents) and how
    # many fact-checks hold each: a few index look-ups.
    dfs = sorted(
        ((lx, df) for lx, df in session.execute(_PG_DF, {"words": " ".join(terms)}) if df),
        key=lambda item: (item[1], item[0]),
    )
    if not dfs:
        return []
    gather = [lx for lx, df in dfs if df <= max(RARE_SHARE * total, RARE_DOCS)]
    if len(gather) < MIN_GATHER_TERMS:
        gather = [lx for lx, _ in dfs[:MIN_GATHER_TERMS]]
    # FTS5's idf: log((N - n + 0.5) / (n + 0.5)), floored just above zero.
    idf = {lx: max(math.log((total - df + 0.5) / (df + 0.5)), 1e-6) for lx, df in dfs}
    return list(
        session.execute(
            _PG_BM25,
            {
                "lexemes": list(idf),
                "idfs": list(idf.values()),
                "gather": gather,
                "gather_idfs": [idf[lx] for lx in gather],
                "shortlist": SHORTLIST * limit,
                "avgdl": avgdl,
                "k1": K1,
                "b": B,
                "tw": title_weight,
                "n": limit,
            },
        )
    )


def _pg_corpus_stats(session: Session) -> tuple[int, float]:
    """Number of fact-checks and their mean length. The mean reads every document, so it
    is kept per database and recomputed only when the number of fact-checks changes."""
    total = session.execute(text("SELECT count(*) FROM factcheck_search")).scalar_one()
    key = session.get_bind().url.render_as_string(hide_password=True)
    cached = _pg_stats.get(key)
    if cached is None or cached[0] != total:
        mean = session.execute(text("SELECT avg(length(document)) FROM factcheck_search")).scalar_one()
        cached = _pg_stats[key] = (total, float(mean or 1.0) or 1.0)
    return cached


def claim_hits(session: Session, terms: list[str], limit: int, *, exclude_id: int | None = None) -> list[Hit]:
    """Stored article claims (dismissed ones left out), with their latest published
    verdict's rating and the article's URL."""
    if not terms:
        return []
    if _dialect(session) == "postgresql":
        ranked = (
            "SELECT c.id, ts_rank(s.document, q, 1) AS score "
            "FROM claim_search s JOIN claims c ON c.id = s.claim_id, to_tsquery('english', :q) q "
            "WHERE s.document @@ q AND c.status NOT IN ('dismissed', 'merged') AND c.id <> :ex "
            "ORDER BY score DESC, c.id LIMIT :n"
        )
        query = " | ".join(terms)
    else:
        ranked = (
            "SELECT c.id, -bm25(claims_fts) AS score "
            "FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
            "WHERE claims_fts MATCH :q AND c.status NOT IN ('dismissed', 'merged') AND c.id <> :ex "
            "ORDER BY bm25(claims_fts) LIMIT :n"
        )
        query = _fts5_query(terms)
    sql = text(
        "SELECT r.id, c.text, a.title, a.url, r.score, "  # noqa: S608  # nosec B608 - fixed SQL only; user text is bound
        "(SELECT v.rating FROM verdicts v WHERE v.claim_id = r.id AND v.state = 'published' "
        " ORDER BY v.published_at DESC, v.id DESC LIMIT 1) AS rating "
        f"FROM ({ranked}) r JOIN claims c ON c.id = r.id JOIN articles a ON a.id = c.article_id "
        "ORDER BY r.score DESC, r.id"
    )
    rows = session.execute(sql, {"q": query, "n": limit, "ex": exclude_id if exclude_id is not None else -1})
    # A claim's own text is the thing matched; the article headline is context only,
    # so it is not offered to the headline feature.
    return [Hit("claim", r[0], None, r[1], "", r[5], r[3], float(r[4]), float(r[4])) for r in rows]


def _fts5_query(terms: list[str]) -> str:
    # Each term quoted: FTS5 operators and column filters in user text stay literal.
    return " OR ".join(f'"{t}"' for t in terms)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name
