"""The related-claims panel on links the matching service suggested on import: the
example article and a wire story that puts the troop numbers differently."""

from __future__ import annotations

import pytest
from sqlalchemy import and_
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import ClaimLink
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.linking import related
from claimtrack.services.publishing import publish as publishing
from claimtrack.services.review import sources, verdicts

from ..conftest import FIXTURES
from ..helpers import import_file, login
from ..services.conftest import claim_id_containing
from .conftest import HX


@pytest.fixture
def linked(engine, article, troops, users):
    """(link id, other claim id): the suggested link from the troops claim to the wire's figure."""
    wire = import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    other = claim_id_containing(engine, wire.article_id, "some 5,200 American troops")
    a, b = sorted((troops, other))
    with session_scope(engine) as s:
        link = s.exec(select(ClaimLink).where(and_(ClaimLink.claim_a_id == a, ClaimLink.claim_b_id == b))).one()
        assert (link.state, link.relation, link.numeric) == ("suggested", "same", "conflict")
        return link.id, other


def _client(app, role):
    client = app.test_client()
    assert login(client, role).status_code == 302
    return client


def test_lazy_panel_lists_related_claims_with_difference_badge_and_reasons(app, linked, troops):
    link_id, other = linked
    client = _client(app, "viewer")
    panel = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert f'hx-get="/claims/{troops}/related"' in panel and 'hx-trigger="intersect once"' in panel
    part = client.get(f"/claims/{troops}/related", headers=HX)
    body = part.get_data(as_text=True)
    assert part.status_code == 200 and "<html" not in body and "HX-Request" in part.headers["Vary"]
    assert 'class="badge numeric-conflict"' in body and 'class="badge">same claim' in body
    assert "the numbers disagree: some 5,200 American troops vs 6,000 or so American troops" in body
    assert "shared entities" not in body and "text similarity" not in body and "wording " in body
    assert f'href="/claims/{other}"' in body and '<mark class="changed">' in body
    # The words both claims share stay unmarked; the wire's own wording is marked.
    assert '<mark class="changed">Currently, some 5,200 </mark>American troops <mark class="changed">' in body
    assert "<form" not in body
    page = client.get(f"/claims/{troops}/related")
    assert "<html" in page.get_data(as_text=True)


def test_confirm_and_dismiss(app, engine, linked, troops):
    link_id, _ = linked
    assert (
        _client(app, "viewer")
        .post(f"/claims/{troops}/related/{link_id}", headers=HX, data={"state": "confirmed"})
        .status_code
        == 403
    )
    client = _client(app, "reviewer")
    response = client.post(f"/claims/{troops}/related/{link_id}", headers=HX, data={"state": "confirmed"})
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "claims-changed"
    assert '<span class="badge">confirmed</span>' in response.get_data(as_text=True)
    with session_scope(engine) as s:
        assert s.get(ClaimLink, link_id).state == "confirmed"
    bad = client.post(f"/claims/{troops}/related/{link_id}", headers=HX, data={"state": "maybe"})
    assert bad.status_code == 422 and "confirmed or dismissed" in bad.get_data(as_text=True)
    history = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert "Marked a related claim as confirmed" in history
    plain = client.post(f"/claims/{troops}/related/{link_id}", data={"state": "dismissed"})
    assert plain.status_code == 303


def test_a_decision_can_be_undone(app, engine, linked, troops):
    link_id, other = linked
    client = _client(app, "reviewer")
    body = client.post(f"/claims/{troops}/related/{link_id}", headers=HX, data={"state": "dismissed"}).get_data(
        as_text=True
    )
    assert f"Dismissed: it will not be suggested again (claim #{other})." in body
    assert f'hx-post="/claims/{troops}/related/{link_id}/undo"' in body and 'role="status"' in body
    assert _client(app, "viewer").post(f"/claims/{troops}/related/{link_id}/undo", headers=HX).status_code == 403
    undone = client.post(f"/claims/{troops}/related/{link_id}/undo", headers=HX)
    assert undone.status_code == 200 and "Undone: back among the suggestions." in undone.get_data(as_text=True)
    assert f'href="/claims/{other}"' in undone.get_data(as_text=True)
    with session_scope(engine) as s:
        link = s.get(ClaimLink, link_id)
        assert (link.state, link.decided_by_id) == ("suggested", None)
    assert client.post(f"/claims/{troops}/related/{link_id}/undo").status_code == 303
    assert client.post(f"/claims/{troops}/related/999999/undo", headers=HX).status_code == 404


