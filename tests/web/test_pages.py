"""Every page route as a full page and as an htmx fragment, with Vary: HX-Request."""

import pytest

from .conftest import HX


def _pages(article, troops):
    return [
        ("/", "queue-results"),
        ("/articles", "article-list"),
        (f"/articles/{article.article_id}", None),
        ("/articles/import", "import-form"),
        (f"/claims/{troops}", f"claim-{troops}"),
        ("/claimants", "claimant-list"),
        ("/claimants/1", None),
    ]


def test_full_pages_and_fragments(as_role, article, troops):
    client = as_role("reviewer")
    for url, fragment_id in _pages(article, troops):
        page = client.get(url)
        assert page.status_code == 200, url
        assert page.headers["Vary"] == "HX-Request" or "HX-Request" in page.headers["Vary"], url
        assert "<html" in page.get_data(as_text=True), url
        if fragment_id is None:
            continue
        part = client.get(url, headers=HX)
        body = part.get_data(as_text=True)
        assert part.status_code == 200 and "HX-Request" in part.headers["Vary"], url
        assert "<html" not in body and f'id="{fragment_id}"' in body, url


def test_history_restore_gets_the_full_page(as_role, troops):
    response = as_role("viewer").get(f"/claims/{troops}", headers={**HX, "HX-History-Restore-Request": "true"})
    assert "<html" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "target, marker, absent",
    [
        ("article-body", 'id="article-body"', 'id="claim-panel"'),
        ("claim-panel", 'id="claim-list-heading"', 'id="article-body"'),
    ],
)
def test_article_regions_by_target(as_role, article, target, marker, absent):
    body = (
        as_role("viewer")
        .get(f"/articles/{article.article_id}", headers={**HX, "HX-Target": target})
        .get_data(as_text=True)
    )
    assert marker in body and absent not in body and "<html" not in body


def test_article_page_highlights_every_claim_at_its_span(as_role, session, article):
    from sqlmodel import select

    from claimtrack.models import Article, Claim

    page = as_role("viewer").get(f"/articles/{article.article_id}").get_data(as_text=True)
    body = session.get(Article, article.article_id).body
    claims = session.exec(select(Claim).where(Claim.article_id == article.article_id)).all()
    for claim in claims:
        assert f'data-claim-id="{claim.id}"' in page
    assert page.count('class="claim-mark') >= len(claims)
    assert f'data-start="{body.index("Iraq has asked")}"' in page


def test_claim_page_shows_the_panel_beside_the_article(as_role, troops):
    page = as_role("viewer").get(f"/claims/{troops}").get_data(as_text=True)
    assert f'id="claim-{troops}"' in page and 'id="article-body"' in page and "is-selected" in page
    assert "<title>Claim #" in page


def test_suggestions_for_the_speaker_field(as_role, article):
    client = as_role("reviewer")
    part = client.get("/claimants/suggest?speaker=abdul", headers=HX)
    assert '<option value="Adel Abdul-Mahdi">' in part.get_data(as_text=True)
    assert client.get("/claimants/suggest?speaker=abdul").status_code == 302


def test_merged_claimant_page_redirects_to_the_survivor(as_role, engine, article):
    from claimtrack.db import session_scope
    from claimtrack.models import Claimant

    with session_scope(engine) as s:
        dup = Claimant(name="Duplicate Person", merged_into_id=1)
        s.add(dup)
        s.flush()
        dup_id = dup.id
    response = as_role("viewer").get(f"/claimants/{dup_id}")
    assert response.status_code == 302 and response.headers["Location"] == "/claimants/1"


@pytest.mark.parametrize("url", ["/claims/999999", "/articles/999999", "/claimants/999999"])
def test_unknown_things_are_404_pages(as_role, url):
    response = as_role("viewer").get(url)
    assert response.status_code == 404 and "Traceback" not in response.get_data(as_text=True)


def test_queue_filters_search_and_pages(as_role, article, app):
    client = as_role("viewer")
    all_rows = client.get("/", headers=HX).get_data(as_text=True)
    found = client.get("/?q=Milley", headers=HX).get_data(as_text=True)
    assert found.count('class="queue-item') < all_rows.count('class="queue-item')
    assert "Milley" in found
    odd = client.get("/?page=abc&from=notadate&outlet=x&status=bogus&conflict=1")
    assert odd.status_code == 200
    app.config["PAGE_SIZE"] = 3
    paged = client.get("/?page=2", headers=HX).get_data(as_text=True)
    assert "Page 2" in paged and "page=3" in paged and "page=1" in paged


def test_security_headers(as_role):
    response = as_role("viewer").get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_claim_panel_shows_amounts_in_words(as_role, engine):
    from ..helpers import import_text
    from ..services.conftest import claim_id_containing

    text = (
        "Harbour budget grows\n\nBy Ana Ruiz\n\n"
        "The port authority said it would spend about $50 million on the new quay.\n"
    )
    outcome = import_text(engine, text)
    claim = claim_id_containing(engine, outcome.article_id, "$50 million")
    page = as_role("viewer").get(f"/claims/{claim}").get_data(as_text=True)
    assert "47.5–52.5 million dollars" in page
    assert "e+0" not in page
