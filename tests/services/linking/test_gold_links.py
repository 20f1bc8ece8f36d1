"""Link quality on the fixture corpus, measured against the hand-written gold links
(fixtures/gold/links.json). The thresholds are what the matcher reaches today; the
figures and every miss are printed (run with -s to see them)."""

from __future__ import annotations

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Article, Claim, ClaimLink

from ...conftest import FIXTURES
from .gold import OFF_TOPIC, article_key, evaluate

GOLD = FIXTURES / "gold" / "links.json"


def _claim(session, fragment: str) -> Claim:
    (claim,) = session.exec(select(Claim).where(Claim.text.contains(fragment), Claim.repeat_of_id.is_(None))).all()
    return claim


def _link(session, a: Claim, b: Claim) -> ClaimLink | None:
    low, high = sorted((a.id, b.id))
    return session.exec(select(ClaimLink).where(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high)).first()


def test_gold_precision_recall_and_verdicts(corpus_engine):
    with session_scope(corpus_engine) as session:
        figures = evaluate(session, GOLD)
    print("\n" + figures.report())
    assert figures.unmapped == []
    assert figures.gold_pairs >= 50 and figures.positives >= 40
    assert figures.off_topic_links == 0
    assert figures.precision == 1.0
    assert figures.recall >= 0.85
    assert figures.relation_accuracy >= 0.80
    assert figures.numeric_accuracy >= 0.95


def test_troop_counts_across_outlets(corpus_engine):
    with session_scope(corpus_engine) as session:
        nbc = _claim(session, "the 6,000 or so American troops in Iraq")
        wire = _claim(session, "some 5,200 American troops are based in Iraq")
        opinion = _claim(session, "roughly 6,000 service members in Iraq today")
        conflict, consistent = _link(session, nbc, wire), _link(session, nbc, opinion)
        assert (conflict.relation, conflict.numeric, conflict.state) == ("same", "conflict", "suggested")
        assert conflict.reasons[0] == (
            "numbers conflict: 6,000 or so American troops vs some 5,200 American "
            "troops (compared troops, United States, in Iraq)"
        )
        assert (consistent.relation, consistent.numeric) == ("same", "consistent")
        assert consistent.reasons[0].startswith("same number and unit: 6,000 troop (compared troops")


def test_troops_are_never_linked_to_the_carmakers_workers(corpus_engine):
    with session_scope(corpus_engine) as session:
        troops = _claim(session, "sending 3,000 more troops to the Middle East")
        workers = _claim(session, "the carmaker will hire 3,000 more workers")
        assert _link(session, troops, workers) is None
        off_topic = {a.id for a in session.exec(select(Article)).all() if article_key(a) in OFF_TOPIC}
        links = session.exec(
            select(ClaimLink).where((ClaimLink.claim_a_id == workers.id) | (ClaimLink.claim_b_id == workers.id))
        ).all()
        others = {session.get(Claim, link.claim_a_id + link.claim_b_id - workers.id).article_id for link in links}
        assert others <= off_topic
