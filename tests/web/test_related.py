"""The related-claims panel against the matching service's interface (a stand-in module
here, so the panel's contract is tested whether or not the real service is installed)."""
from __future__ import annotations

import importlib.machinery
import sys
import types
from dataclasses import dataclass, field

import pytest
from sqlalchemy import or_
from sqlmodel import select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.errors import ValidationError
from claimtrack.models import Article, Claim, Claimant, ClaimLink
from claimtrack.services import audit, sources, verdicts
from claimtrack.services.actors import Actor

from ..helpers import login
from ..services.conftest import claim_id_containing
from .conftest import HX

NAME = "claimtrack.services.related"


@dataclass
class RelatedClaim:
    link_id: int
    claim: Claim
    article: Article
    outlet_name: str | None
    speaker: str | None
    score: float
    relation: str
    numeric: str | None
    state: str
    reasons: list[str] = field(default_factory=list)


def _related_for_claim(session, claim_id, *, limit=10):  # noqa: ANN001, ANN202
    rows = []
    for link in session.exec(select(ClaimLink).where(
            or_(ClaimLink.claim_a_id == claim_id, ClaimLink.claim_b_id == claim_id))).all()[:limit]:
        other = session.get(Claim, link.claim_b_id if link.claim_a_id == claim_id else link.claim_a_id)
        speaker = session.get(Claimant, other.claimant_id).name if other.claimant_id else None
        rows.append(RelatedClaim(link.id, other, session.get(Article, other.article_id), None, speaker, link.score,
                                 link.relation, link.numeric, link.state, list(link.reasons)))
    return rows


def _decide_link(session, actor, link_id, state):  # noqa: ANN001, ANN202
    if state not in ("confirmed", "dismissed"):
        raise ValidationError(f"A link can be confirmed or dismissed, not {state!r}.")
    link = session.get(ClaimLink, link_id)
    before = {"state": link.state}
    link.state = state
    link.decided_by_id = actor.user_id
    audit.record(session, actor, "link.decide", "claim_link", link.id, before=before, after={"state": state})
    return link


@pytest.fixture
def related_app(app_config, monkeypatch):  # noqa: ANN001, ANN201
    module = types.ModuleType(NAME)
    module.__spec__ = importlib.machinery.ModuleSpec(NAME, None)
    module.related_for_claim = _related_for_claim
    module.decide_link = _decide_link
    monkeypatch.setitem(sys.modules, NAME, module)
    return create_app(app_config)


@pytest.fixture
def linked(engine, article, troops, users):  # noqa: ANN001, ANN201
    other = claim_id_containing(engine, article.article_id, "3,000 more troops")
    with session_scope(engine) as s:
        a, b = sorted((troops, other))
        link = ClaimLink(claim_a_id=a, claim_b_id=b, score=0.82, relation="same", numeric="conflict",
                         reasons=["both count U.S. troops", "numbers differ: 6,000 vs 3,000"])
        s.add(link)
        s.flush()
        return link.id, other


def _client(app, role):  # noqa: ANN001, ANN202
    client = app.test_client()
    assert login(client, role).status_code == 302
    return client


def test_lazy_panel_lists_related_claims_with_difference_badge_and_reasons(related_app, linked, troops):
    link_id, other = linked
    client = _client(related_app, "viewer")
    panel = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert f'hx-get="/claims/{troops}/related"' in panel and 'hx-trigger="intersect once"' in panel
    part = client.get(f"/claims/{troops}/related", headers=HX)
    body = part.get_data(as_text=True)
    assert part.status_code == 200 and "<html" not in body and "HX-Request" in part.headers["Vary"]
    assert 'class="badge numeric-conflict"' in body and "numbers differ: 6,000 vs 3,000" in body
    assert '<mark class="changed">' in body and "United States" in body
    assert "<form" not in body
    page = client.get(f"/claims/{troops}/related")
    assert "<html" in page.get_data(as_text=True)


def test_confirm_and_dismiss(related_app, engine, linked, troops):
    link_id, _ = linked
    assert _client(related_app, "viewer").post(f"/claims/{troops}/related/{link_id}", headers=HX,
                                               data={"state": "confirmed"}).status_code == 403
    client = _client(related_app, "reviewer")
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


def test_reuse_a_published_verdict_from_a_confirmed_same_claim(related_app, engine, linked, troops, users):
    link_id, other = linked
    config = {"PUBLIC_BASE_URL": "https://factcheck.example.org"}
    with session_scope(engine) as s:
        s.get(ClaimLink, link_id).state = "confirmed"
        rita = Actor(users["reviewer"], "reviewer", "reviewer")
        sources.add_source(s, rita, other, sources.SourceInput("https://www.defense.gov/x", "DoD release"))
        data = verdicts.VerdictInput("true", "The Pentagon confirmed the deployment.", "")
        row = verdicts.save_draft(s, rita, other, data, verdict_id=None, version=None, config=config)
        row = verdicts.submit(s, rita, other, data, verdict_id=row.id, version=row.version, config=config)
        verdicts.approve(s, Actor(users["editor"], "editor", "editor"), other, verdict_id=row.id,
                         version=row.version, config=config)
    client = _client(related_app, "reviewer")
    listing = client.get(f"/claims/{troops}/related", headers=HX).get_data(as_text=True)
    assert "Reuse its verdict" in listing
    panel = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert f"Reuse the verdict of claim #{other} (True)" in panel
    reused = client.post(f"/claims/{troops}/verdict/reuse", headers=HX, data={"link_id": link_id})
    body = reused.get_data(as_text=True)
    assert reused.status_code == 200 and "The Pentagon confirmed the deployment." in body
    assert f"reused from claim #{other}" in body and f"from claim #{other}" in body


def test_panel_is_left_out_without_the_service(app_config, engine, troops, users, monkeypatch):
    from claimtrack.web import related as related_web

    monkeypatch.setattr(related_web, "service_available", lambda: False)
    app = create_app(app_config)
    assert not any(rule.endpoint.startswith("related.") for rule in app.url_map.iter_rules())
    client = _client(app, "viewer")
    assert "/related" not in client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)


def test_with_the_installed_matching_service(app, engine, users, article):
    if "related.panel" not in app.view_functions:
        pytest.skip("the matching service is not installed")
    from ..conftest import FIXTURES
    from ..helpers import import_file

    import_file(engine, FIXTURES / "articles" / "iraq-pentagon-dispatch.txt")
    import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        link = s.exec(select(ClaimLink).where(ClaimLink.state == "suggested").order_by(ClaimLink.score.desc())).first()
    if link is None:
        pytest.skip("no suggestions between these articles")
    client = _client(app, "reviewer")
    body = client.get(f"/claims/{link.claim_a_id}/related", headers=HX).get_data(as_text=True)
    assert f"/claims/{link.claim_a_id}/related/{link.id}" in body
    done = client.post(f"/claims/{link.claim_a_id}/related/{link.id}", headers=HX, data={"state": "confirmed"})
    assert done.status_code == 200
    with session_scope(engine) as s:
        assert s.get(ClaimLink, link.id).state == "confirmed"
