"""A route under /claims/<id>/ acts only on links of that claim: a link id that joins two
other claims is not found there (404) and is left exactly as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import or_
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.errors import NotFound
from claimtrack.models import AuditEvent, ClaimLink
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.linking import related
from claimtrack.services.review import sources

from ..conftest import FIXTURES
from ..helpers import import_file
from .newsroom import newsroom  # noqa: F401 - fixture

HX = {"HX-Request": "true"}


@pytest.fixture
def foreign_link(engine, newsroom):  # noqa: F811
    """(link id, a claim of the example article the link does not touch)."""
    import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        link = s.exec(select(ClaimLink).order_by(ClaimLink.id)).first()
        assert link is not None, "the wire story should link to the example article"
        ends = {link.claim_a_id, link.claim_b_id}
        touching = {
            row
            for row in s.exec(
                select(ClaimLink.claim_a_id).where(or_(ClaimLink.claim_a_id.in_(ends), ClaimLink.claim_b_id.in_(ends)))
            )
        }
        other = next(c for c in newsroom.claims if c.id not in ends | touching and c.repeat_of_id is None)
        return link.id, link.state, other.id


def _state(engine, link_id: int) -> str:
    with session_scope(engine) as s:
        return s.get(ClaimLink, link_id).state


def _link_events(engine) -> int:
    with session_scope(engine) as s:
        return len(s.exec(select(AuditEvent).where(AuditEvent.entity_type == "claim_link")).all())


@pytest.mark.parametrize("headers", [HX, {}], ids=["htmx", "plain"])
@pytest.mark.parametrize("state", ["dismissed", "confirmed"])
def test_deciding_a_link_of_other_claims_is_not_found(engine, newsroom, foreign_link, headers, state):  # noqa: F811
    link_id, before, other = foreign_link
    response = newsroom.clients["reviewer"].post(
        f"/claims/{other}/related/{link_id}", headers=headers, data={"state": state}
    )
    assert response.status_code == 404
    assert _state(engine, link_id) == before
    assert _link_events(engine) == 0


def test_deciding_the_link_from_one_of_its_own_claims_still_works(engine, newsroom, foreign_link):  # noqa: F811
    link_id, _, _ = foreign_link
    with session_scope(engine) as s:
        own = s.get(ClaimLink, link_id).claim_a_id
    response = newsroom.clients["reviewer"].post(
        f"/claims/{own}/related/{link_id}", headers=HX, data={"state": "dismissed"}
    )
    assert response.status_code == 200
    assert _state(engine, link_id) == "dismissed"


def test_the_service_refuses_a_link_that_does_not_join_the_claim(engine, newsroom, foreign_link):  # noqa: F811
    link_id, before, other = foreign_link
    reviewer = Actor(newsroom.users["reviewer"], "reviewer", "reviewer")
    with pytest.raises(NotFound, match=f"on claim #{other}"), session_scope(engine) as s:
        related.decide_link(s, reviewer, link_id, "dismissed", claim_id=other)
    assert _state(engine, link_id) == before


def test_source_links_and_verdict_reuse_check_their_claim_too(engine, newsroom, foreign_link):  # noqa: F811
    link_id, _, other = foreign_link
    first, second = newsroom.claims[0].id, newsroom.claims[1].id
    with session_scope(engine) as s:
        added = sources.add_source(
            s,
            Actor(newsroom.users["reviewer"], "reviewer", "reviewer"),
            first,
            sources.SourceInput("https://stats.example.org/troops", "Troop figures"),
        )
    client = newsroom.clients["reviewer"]
    for path, data in [
        (f"/claims/{second}/sources/{added.id}", {"url": "https://elsewhere.example.org/", "title": "Moved"}),
        (f"/claims/{second}/sources/{added.id}/remove", {}),
    ]:
        assert client.post(path, headers=HX, data=data).status_code == 404, path
    reuse = client.post(f"/claims/{other}/verdict/reuse", headers=HX, data={"link_id": link_id})
    assert reuse.status_code == 404
    with session_scope(engine) as s:
        assert sources.sources_for(s, first)[0][1].url == "https://stats.example.org/troops"
