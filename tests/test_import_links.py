"""A bulk import stores each article in one short transaction and its links in a second:
an article left without its links (the importer was killed in between) gets them from
the next import, and bulk imports of one story running side by side still link."""

from __future__ import annotations

import itertools
import threading

import sqlalchemy as sa
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.ingest import read_bytes
from claimtrack.ingest.prepare import prepare
from claimtrack.models import Claim, ClaimLink, MatchStat
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.articles.bulk_import import import_items
from claimtrack.services.articles.importing import import_article
from claimtrack.services.linking.fresh_index import PENDING

from .helpers import import_text

OUTLETS = ("Northern Ledger", "Harbour Times", "Valley Courier", "Capital Wire")
COUNTS = ("6,000 or so", "some 5,200", "roughly 6,000", "about 5,000")


def _article(n: int) -> str:
    return (
        f"Ferry crews strike over rota plan, report {n}\n\n"
        f"Union leaders in Portmere said on Friday that {COUNTS[n]} ferry workers would stop work "
        "on Monday over a new rota drawn up by the harbour authority.\n\n"
        f"Talks between the harbour authority and the ferry union about the rota resumed in "
        f"Portmere this week, the {OUTLETS[n]} was told.\n"
    )


def _item(n: int):
    (item,) = read_bytes(_article(n).encode(), where=f"ferry-{n}.txt", suffix=".txt", meta={"outlet": OUTLETS[n]})
    return item


def _linked_articles(engine) -> set[frozenset[int]]:
    with session_scope(engine) as s:
        article_of = dict(s.exec(select(Claim.id, Claim.article_id)).all())
        return {
            frozenset((article_of[link.claim_a_id], article_of[link.claim_b_id]))
            for link in s.exec(select(ClaimLink)).all()
        }


def _pending(engine) -> list[str]:
    with session_scope(engine) as s:
        return list(s.exec(select(MatchStat.name).where(MatchStat.name.like(f"{PENDING}%"))).all())


def test_an_article_stored_without_its_links_gets_them_from_the_next_import(engine):
    first = import_text(engine, _article(0), where="ferry-0.txt", outlet=OUTLETS[0])
    with session_scope(engine) as s:  # what a killed import leaves: the article, no links
        second = import_article(
            s, Actor.system("test"), prepare(_item(1).article, max_body_chars=100_000), links_later=True
        )
    assert _pending(engine) == [f"{PENDING}{second.article_id}"]
    assert frozenset((first.article_id, second.article_id)) not in _linked_articles(engine)

    reports = list(import_items(engine, Actor.system("test"), [_item(1)], max_body_chars=100_000, workers=1))

    assert [r.duplicate for r in reports] == [True]
    assert _pending(engine) == []
    assert frozenset((first.article_id, second.article_id)) in _linked_articles(engine)


def test_bulk_imports_of_one_story_side_by_side_link_to_each_other(engine):
    barrier = threading.Barrier(len(OUTLETS))
    articles, errors = {}, []

    def worker(n: int) -> None:
        barrier.wait()
        try:
            (report,) = import_items(engine, Actor.system("test"), [_item(n)], max_body_chars=100_000, workers=1)
            assert report.error is None, report.error
            articles[n] = report.article_id
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(len(OUTLETS))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    linked = _linked_articles(engine)
    missing = [pair for pair in itertools.combinations(sorted(articles.values()), 2) if frozenset(pair) not in linked]
    assert missing == []
    assert _pending(engine) == []
    with session_scope(engine) as s:  # one row per pair, whichever import found it first
        pairs = s.exec(select(ClaimLink.claim_a_id, ClaimLink.claim_b_id)).all()
        assert len(pairs) == len(set(pairs))
        assert s.exec(select(sa.func.count()).select_from(ClaimLink)).one() == len(pairs)


def test_a_packed_scoring_job_scores_the_same_as_the_job(engine):
    from sqlmodel import Session

    from claimtrack.services.linking import fresh_index
    from claimtrack.services.linking.settings import current

    import_text(engine, _article(0), where="ferry-0.txt", outlet=OUTLETS[0])
    with session_scope(engine) as s:
        outcome = import_article(
            s, Actor.system("test"), prepare(_item(2).article, max_body_chars=100_000), links_later=True
        )
    with Session(engine) as s:
        job = fresh_index.plan(s, outcome.indexed, current())
    rows = fresh_index.score(job)
    assert rows, "the two tellings of the strike should be linked"
    assert fresh_index.score_packed(fresh_index.pack(job)) == rows
