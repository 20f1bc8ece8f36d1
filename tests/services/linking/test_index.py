"""The matching index in the database: incremental upkeep, exact key frequencies, and
lookups that read only what the keys point at."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import event, func
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.matching.normalise import word_count
from claimtrack.models import Claim, ClaimLink, MatchArticle, MatchClaim, MatchKey, MatchPosting
from claimtrack.services.linking import index as match_index
from claimtrack.services.linking import related
from claimtrack.services.linking.settings import MatchSettings

from ...conftest import FIXTURES
from ...helpers import import_text
from .conftest import import_fixture

ARTICLES = FIXTURES / "articles"
SETTINGS = MatchSettings()


def check_frequencies(session) -> None:
    """df of every key equals its postings; the claim total equals the linkable entries;
    every entry lists exactly the keys it holds."""
    postings = session.exec(select(MatchPosting)).all()
    held = Counter(p.key_id for p in postings)
    for key in session.exec(select(MatchKey)).all():
        assert key.df == held.get(key.id, 0), key.key
    entries = session.exec(select(MatchClaim)).all()
    assert match_index.indexed_total(session) == sum(1 for e in entries if e.linkable)
    by_claim: dict[int, set[int]] = {}
    for p in postings:
        by_claim.setdefault(p.claim_id, set()).add(p.key_id)
    for entry in entries:
        assert set(entry.key_ids) == by_claim.get(entry.claim_id, set())


def links(session) -> set[tuple[int, int]]:
    return {(link.claim_a_id, link.claim_b_id) for link in session.exec(select(ClaimLink)).all()}


def test_import_indexes_every_claim_with_exact_frequencies(engine):
    first = import_fixture(engine, "iraq-withdrawal-nbc.txt")
    second = import_fixture(engine, "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        claims = s.exec(select(Claim)).all()
        entries = {e.claim_id: e for e in s.exec(select(MatchClaim)).all()}
        assert set(entries) == {c.id for c in claims}
        for claim in claims:
            linkable = claim.repeat_of_id is None and word_count(claim.text) >= SETTINGS.min_words
            assert entries[claim.id].linkable is linkable
            assert bool(entries[claim.id].key_ids) is linkable
            assert (entries[claim.id].features is not None) is linkable
            assert entries[claim.id].claim_version == claim.version
        assert any(c.repeat_of_id for c in claims)  # the NBC dek restated in the body
        contexts = {m.article_id: m.story_terms for m in s.exec(select(MatchArticle)).all()}
        assert set(contexts) == {first.article_id, second.article_id}
        assert {"iraq", "troop"} <= set(contexts[first.article_id])
        check_frequencies(s)


def test_suggestions_are_made_for_the_new_claims_only(engine):
    import_fixture(engine, "iraq-withdrawal-nbc.txt")
    with session_scope(engine) as s:
        assert links(s) == set()  # nothing to relate to yet
    wire = import_fixture(engine, "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        after_wire = links(s)
        wire_claims = set(s.exec(select(Claim.id).where(Claim.article_id == wire.article_id)).all())
    assert after_wire and all((a in wire_claims) != (b in wire_claims) for a, b in after_wire)
    courier = import_fixture(engine, "iraq-withdrawal-courier.json")
    with session_scope(engine) as s:
        new = links(s) - after_wire
        courier_claims = set(s.exec(select(Claim.id).where(Claim.article_id == courier.article_id)).all())
        assert links(s) >= after_wire
        assert new and all((a in courier_claims) != (b in courier_claims) for a, b in new)
        for link in s.exec(select(ClaimLink)).all():
            assert link.claim_a_id < link.claim_b_id and link.state == "suggested"
        check_frequencies(s)


def test_claims_of_one_article_and_short_texts_are_never_linked(corpus_engine):
    with session_scope(corpus_engine) as s:
        article_of = dict(s.exec(select(Claim.id, Claim.article_id)).all())
        text_of = dict(s.exec(select(Claim.id, Claim.text)).all())
        all_links = s.exec(select(ClaimLink)).all()
        assert all_links
        for link in all_links:
            assert article_of[link.claim_a_id] != article_of[link.claim_b_id]
            for claim_id in (link.claim_a_id, link.claim_b_id):
                assert word_count(text_of[claim_id]) >= SETTINGS.min_words


def test_a_duplicate_import_changes_nothing(engine):
    import_fixture(engine, "iraq-withdrawal-nbc.txt")
    import_fixture(engine, "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        before = (links(s), s.exec(select(func.count()).select_from(MatchPosting)).one())
    again = import_fixture(engine, "iraq-delegation-wire.txt")
    assert again.duplicate
    with session_scope(engine) as s:
        assert (links(s), s.exec(select(func.count()).select_from(MatchPosting)).one()) == before


def test_an_edited_claim_is_reindexed_on_request(engine):
    import_fixture(engine, "iraq-withdrawal-nbc.txt")
    import_fixture(engine, "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        claim = s.exec(select(Claim).where(Claim.text.contains("Some 5,200 American troops"))).first()
        claim = claim or s.exec(select(Claim).where(Claim.text.contains("some 5,200 American troops"))).one()
        old_keys = set(s.get(MatchClaim, claim.id).key_ids)
        claim.text = "Norland Motors said its Ohio plant would build electric pickup trucks next spring."
        claim.version += 1
        s.add(claim)
        claim_id = claim.id
    with session_scope(engine) as s:
        assert match_index.stale_claim_ids(s, 10) == [claim_id]
        assert related.reindex(s, SETTINGS) == 1
    with session_scope(engine) as s:
        assert match_index.stale_claim_ids(s, 10) == []
        assert related.reindex(s, SETTINGS) == 0
        assert set(s.get(MatchClaim, claim_id).key_ids) != old_keys
        check_frequencies(s)


def test_claims_stored_before_the_index_are_indexed_by_reindex(engine):
    import_fixture(engine, "iraq-withdrawal-nbc.txt")
    import_fixture(engine, "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        expected = links(s)
        ids = list(s.exec(select(Claim.id)).all())
        match_index.unindex_claims(s, ids)
        for link in s.exec(select(ClaimLink)).all():
            s.delete(link)
    with session_scope(engine) as s:
        assert match_index.indexed_total(s) == 0
        assert s.exec(select(func.sum(MatchKey.df))).one() == 0
        assert sorted(match_index.stale_claim_ids(s, 1000)) == sorted(ids)
        while related.reindex(s, SETTINGS, batch=7):
            pass
    with session_scope(engine) as s:
        check_frequencies(s)
        # The same pairs come back, whichever order the claims were indexed in.
        assert links(s) == expected


def test_unindexing_lowers_frequencies(engine):
    import_fixture(engine, "iraq-withdrawal-nbc.txt")
    with session_scope(engine) as s:
        total = match_index.indexed_total(s)
        some = list(s.exec(select(Claim.id).where(Claim.repeat_of_id.is_(None))).all())[:3]
        match_index.unindex_claims(s, some)
    with session_scope(engine) as s:
        assert match_index.indexed_total(s) == total - 3
        assert s.exec(select(func.count()).select_from(MatchPosting).where(MatchPosting.claim_id.in_(some))).one() == 0
        check_frequencies(s)


def test_stale_features_are_not_trusted(engine):
    """A claim edited after indexing is scored from its current text."""
    import_fixture(engine, "iraq-withdrawal-nbc.txt")
    with session_scope(engine) as s:
        claim = s.exec(select(Claim).where(Claim.text.contains("3,000 more troops"))).first()
        claim.text = "A completely different sentence about festival volunteers in Port Alder."
        claim.version += 1
        s.add(claim)
    with session_scope(engine) as s:
        record = match_index.load_records(s, [claim.id])[claim.id]
        assert "festival" in record.text
        from claimtrack.matching.normalise import tokens

        assert "festival" in tokens(record.text)


def test_lookup_reads_only_what_the_keys_point_at(corpus_engine):
    """Every statement of a lookup is bounded by ids or keys; on SQLite the query plans
    show index searches only, never a scan of claims or postings."""
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    with session_scope(corpus_engine) as s:
        claim = s.exec(select(Claim).where(Claim.text.contains("6,000 or so American troops"))).one()
        record = match_index.load_records(s, [claim.id])[claim.id]
        event.listen(corpus_engine, "before_cursor_execute", capture)
        try:
            found = match_index.find_related(s, record, SETTINGS, limit=10)
        finally:
            event.remove(corpus_engine, "before_cursor_execute", capture)
        assert found
        for statement, _ in statements:
            lowered = " ".join(statement.lower().split())
            if "from claims" in lowered or "from match_postings" in lowered:
                assert " where " in lowered, statement
        if corpus_engine.dialect.name != "sqlite":
            return
        conn = s.connection().connection.dbapi_connection
        for statement, parameters in statements:
            plan = conn.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            for row in plan:
                detail = row[-1]
                for table in ("claims", "match_postings", "match_keys", "match_claims", "quantities"):
                    assert not detail.startswith(f"SCAN {table}"), (statement, detail)


def test_short_claims_hold_no_postings(engine):
    outcome = import_text(engine, "Pentagon denies report\n\nMilley denied the report.\n", where="short.txt")
    with session_scope(engine) as s:
        claims = s.exec(select(Claim).where(Claim.article_id == outcome.article_id)).all()
        assert claims and all(word_count(c.text) < SETTINGS.min_words for c in claims)
        for claim in claims:
            entry = s.get(MatchClaim, claim.id)
            assert not entry.linkable and entry.key_ids == [] and entry.features is None
        assert s.exec(select(func.count()).select_from(MatchPosting)).one() == 0
        assert match_index.indexed_total(s) == 0


def test_an_edited_claim_loses_the_suggestions_that_no_longer_hold(engine):
    import_fixture(engine, "iraq-withdrawal-nbc.txt")
    import_fixture(engine, "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        claim = s.exec(select(Claim).where(Claim.text.contains("6,000 or so American troops"))).one()
        before = {pair for pair in links(s) if claim.id in pair}
        assert before
        claim.text = "Port Alder announced it was sending 3,000 more volunteers to the harbour festival."
        claim.version += 1
        s.add(claim)
        claim_id = claim.id
    with session_scope(engine) as s:
        related.refresh_claims(s, [claim_id], SETTINGS)
    with session_scope(engine) as s:
        assert {pair for pair in links(s) if claim_id in pair} == set()
        check_frequencies(s)
