"""ClaimReview export: the service, both JSON routes, and `claimtrack export`."""

import json

import pytest

from claimtrack.cli import main
from claimtrack.errors import NotFound, ValidationError
from claimtrack.services.publishing import feed as publishing

from .conftest import INJECTION, SCHEMA, assert_valid_claimreview, one

BASE = "https://factcheck.example.org"


def expected_a1(ids) -> dict:
    """Worked out by hand from the newsroom fixture: the corrected verdict, the original
    publication date, and B's earlier article as the first appearance."""
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{BASE}/fact-checks/{ids['a1']}",
        "claimReviewed": "Unemployment fell to 4 percent last year.",
        "datePublished": "2026-01-06",
        "dateModified": "2026-01-08",
        "author": {"@type": "Organization", "name": "Example Fact Check", "url": BASE},
        # The byline: who wrote the verdict in force (the editor who corrected it).
        "contributor": {"@type": "Person", "name": "eddie"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "Mostly false",
            "ratingValue": 2,
            "worstRating": 1,
            "bestRating": 5,
            "ratingExplanation": "The official rate was 4.6 percent.",
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Jane Mayor", "jobTitle": "Mayor"},
            "datePublished": "2026-01-05",
            "appearance": {
                "@type": "CreativeWork",
                "url": "https://a.example/budget",
                "headline": "Budget row deepens",
                "publisher": {"@type": "Organization", "name": "Daily A"},
                "datePublished": "2026-01-05",
            },
            "firstAppearance": {
                "@type": "CreativeWork",
                "url": "https://b.example/jobs",
                "headline": "Jobs figures",
                "publisher": {"@type": "Organization", "name": "Daily B"},
                "datePublished": "2026-01-03",
            },
        },
    }


def test_claimreview_of_a_corrected_claim(newsroom, session, config):
    doc = publishing.claimreview_for(session, newsroom.ids["a1"], config)
    assert doc == expected_a1(newsroom.ids)
    node = assert_valid_claimreview(doc)
    assert one(one(node, "reviewRating"), "ratingValue") == 2


def test_claim_without_links_has_no_first_appearance(newsroom, session, config):
    doc = publishing.claimreview_for(session, newsroom.ids["a2"], config)
    assert doc["itemReviewed"]["author"] == {"@type": "Person", "name": "Tom Treasurer"}
    assert "firstAppearance" not in doc["itemReviewed"] and "dateModified" not in doc
    assert doc["reviewRating"]["alternateName"] == "True" and doc["datePublished"] == "2026-02-10"
    assert_valid_claimreview(doc)


@pytest.mark.parametrize("key", ["a3", "a5", "a6", "b1"])
def test_unpublished_claims_are_not_found(newsroom, session, config, key):
    with pytest.raises(NotFound):
        publishing.claimreview_for(session, newsroom.ids[key], config)


def test_export_needs_a_public_address(newsroom, session):
    with pytest.raises(ValidationError, match="PUBLIC_BASE_URL"):
        list(publishing.iter_claimreviews(session, {}))


def test_stream_is_in_claim_order_in_small_batches(newsroom, session, config):
    ids = newsroom.ids
    docs = list(publishing.iter_claimreviews(session, config, batch=1))
    assert [d["url"] for d in docs] == [f"{BASE}/fact-checks/{ids[k]}" for k in ("a1", "a2", "a4")]
    assert docs[0] == expected_a1(ids)
    for doc in docs:
        assert_valid_claimreview(doc)


def test_download_route(newsroom, client):
    ids = newsroom.ids
    response = client.get(f"/claims/{ids['a1']}/claimreview.json")
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
    assert json.loads(response.data) == expected_a1(ids)
    for key in ("a3", "a5", "a6", "b1"):
        assert client.get(f"/claims/{ids[key]}/claimreview.json").status_code == 404
    assert client.get("/claims/999999/claimreview.json").status_code == 404


def test_feed_pages_with_a_cursor(newsroom, client, monkeypatch):
    from claimtrack.web import public

    monkeypatch.setattr(public, "FEED_PAGE_SIZE", 2)
    ids = newsroom.ids
    first = client.get("/claimreview.json")
    assert first.status_code == 200
    body = first.get_json()
    assert [d["url"].rsplit("/", 1)[1] for d in body["items"]] == [str(ids["a1"]), str(ids["a2"])]
    assert body["next"] == f"{BASE}/claimreview.json?after={ids['a2']}"
    assert first.headers["Link"] == f'<{body["next"]}>; rel="next"'
    second = client.get(f"/claimreview.json?after={ids['a2']}").get_json()
    assert [d["url"].rsplit("/", 1)[1] for d in second["items"]] == [str(ids["a4"])]
    assert second["next"] is None and second["count"] == 1
    for doc in body["items"] + second["items"]:
        assert_valid_claimreview(doc)


@pytest.mark.parametrize(("bad", "status"), [("abc", 400), ("-1", 400), ("1.5", 400), ("9" * 40, 422)])
def test_feed_rejects_a_bad_cursor(newsroom, client, bad, status):
    response = client.get(f"/claimreview.json?after={bad}")
    assert response.status_code == status and "after" in response.get_json()["error"]


