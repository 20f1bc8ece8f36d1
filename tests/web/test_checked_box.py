"""The queue's "Has this been checked?" box: page and htmx fragment, on stored claims
and archived fact-checks."""

from claimtrack.archive_search.readers import ArchiveRow
from claimtrack.db import session_scope
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.archive.factchecks import import_factchecks

from ..conftest import EXAMPLE
from ..helpers import import_file, login, make_user


def seed(engine):
    import_file(engine, EXAMPLE, outlet="NBC News")
    rows = [
        ArchiveRow(
            "t:1",
            "Video shows a shark swimming on a flooded highway after the hurricane.",
            external_id="s1",
            rating="False",
            url="javascript:alert(1)",
        ),
        ArchiveRow(
            "t:2",
            "Iraq's parliament voted to expel American troops from the country.",
            external_id="s2",
            rating="True",
            url="https://checks.example/iraq-vote",
        ),
    ]
    with session_scope(engine) as s:
        import_factchecks(s, Actor.system("test"), rows, source="test", publisher="Example Checks")


def test_queue_page_offers_the_box(client, engine):
    make_user(engine, "vic", "viewer")
    login(client, "vic")
    page = client.get("/").get_data(as_text=True)
    assert "Has this been checked?" in page and 'name="text"' in page


def test_results_page_and_fragment(client, engine):
    seed(engine)
    make_user(engine, "vic", "viewer")
    login(client, "vic")
    full = client.get("/checked", query_string={"text": "Iraqi parliament voted to expel the American troops"})
    assert full.status_code == 200 and "HX-Request" in full.headers["Vary"]
    page = full.get_data(as_text=True)
    assert "<html" in page
    assert "https://checks.example/iraq-vote" in page and "tracked claim" in page
    fragment = client.get(
        "/checked",
        query_string={"text": "Iraqi parliament voted to expel the American troops"},
        headers={"HX-Request": "true"},
    ).get_data(as_text=True)
    assert "<html" not in fragment and fragment.lstrip().startswith('<div id="checked-results"')
    assert "True" in fragment


def test_unsafe_archive_links_are_not_rendered_as_links(client, engine):
    seed(engine)
    make_user(engine, "vic", "viewer")
    login(client, "vic")
    page = client.get("/checked", query_string={"text": "shark swimming on a flooded highway"}).get_data(as_text=True)
    assert "shark swimming" in page
    assert "javascript:" not in page


def test_empty_text_shows_no_results_and_anonymous_is_sent_to_login(client, engine):
    assert client.get("/checked?text=x").status_code == 302
    make_user(engine, "vic", "viewer")
    login(client, "vic")
    page = client.get("/checked").get_data(as_text=True)
    assert "Look for earlier checks" in page and "checked-list" not in page


def test_one_length_limit_for_the_box_the_api_and_the_service(client, engine):
    import pytest

    from claimtrack.errors import ValidationError
    from claimtrack.services.archive.factchecks import MAX_MATCH_TEXT, match_text

    from ..api.conftest import new_token

    seed(engine)
    make_user(engine, "vic", "viewer")
    login(client, "vic")
    at_limit = ("Iraqi parliament voted to expel the American troops " * 60)[:MAX_MATCH_TEXT]
    over = at_limit + "x"
    assert "https://checks.example/iraq-vote" in client.get("/checked", query_string={"text": at_limit}).get_data(
        as_text=True
    )
    refused = client.get("/checked", query_string={"text": over}).get_data(as_text=True)
    assert "too long to match (at most 2,000 characters)" in refused and "iraq-vote" not in refused
    _, token = new_token(engine, "vic")
    api = client.get("/api/v1/match", query_string={"q": over}, headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 422
    with session_scope(engine) as s, pytest.raises(ValidationError, match="too long"):
        match_text(s, over)


def test_a_text_nothing_is_close_to_gets_nothing_close_enough(client, engine):
    seed(engine)
    make_user(engine, "vic", "viewer")
    login(client, "vic")
    page = client.get(
        "/checked", query_string={"text": "The moon is made of cheese"}, headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    assert "Nothing close enough" in page and "checked-list" not in page


def test_each_hit_shows_its_verdict_and_status_with_reasons_in_plain_words(client, engine):
    seed(engine)
    make_user(engine, "rita", "reviewer")
    login(client, "rita")
    page = client.get(
        "/checked",
        query_string={"text": "Iraqi parliament voted to expel the American troops"},
        headers={"HX-Request": "true"},
    ).get_data(as_text=True)
    assert 'Verdict: <strong class="rating">True</strong>' in page and "by Example Checks" in page
    assert "Status: Unreviewed" in page and "none published yet" in page
    assert "uses the same words: " in page and "voted" in page
    # no search machinery in the reasons
    assert "full-text rank" not in page and "shared terms" not in page and "score 0." not in page
    assert "expel" in page and " vot," not in page
