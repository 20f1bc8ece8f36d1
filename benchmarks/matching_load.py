"""Bulk loading of a synthetic corpus and its matching index, for the benchmark.

The corpus tables (outlets, claimants, articles, claims, quantities) and the index
tables are written directly in large batches: executemany on SQLite, COPY on
PostgreSQL. The index rows are what the incremental path would hold after adding the claims one
by one: each claim's blocking keys, except that a key stops being stored once the
``max_df_ratio`` share of claims hold it (a claim keeps its rarest ``MIN_KEYS``
anyway), so a common key's frequency stays near that ceiling.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections import Counter
from datetime import UTC, datetime

from claimtrack.services.linking.index import LINKABLE_CLAIMS, MIN_KEYS, df_ceiling_ratio
from claimtrack.services.linking.settings import MatchSettings

NOW = datetime(2021, 6, 1, tzinfo=UTC)


def _ts(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def corpus_rows(articles: list, speakers: dict[str, int], outlets: dict[str, int]) -> dict[str, list[tuple]]:
    """Rows of the corpus tables; claim ids run from 1 in article order."""
    rows: dict[str, list[tuple]] = {
        "outlets": [(i, name) for name, i in outlets.items()],
        "claimants": [(i, name, "person", _ts(NOW)) for name, i in speakers.items()],
        "articles": [],
        "claims": [],
        "quantities": [],
    }
    claim_id = quantity_id = 0
    for article_id, art in enumerate(articles, 1):
        body = "\n\n".join(c[0] for c in art["claims"])
        digest = hashlib.sha256(f"{article_id}\x1f{body}".encode()).hexdigest()
        rows["articles"].append(
            (
                article_id,
                art["title"],
                outlets[art["outlet"]],
                _ts(art["published"]),
                body,
                digest,
                "txt",
                f"synthetic/{article_id}",
                _ts(NOW),
            )
        )
        offset = 0
        for text, speaker, quantities in art["claims"]:
            claim_id += 1
            rows["claims"].append(
                (
                    claim_id,
                    article_id,
                    offset,
                    offset + len(text),
                    text,
                    "reported",
                    speakers.get(speaker) if speaker else None,
                    0.5,
                    "unreviewed",
                    1,
                    _ts(NOW),
                    _ts(NOW),
                )
            )
            offset += len(text) + 2
            for q in quantities:
                quantity_id += 1
                rows["quantities"].append((quantity_id, claim_id, *q, "count", "level"))
    return rows


def index_rows(
    keys: list[tuple[str, ...]], features: list[str], terms: list[list[str]], settings: MatchSettings
) -> dict:
    """Rows of the index tables for claims 1..len(keys) and articles 1..len(terms)."""
    total = len(keys)
    df = Counter(k for claim_keys in keys for k in claim_keys)
    ceiling = max(1.0, df_ceiling_ratio(total, settings) * total)
    key_ids = {key: i for i, key in enumerate(sorted(df), 1)}
    postings, entries, kept = [], [], Counter()
    for claim_id, claim_keys in enumerate(keys, 1):
        # As claims arrive one by one, a key stops being stored once it is too common,
        # except among a claim's rarest few: its frequency stays near the ceiling.
        rarest = set(sorted(claim_keys, key=lambda k: df[k])[:MIN_KEYS])
        held = sorted(key_ids[k] for k in claim_keys if kept[key_ids[k]] < ceiling or k in rarest)
        kept.update(held)
        postings.extend((key_id << 32) | claim_id for key_id in held)
        entries.append((claim_id, 1, True, json.dumps(held), features[claim_id - 1], _ts(NOW)))
    postings.sort()
    return {
        "match_keys": [(i, key, kept[i]) for key, i in key_ids.items() if kept[i]],
        "match_postings": postings,
        "match_claims": entries,
        "match_articles": [(i, json.dumps(t)) for i, t in enumerate(terms, 1)],
        "match_stats": [(LINKABLE_CLAIMS, total)],
    }


COLUMNS = {
    "outlets": "id, name",
    "claimants": "id, name, kind, created_at",
    "articles": "id, title, outlet_id, published_at, body, content_hash, source_format, source_name, imported_at",
    "claims": "id, article_id, start_offset, end_offset, text, kind, claimant_id, checkworthiness, status, "
    "version, created_at, updated_at",
    "quantities": "id, claim_id, text, value, low, high, approx, change, unit, kind, role",
    "match_keys": "id, key, df",
    "match_postings": "key_id, claim_id",
    "match_claims": "claim_id, claim_version, linkable, key_ids, features, indexed_at",
    "match_articles": "article_id, story_terms",
    "match_stats": "name, value",
}


def _postings(packed: list[int]):
    mask = (1 << 32) - 1
    return ((p >> 32, p & mask) for p in packed)


def load_sqlite(engine, tables: dict[str, list]) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA foreign_keys=OFF")
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("PRAGMA cache_size=-1000000")
        # Per-row triggers (full-text search upkeep) are not what this benchmark measures:
        # set them aside while loading, as on PostgreSQL.
        triggers = cur.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('claims', 'articles')"
        ).fetchall()
        for name, _ in triggers:
            cur.execute(f"DROP TRIGGER {name}")
        for table, rows in tables.items():
            cols = COLUMNS[table]
            marks = ", ".join("?" for _ in cols.split(","))
            data = _postings(rows) if table == "match_postings" else rows
            cur.execute("BEGIN")
            cur.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", data)
            cur.execute("COMMIT")
        for _, sql in triggers:
            cur.execute(sql)
        cur.execute("ANALYZE")
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


_PG_POSTING_CONSTRAINTS = (
    ("pk_match_postings", "PRIMARY KEY (key_id, claim_id)"),
    ("fk_match_postings_key_id_match_keys", "FOREIGN KEY (key_id) REFERENCES match_keys (id)"),
    ("fk_match_postings_claim_id_claims", "FOREIGN KEY (claim_id) REFERENCES claims (id)"),
)


def load_postgresql(engine, tables: dict[str, list]) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        # Per-row triggers (full-text search upkeep) are not what this benchmark measures.
        cur.execute("ALTER TABLE claims DISABLE TRIGGER USER")
        cur.execute("ALTER TABLE articles DISABLE TRIGGER USER")
        if "match_postings" in tables:
            for name, _ in reversed(_PG_POSTING_CONSTRAINTS):
                cur.execute(f"ALTER TABLE match_postings DROP CONSTRAINT {name}")
        for table, rows in tables.items():
            data = _postings(rows) if table == "match_postings" else rows
            with cur.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
                buf = io.StringIO()
                for n, row in enumerate(data, 1):
                    buf.write("\t".join(_pg_value(v) for v in row))
                    buf.write("\n")
                    if n % 100_000 == 0:
                        copy.write(buf.getvalue())
                        buf = io.StringIO()
                copy.write(buf.getvalue())
        if "match_postings" in tables:
            for name, definition in _PG_POSTING_CONSTRAINTS:
                cur.execute(f"ALTER TABLE match_postings ADD CONSTRAINT {name} {definition}")
        cur.execute("ALTER TABLE claims ENABLE TRIGGER USER")
        cur.execute("ALTER TABLE articles ENABLE TRIGGER USER")
        for table in ("outlets", "claimants", "articles", "claims", "quantities", "match_keys"):
            if table in tables:
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT COALESCE(max(id), 1) FROM {table}))"
                )
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def _pg_value(value: object) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
