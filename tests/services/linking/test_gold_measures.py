"""Numeric verdicts on our own gold pairs (fixtures/gold/measure-links.json over the
articles in fixtures/measure/): every "different measure" rule has a trap that must
never be flagged a conflict, beside consistent and conflicting pairs of one measure."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlmodel import select

from claimtrack.db import make_engine, session_scope
from claimtrack.matching import compare
from claimtrack.models import Article, Claim, ClaimLink
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.articles.bulk_import import collect, import_items
from claimtrack.services.linking import index as match_index

from ...conftest import FIXTURES, PG_URL
from .gold import article_key, evaluate

GOLD = FIXTURES / "gold" / "measure-links.json"
PAIRS = json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measure_engine(_db_factory, tmp_path_factory):
    if PG_URL:
        name = _db_factory.create()
        url = _db_factory.url_for(name)
    else:
        path = tmp_path_factory.mktemp("measure") / "measure.db"
        shutil.copyfile(_db_factory, path)
        url = f"sqlite:///{path}"
    engine = make_engine(url)
    reports = list(
        import_items(engine, Actor.system("test"), collect([FIXTURES / "measure"]), max_body_chars=2_000_000, workers=1)
    )
    assert [r.error for r in reports if r.error] == [] and len(reports) == 3
    yield engine
    engine.dispose()
    if PG_URL:
        _db_factory.drop(name)


def _claim(session, end: dict) -> Claim:
    article = next(a for a in session.exec(select(Article)).all() if article_key(a) == (end["article"], end["line"]))
    at = article.body.find(end["anchor"])
    assert at >= 0, end["anchor"]
    (claim,) = [
        c
        for c in session.exec(select(Claim).where(Claim.article_id == article.id)).all()
        if c.start_offset <= at and at + len(end["anchor"]) <= c.end_offset
    ]
    return claim


def _stored(session, gold: dict) -> tuple[ClaimLink | None, object]:
    a, b = _claim(session, gold["a"]), _claim(session, gold["b"])
    low, high = sorted((a.id, b.id))
    link = session.exec(select(ClaimLink).where(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high)).first()
    records = match_index.load_records(session, [a.id, b.id])
    return link, compare(records[a.id], records[b.id])


def test_every_rule_has_a_trap_and_both_verdicts_have_pairs():
    traps = [g for g in PAIRS if g["trap"]]
    assert len(traps) >= 8 and all(g["numeric"] == "different" for g in traps)
    assert {g["numeric"] for g in PAIRS if not g["trap"]} == {"consistent", "conflict"}


def test_gold_numeric_verdicts_and_recall(measure_engine):
    with session_scope(measure_engine) as session:
        figures = evaluate(session, GOLD)
    print("\n" + figures.report())
    assert figures.unmapped == []
    assert figures.recall == 1.0
    assert figures.numeric_accuracy == 1.0
    assert figures.off_topic_links == 0


@pytest.mark.parametrize("gold", [g for g in PAIRS if g["trap"]], ids=lambda g: g["note"][:40])
def test_traps_are_never_a_conflict(measure_engine, gold):
    with session_scope(measure_engine) as session:
        link, found = _stored(session, gold)
    assert link is None or link.numeric != "conflict", link.reasons
    assert found is not None and found.verdict == "different" and found.note
    if link is not None:
        assert link.reasons[0].startswith("different measures, not compared: ")


@pytest.mark.parametrize("gold", [g for g in PAIRS if not g["trap"]], ids=lambda g: g["note"][:40])
def test_pairs_of_one_measure_say_what_was_compared(measure_engine, gold):
    with session_scope(measure_engine) as session:
        link, found = _stored(session, gold)
    assert link is not None and found is not None
    assert (link.numeric, found.verdict) == (gold["numeric"], gold["numeric"])
    assert "(compared " in link.reasons[0]