def _publish_verdict_of(engine, users, link_id: int, other: int) -> None:
    """Confirm the link and publish a verdict (with a source) on its other claim."""
    config = {"PUBLIC_BASE_URL": "https://factcheck.example.org"}
    with session_scope(engine) as s:
        rita = Actor(users["reviewer"], "reviewer", "reviewer")
        related.decide_link(s, rita, link_id, "confirmed")
        sources.add_source(s, rita, other, sources.SourceInput("https://www.defense.gov/x", "DoD release"))
        data = verdicts.VerdictInput("true", "The Pentagon confirmed the deployment.", "")
        row = verdicts.save_draft(s, rita, other, data, verdict_id=None, version=None, config=config)
        row = verdicts.submit(s, rita, other, data, verdict_id=row.id, version=row.version, config=config)
        publishing.publish(
            s, Actor(users["editor"], "editor", "editor"), other, verdict_id=row.id, version=row.version, config=config
        )


@pytest.fixture
def agreeing(engine, article, troops):
    """(link id, other claim id): the suggested link from the troops claim to an opinion
    piece that gives the same figure in other words."""
    opinion = import_file(engine, FIXTURES / "articles" / "iraq-withdrawal-opinion.txt")
    other = claim_id_containing(engine, opinion.article_id, "roughly 6,000 service members")
    a, b = sorted((troops, other))
    with session_scope(engine) as s:
        link = s.exec(select(ClaimLink).where(and_(ClaimLink.claim_a_id == a, ClaimLink.claim_b_id == b))).one()
        assert (link.state, link.relation, link.numeric) == ("suggested", "same", "consistent")
        return link.id, other


def test_reuse_a_published_verdict_from_a_confirmed_same_claim_whose_numbers_agree(
    app, engine, agreeing, troops, users
):
    link_id, other = agreeing
    _publish_verdict_of(engine, users, link_id, other)
    client = _client(app, "reviewer")
    listing = client.get(f"/claims/{troops}/related", headers=HX).get_data(as_text=True)
    assert "Reuse its verdict" in listing
    panel = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert f"Reuse the verdict of claim #{other} (True)" in panel
    reused = client.post(f"/claims/{troops}/verdict/reuse", headers=HX, data={"link_id": link_id})
    body = reused.get_data(as_text=True)
    assert reused.status_code == 200 and "The Pentagon confirmed the deployment." in body
    assert f"reused from claim #{other}" in body and f"from claim #{other}" in body


def test_reuse_is_never_offered_across_a_numeric_conflict(app, engine, linked, troops, users):
    link_id, other = linked  # 6,000 or so vs some 5,200: the figures conflict
    _publish_verdict_of(engine, users, link_id, other)
    client = _client(app, "reviewer")
    listing = client.get(f"/claims/{troops}/related", headers=HX).get_data(as_text=True)
    assert 'class="badge">confirmed' in listing and "Reuse its verdict" not in listing
    panel = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert f"Reuse the verdict of claim #{other}" not in panel
    refused = client.post(f"/claims/{troops}/verdict/reuse", headers=HX, data={"link_id": link_id})
    assert refused.status_code == 409
    assert "numbers of the two claims conflict" in refused.get_data(as_text=True)
    with session_scope(engine) as s:
        assert verdicts.open_verdict(s, troops) is None


def test_a_claim_without_links_shows_an_empty_panel(app, troops, users):
    client = _client(app, "viewer")
    assert f'hx-get="/claims/{troops}/related"' in client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    part = client.get(f"/claims/{troops}/related", headers=HX)
    body = part.get_data(as_text=True)
    assert part.status_code == 200 and "No related claims found in other coverage." in body
    assert 'class="related-item' not in body
