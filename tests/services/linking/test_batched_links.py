"""The batched pass of a bulk import (candidates read for an article's claims at once,
features handed over as stored, no read of links for claims just inserted) suggests
exactly the links the per-claim pass (``related.index_article``) suggests, with the same
scores, relations, numeric verdicts and reasons, on the fixture articles."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.ingest.prepare import prepare
from claimtrack.models import Article, Claim, ClaimLink, MatchStat
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.articles.bulk_import import collect
from claimtrack.services.articles.importing import import_article
from claimtrack.services.linking import related
from claimtrack.services.linking.fresh_index import PENDING

from ...conftest import FIXTURES


def _links(engine) -> dict[tuple, tuple]:
    """Every stored link, keyed by where its claims are (file, offset), not by their ids."""
    with session_scope(engine) as s:
        where = {
            cid: (name, start)
            for cid, name, start in s.exec(
                select(Claim.id, Article.source_name, Claim.start_offset).join(Article)
            ).all()
        }
        return {
            (where[link.claim_a_id], where[link.claim_b_id]): (
                link.score,
                link.relation,
                link.numeric,
                tuple(link.reasons),
                link.state,
            )
            for link in s.exec(select(ClaimLink)).all()
        }


def _per_claim_pass(engine) -> None:
    """Import the fixtures one by one, each article's links found the old way: its claims
    indexed afresh, looked up, and the existing links between the pairs read."""
    for item in collect([FIXTURES / "articles"]):
        prepared = prepare(item.article, max_body_chars=2_000_000)
        with session_scope(engine) as s:
            outcome = import_article(s, Actor.system("test"), prepared, links_later=True)
            related.suggest_for_article(s, outcome.article_id)
            s.execute(sa.delete(MatchStat).where(MatchStat.name == f"{PENDING}{outcome.article_id}"))


def test_the_batched_pass_suggests_the_same_links_as_the_per_claim_pass(corpus_engine, engine):
    _per_claim_pass(engine)
    batched, per_claim = _links(corpus_engine), _links(engine)
    assert len(batched) >= 50
    assert batched.keys() == per_claim.keys()
    assert {k: v for k, v in batched.items() if per_claim[k] != v} == {}
