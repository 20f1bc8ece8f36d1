"""Earlier fact-checks beside a claim's related coverage: the panel fragment, the page,
and GET /api/v1/claims/{id}/related."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.archive_search.readers import ArchiveRow
from claimtrack.db import session_scope
from claimtrack.models import Claim
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.archive.factchecks import import_factchecks
from tests.api.conftest import Api, new_token
from tests.conftest import EXAMPLE
from tests.helpers import import_file, login, make_user

HX = {"HX-Request": "true"}
CLOSE = "Removing the 6,000 or so American troops in Iraq would end Operation Inherent Resolve against Islamic State."
LOOSE = "American troops in Iraq fighting the Islamic State group number about 6,000, the coalition says."
UNRELATED = "Drinking hot water with lemon every morning cures cancer."


@pytest.fixture
def troops(engine) -> int:
    article_id = import_file(engine, EXAMPLE, outlet="NBC News").article_id
    rows = [
        ArchiveRow(
            "t:1",
            LOOSE,
            external_id="c2",
            title="Are 6,000 U.S. Troops Fighting in Iraq?",
            rating="Mostly true",
            url="javascript:alert(1)",
        ),
        ArchiveRow(
            "t:2",
            CLOSE,
            external_id="c1",
            title="Would a Withdrawal End Inherent Resolve?",
            rating="False",
            url="https://checks.example/inherent-resolve",
        ),
        ArchiveRow("t:3", UNRELATED, external_id="c3", rating="False", url="https://checks.example/lemon"),
    ]
    with session_scope(engine) as s:
        import_factchecks(s, Actor.system("test"), rows, source="test", publisher="Example Checks")
        return s.exec(select(Claim.id).where(Claim.article_id == article_id, Claim.text.contains("6,000 or so"))).one()


def test_panel_fragment_lists_earlier_fact_checks_best_first(app, engine, troops):
    if "related.panel" not in app.view_functions:
        pytest.skip("the matching service is not installed")
    make_user(engine, "vic", "viewer")
    client = app.test_client()
    login(client, "vic")
    part = client.get(f"/claims/{troops}/related", headers=HX)
    body = part.get_data(as_text=True)
    assert part.status_code == 200 and "<html" not in body
    section = body[body.index(f'id="prior-checks-{troops}"') :]
    assert "Previously fact-checked" in section
    assert section.index(CLOSE[:40]) < section.index("American troops in Iraq fighting")  # best first
    assert 'class="rating rating-false">False</span>' in section and "Example Checks" in section
    assert '<a href="https://checks.example/inherent-resolve" rel="noopener noreferrer">' in section
    assert "javascript:" not in body and "Mostly true" in section  # shown, but not as a link
    assert "lemon" not in body  # a weak look-alike is left out
    page = client.get(f"/claims/{troops}/related").get_data(as_text=True)
    assert "<html" in page and "https://checks.example/inherent-resolve" in page


def test_panel_says_so_when_nothing_was_checked_before(app, engine):
    if "related.panel" not in app.view_functions:
        pytest.skip("the matching service is not installed")
    article_id = import_file(engine, EXAMPLE).article_id
    with session_scope(engine) as s:
        claim_id = s.exec(select(Claim.id).where(Claim.article_id == article_id)).first()
    make_user(engine, "vic", "viewer")
    client = app.test_client()
    login(client, "vic")
    body = client.get(f"/claims/{claim_id}/related", headers=HX).get_data(as_text=True)
    assert "No earlier fact-check in the archive looks like this claim." in body


def test_api_related_includes_earlier_fact_checks(app, client, engine, troops):
    if "related.panel" not in app.view_functions:
        pytest.skip("the matching service is not installed")
    make_user(engine, "vic", "viewer")
    api = Api(client, {"viewer": new_token(engine, "vic")[1]})
    response = api.get(f"/claims/{troops}/related", "viewer")
    assert response.status_code == 200
    checks = response.get_json()["factchecks"]
    assert [c["external_id"] for c in checks] == ["c1", "c2"]
    first = checks[0]
    assert (first["rating"], first["publisher"], first["url"]) == (
        "False",
        "Example Checks",
        "https://checks.example/inherent-resolve",
    )
    assert first["text"] == CLOSE and first["title"] == "Would a Withdrawal End Inherent Resolve?"
    assert first["score"] >= checks[1]["score"] and 0.6 <= first["similarity"] <= 1.0 and first["reasons"]
    assert checks[1]["url"] is None  # javascript: links never leave the API
    assert api.get("/claims/999999/related", "viewer").status_code == 404