def test_cli_export_writes_a_json_array(newsroom, cli_env, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMTRACK_PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("CLAIMTRACK_PUBLISHER_NAME", "Example Fact Check")
    monkeypatch.setenv("CLAIMTRACK_PUBLISHER_URL", BASE)
    out = tmp_path / "reviews.json"
    assert _run(["export", "claimreview", "--out", str(out)]) == 0
    docs = json.loads(out.read_text())
    assert len(docs) == 3 and docs[0] == expected_a1(newsroom.ids)
    assert "3 published fact-checks exported" in capsys.readouterr().err
    for doc in docs:
        assert_valid_claimreview(doc)


def _run(argv) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return exc.code or 0
    return 0


def test_cli_export_since_and_stdout(newsroom, cli_env, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMTRACK_PUBLIC_BASE_URL", BASE)
    # A1's current verdict was published on 8 Jan, A2 on 10 Feb and A4 on 11 Feb.
    assert _run(["export", "claimreview", "--since", "2026-02-11"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [d["url"] for d in docs] == [f"{BASE}/fact-checks/{newsroom.ids['a4']}"]
    assert docs[0]["claimReviewed"] == INJECTION
    assert _run(["export", "claimreview", "--since", "2027-01-01"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_cli_export_refuses_bad_dates_and_missing_config(newsroom, cli_env, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMTRACK_PUBLIC_BASE_URL", BASE)
    assert _run(["export", "claimreview", "--since", "last tuesday"]) == 1
    assert capsys.readouterr().err.strip() == "error: --since must be a date like 2026-01-31, not 'last tuesday'"
    monkeypatch.delenv("CLAIMTRACK_PUBLIC_BASE_URL")
    assert _run(["export", "claimreview"]) == 1
    assert "There is no public base URL" in capsys.readouterr().err


def test_cli_factcheck_api_payload(newsroom, cli_env, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMTRACK_PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("CLAIMTRACK_PUBLISHER_NAME", "Example Fact Check")
    assert _run(["export", "factcheck-api"]) == 0
    pages = json.loads(capsys.readouterr().out)
    assert len(pages) == 3
    assert pages[0] == {
        "pageUrl": f"{BASE}/fact-checks/{newsroom.ids['a1']}",
        "publishDate": "2026-01-06",
        "claimReviewAuthor": {"name": "Example Fact Check"},
        "claimReviewMarkups": [
            {
                "url": f"{BASE}/fact-checks/{newsroom.ids['a1']}",
                "claimReviewed": "Unemployment fell to 4 percent last year.",
                "rating": {
                    "textualRating": "Mostly false",
                    "ratingValue": 2,
                    "worstRating": 1,
                    "bestRating": 5,
                    "ratingExplanation": "The official rate was 4.6 percent.",
                },
                "claimDate": "2026-01-05",
                "claimAuthor": {"name": "Jane Mayor", "jobTitle": "Mayor"},
                "claimFirstAppearance": "https://b.example/jobs",
                "claimAppearances": ["https://a.example/budget"],
            }
        ],
    }


def test_expanded_rating_without_a_value(newsroom, session, config):
    """An off-scale verdict (Unverifiable) carries its name alone."""
    from sqlmodel import select

    from claimtrack.models import Verdict

    row = session.exec(
        select(Verdict).where(Verdict.claim_id == newsroom.ids["a2"], Verdict.state == "published")
    ).one()
    row.rating = "unverifiable"
    session.flush()
    doc = publishing.claimreview_for(session, newsroom.ids["a2"], config)
    assert doc["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Unverifiable",
        "ratingExplanation": "The city hired 300 teachers.",
    }
    rating = one(assert_valid_claimreview(doc), "reviewRating")
    assert SCHEMA + "ratingValue" not in rating


def test_our_export_round_trips_through_import_factchecks(newsroom, cli_env, tmp_path, monkeypatch, capsys):
    """What we publish can be loaded back as an archive of reference fact-checks, and a
    second load of the same file updates nothing and duplicates nothing."""
    monkeypatch.setenv("CLAIMTRACK_PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("CLAIMTRACK_PUBLISHER_NAME", "Example Fact Check")
    monkeypatch.setenv("CLAIMTRACK_PUBLISHER_URL", BASE)
    out = tmp_path / "reviews.json"
    assert _run(["export", "claimreview", "--out", str(out)]) == 0
    exported = json.loads(out.read_text())
    capsys.readouterr()
    assert _run(["import-factchecks", str(out), "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["created"], first["failed"]) == (3, 0)
    assert _run(["import-factchecks", str(out), "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["created"], again["updated"]) == (0, 0)
    assert _run(["match", "Unemployment fell to 4 percent last year", "--format", "json", "--limit", "5"]) == 0
    hits = [h for h in json.loads(capsys.readouterr().out) if h["kind"] == "factcheck"]
    a1 = next(doc for doc in exported if doc["claimReviewed"] == "Unemployment fell to 4 percent last year.")
    assert (hits[0]["url"], hits[0]["rating"]) == (a1["url"], "Mostly false")
