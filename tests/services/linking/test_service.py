"""The related-claims service: reading links for the panel, deciding on them, audit."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.errors import NotFound, PermissionDenied, ValidationError
from claimtrack.models import AuditEvent, Claim, ClaimLink, MatchClaim, User
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.linking import related
from claimtrack.services.linking.settings import MatchSettings

from ...conftest import FIXTURES
from ...helpers import make_user
from .conftest import import_fixture

ARTICLES = FIXTURES / "articles"


@pytest.fixture
def two_articles(engine):
    import_fixture(engine, "iraq-withdrawal-nbc.txt")
    import_fixture(engine, "iraq-delegation-wire.txt")
    return engine


def reviewer(engine, name: str = "rita", role: str = "reviewer") -> Actor:
    user_id = make_user(engine, name, role)
    with session_scope(engine) as s:
        return Actor.of(s.get(User, user_id))


def claim_with(session, fragment: str) -> Claim:
    return session.exec(select(Claim).where(Claim.text.contains(fragment), Claim.repeat_of_id.is_(None))).one()


def test_related_claims_come_best_first_with_their_context(corpus_engine):
    with session_scope(corpus_engine) as s:
        claim = claim_with(s, "the 6,000 or so American troops in Iraq")
        items = related.related_for_claim(s, claim.id, limit=10)
        assert items and len(items) <= 10
        assert [i.score for i in items] == sorted((i.score for i in items), reverse=True)
        wire = next(i for i in items if "some 5,200 American troops" in i.claim.text)
        assert (wire.relation, wire.numeric, wire.state) == ("same", "conflict", "suggested")
        assert wire.link_id is not None and wire.outlet_name == "Meridian Wire"
        assert wire.article.id == wire.claim.article_id != claim.article_id
        assert wire.reasons and wire.reasons[0].startswith("numbers conflict")
        for item in items:
            link = s.get(ClaimLink, item.link_id)
            assert {link.claim_a_id, link.claim_b_id} == {claim.id, item.claim.id}
        assert len(related.related_for_claim(s, claim.id, limit=2)) == 2


def test_unknown_claim_and_bad_limit_are_refused(corpus_engine):
    with session_scope(corpus_engine) as s:
        with pytest.raises(NotFound, match="no claim #999999"):
            related.related_for_claim(s, 999_999)
        with pytest.raises(ValidationError):
            related.related_for_claim(s, 1, limit=0)


def test_a_repeat_shows_the_links_of_the_claim_it_repeats(corpus_engine):
    with session_scope(corpus_engine) as s:
        repeat = s.exec(select(Claim).where(Claim.repeat_of_id.is_not(None))).first()
        original = related.related_for_claim(s, repeat.repeat_of_id)
        assert original
        assert [i.link_id for i in related.related_for_claim(s, repeat.id)] == [i.link_id for i in original]


def test_min_score_searches_the_index_afresh(corpus_engine):
    with session_scope(corpus_engine) as s:
        claim = claim_with(s, "the 6,000 or so American troops in Iraq")
        stored = related.related_for_claim(s, claim.id, limit=50)
        wider = related.related_for_claim(s, claim.id, limit=50, min_score=0.2)
        assert {i.claim.id for i in stored} <= {i.claim.id for i in wider}
        fresh = [i for i in wider if i.link_id is None]
        assert fresh and all(0.2 <= i.score < MatchSettings().min_score + 0.1 for i in fresh)
        assert all(i.state == "suggested" for i in fresh)
        high = related.related_for_claim(s, claim.id, limit=50, min_score=0.5)
        assert high and all(i.score >= 0.5 for i in high)


def test_confirming_a_link_is_audited(two_articles):
    actor = reviewer(two_articles)
    with session_scope(two_articles) as s:
        link = s.exec(select(ClaimLink).order_by(ClaimLink.score.desc())).first()
        decided = related.decide_link(s, actor, link.id, "confirmed")
        assert decided.state == "confirmed" and decided.decided_by_id == actor.user_id
        assert decided.decided_at is not None
        link_id = link.id
    with session_scope(two_articles) as s:
        (event,) = s.exec(select(AuditEvent).where(AuditEvent.entity_type == "claim_link")).all()
        assert (event.action, event.entity_id, event.user_id) == ("claim_link.confirm", link_id, actor.user_id)
        assert event.before["state"] == "suggested" and event.before["decided_by_id"] is None
        assert event.after["state"] == "confirmed" and event.after["decided_by_id"] == actor.user_id
        # Deciding the same way again changes nothing and records nothing.
        related.decide_link(s, actor, link_id, "confirmed")
    with session_scope(two_articles) as s:
        assert len(s.exec(select(AuditEvent).where(AuditEvent.entity_type == "claim_link")).all()) == 1


def test_a_dismissed_pair_is_never_suggested_again(two_articles):
    actor = reviewer(two_articles)
    with session_scope(two_articles) as s:
        link = s.exec(select(ClaimLink).order_by(ClaimLink.score.desc())).first()
        pair = (link.claim_a_id, link.claim_b_id)
        related.decide_link(s, actor, link.id, "dismissed")
    with session_scope(two_articles) as s:
        assert pair[1] not in {i.claim.id for i in related.related_for_claim(s, pair[0], limit=50)}
        wider = related.related_for_claim(s, pair[0], limit=50, min_score=0.0)
        assert pair[1] not in {i.claim.id for i in wider}
        # Re-indexing and re-suggesting both claims, or their whole articles, leaves it dismissed.
        related.refresh_claims(s, pair)
        for claim_id in pair:
            related.suggest_for_article(s, s.get(Claim, claim_id).article_id)
    with session_scope(two_articles) as s:
        (again,) = s.exec(
            select(ClaimLink).where(ClaimLink.claim_a_id == pair[0], ClaimLink.claim_b_id == pair[1])
        ).all()
        assert again.state == "dismissed"
        assert pair not in {(link.a.claim_id, link.b.claim_id) for link in related.all_links(s)}
    import_fixture(two_articles, "iraq-withdrawal-courier.json")
    with session_scope(two_articles) as s:
        states = {
            link.state
            for link in s.exec(
                select(ClaimLink).where(ClaimLink.claim_a_id == pair[0], ClaimLink.claim_b_id == pair[1])
            ).all()
        }
        assert states == {"dismissed"}


def test_a_confirmed_link_is_not_overwritten_by_later_suggestions(two_articles):
    actor = reviewer(two_articles)
    with session_scope(two_articles) as s:
        link = s.exec(select(ClaimLink).order_by(ClaimLink.score.desc())).first()
        related.decide_link(s, actor, link.id, "confirmed")
        pair, link_id = (link.claim_a_id, link.claim_b_id), link.id
    with session_scope(two_articles) as s:
        related.refresh_claims(s, pair, MatchSettings(min_score=0.99))
    with session_scope(two_articles) as s:
        link = s.get(ClaimLink, link_id)
        assert (link.state, link.decided_by_id) == ("confirmed", actor.user_id)


def test_decisions_are_checked(two_articles):
    actor = reviewer(two_articles)
    viewer = reviewer(two_articles, "vic", "viewer")
    with session_scope(two_articles) as s:
        link_id = s.exec(select(ClaimLink.id)).first()
        for state in ("suggested", "approved", ""):
            with pytest.raises(ValidationError, match="confirmed or dismissed"):
                related.decide_link(s, actor, link_id, state)
        with pytest.raises(NotFound, match="no claim link #999999"):
            related.decide_link(s, actor, 999_999, "confirmed")
        with pytest.raises(PermissionDenied):
            related.decide_link(s, viewer, link_id, "dismissed")
        assert s.get(ClaimLink, link_id).state == "suggested"


def test_all_links_lists_suggested_and_confirmed_links_with_both_claims(two_articles):
    actor = reviewer(two_articles)
    with session_scope(two_articles) as s:
        ordered = s.exec(select(ClaimLink).order_by(ClaimLink.id)).all()
        related.decide_link(s, actor, ordered[0].id, "dismissed")
        related.decide_link(s, actor, ordered[1].id, "confirmed")
        views = list(related.all_links(s, batch=3))
        assert [v.link_id for v in views] == [link.id for link in ordered[1:]]
        assert views[0].state == "confirmed"
        doc = views[0].to_dict()
        assert set(doc) == {"a", "b", "score", "relation", "numeric", "state", "reasons"}
        assert set(doc["a"]) == {"claim_id", "article_id", "text", "speaker"}
        assert doc["a"]["claim_id"] < doc["b"]["claim_id"]
        assert doc["a"]["article_id"] != doc["b"]["article_id"]
        assert any(v.a.speaker or v.b.speaker for v in views)
        assert [v.link_id for v in related.all_links(s, states=("dismissed",))] == [ordered[0].id]


def test_a_merged_claim_leaves_matching_and_its_suggestions_go(two_articles):
    rita = reviewer(two_articles)
    with session_scope(two_articles) as s:
        troops = claim_with(s, "the 6,000 or so American troops in Iraq")
        other = claim_with(s, "That coalition stood down")
        assert troops.article_id == other.article_id
        decided = related.related_for_claim(s, other.id)
        assert decided, "the fixture gives the absorbed claim suggestions of its own"
        kept = related.decide_link(s, rita, decided[0].link_id, "confirmed")
    with session_scope(two_articles) as s:
        from claimtrack.services.review import claims

        a, b = s.get(Claim, troops.id), s.get(Claim, other.id)
        claims.merge(s, rita, a.id, b.id, version=a.version, other_version=b.version)
    with session_scope(two_articles) as s:
        entry = s.get(MatchClaim, other.id)
        assert entry is not None and entry.linkable is False
        left = related.related_for_claim(s, other.id)
        # Only the link a reviewer confirmed stays; the survivor is still matched.
        assert [(i.link_id, i.state) for i in left] == [(kept.id, "confirmed")]
        assert related.related_for_claim(s, troops.id)
        # A later re-index of every claim keeps it out.
        related.reindex_all(s)
        assert s.get(MatchClaim, other.id).linkable is False
        assert [i.link_id for i in related.related_for_claim(s, other.id)] == [kept.id]
