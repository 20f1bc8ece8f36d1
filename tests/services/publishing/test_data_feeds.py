"""The open data feeds: a DataFeed of ClaimReview for machines, JSON Feed 1.1 and Atom
for readers; paging, `since`, conditional requests, content types, the announcing
<link rel="alternate"> tags, and nothing unpublished in them for any role."""

from xml.etree import ElementTree as ET

import pytest

from ...helpers import login, make_user
from .conftest import SCHEMA, assert_valid_claimreview, expand
from .test_never_leak import assert_clean

BASE = "https://factcheck.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = {
    "/feeds/claimreview.json": "application/ld+json",
    "/feeds/fact-checks.json": "application/feed+json",
    "/feeds/fact-checks.atom": "application/atom+xml",
}


def reviews(doc: dict) -> list[dict]:
    return [item["item"][0] for item in doc["dataFeedElement"]]


def test_datafeed_items_are_claimreviews_with_licence_language_and_modification(newsroom, app, client):
    app.config["DEFAULT_LICENSE"] = "https://creativecommons.org/licenses/by/4.0/"
    app.config["PUBLICATION_LANGUAGE"] = "en-GB"
    response = client.get("/feeds/claimreview.json")
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
    doc = response.get_json(force=True)
    assert doc["@type"] == "DataFeed" and doc["@context"] == "https://schema.org"
    ids = newsroom.ids
    # Oldest change first: A1 (corrected 8 Jan), A2 (10 Feb), A4 (11 Feb).
    assert [r["url"] for r in reviews(doc)] == [f"{BASE}/fact-checks/{ids[k]}" for k in ("a1", "a2", "a4")]
    first = doc["dataFeedElement"][0]
    assert (first["@type"], first["dateCreated"], first["dateModified"]) == (
        "DataFeedItem",
        "2026-01-06T12:00:00Z",
        "2026-01-08T12:00:00Z",
    )
    for review in reviews(doc):
        assert review["sdLicense"] == "https://creativecommons.org/licenses/by/4.0/"
        assert review["inLanguage"] == "en-GB"
        assert review["dateModified"].endswith("Z")
        assert_valid_claimreview({"@context": "https://schema.org", **review})
    node = expand(doc)
    assert node["@type"] == [SCHEMA + "DataFeed"]
    items = node[SCHEMA + "dataFeedElement"]
    assert all(i["@type"] == [SCHEMA + "DataFeedItem"] for i in items)
    assert all(i[SCHEMA + "item"][0]["@type"] == [SCHEMA + "ClaimReview"] for i in items)
    assert doc["dateModified"] == "2026-02-11T12:00:00Z"


def test_since_sends_only_what_changed(newsroom, client):
    ids = newsroom.ids
    doc = client.get("/feeds/claimreview.json?since=2026-02-01").get_json(force=True)
    assert [r["url"] for r in reviews(doc)] == [f"{BASE}/fact-checks/{ids[k]}" for k in ("a2", "a4")]
    # The newest dateModified seen, asked again: only that item (at or after it), nothing older.
    doc = client.get("/feeds/claimreview.json?since=2026-02-11T12:00:00Z").get_json(force=True)
    assert [r["url"] for r in reviews(doc)] == [f"{BASE}/fact-checks/{ids['a4']}"]
    assert client.get("/feeds/claimreview.json?since=2027-01-01").get_json(force=True)["dataFeedElement"] == []


def test_pages_follow_the_next_link(newsroom, client):
    seen, url = [], "/feeds/claimreview.json?limit=2"
    while url:
        response = client.get(url.removeprefix(BASE))
        seen += [r["url"] for r in reviews(response.get_json(force=True))]
        link = response.headers.get("Link")
        url = link[1 : link.index(">")] if link else None
    assert len(seen) == 3 and len(set(seen)) == 3


@pytest.mark.parametrize("query", ["since=yesterday", "cursor=abc", "limit=0", "limit=9999", "since=2026-13-01"])
def test_bad_parameters_are_a_clear_400(newsroom, client, query):
    for path in FEEDS:
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, (path, query)
        assert query.split("=")[0] in response.get_json()["fields"]


def test_json_feed_newest_first(newsroom, client):
    response = client.get("/feeds/fact-checks.json")
    assert response.mimetype == "application/feed+json"
    doc = response.get_json(force=True)
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["feed_url"] == f"{BASE}/feeds/fact-checks.json" and doc["home_page_url"] == f"{BASE}/fact-checks"
    ids = newsroom.ids
    assert [i["id"] for i in doc["items"]] == [f"{BASE}/fact-checks/{ids[k]}" for k in ("a4", "a2", "a1")]
    a1 = doc["items"][2]
    assert a1["title"] == "Mostly false: Unemployment fell to 4 percent last year."
    assert (a1["date_published"], a1["date_modified"]) == ("2026-01-06T12:00:00Z", "2026-01-08T12:00:00Z")
    assert "Correction: We misread the revised table." in a1["content_text"]
    assert a1["authors"] == [{"name": "eddie"}]
    page = client.get("/feeds/fact-checks.json?limit=2").get_json(force=True)
    assert len(page["items"]) == 2 and page["next_url"].startswith(f"{BASE}/feeds/fact-checks.json?")
    rest = client.get(page["next_url"].removeprefix(BASE)).get_json(force=True)
    assert [i["id"] for i in rest["items"]] == [f"{BASE}/fact-checks/{ids['a1']}"] and "next_url" not in rest


def test_atom_feed_is_well_formed(newsroom, client):
    response = client.get("/feeds/fact-checks.atom")
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)  # noqa: S314 - our own server's answer, in a test
    assert root.tag == ATOM + "feed"
    assert root.find(ATOM + "updated").text == "2026-02-11T12:00:00Z"
    entries = root.findall(ATOM + "entry")
    assert len(entries) == 3
    for entry in entries:
        for tag in ("id", "title", "updated", "link"):
            assert entry.find(ATOM + tag) is not None, tag
    # The injected claim text is data, escaped by the XML writer, never markup.
    texts = [e.find(ATOM + "title").text for e in entries]
    assert any("</script>" in t for t in texts)
    self_link = [link for link in root.findall(ATOM + "link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == f"{BASE}/feeds/fact-checks.atom"


@pytest.mark.parametrize("path", list(FEEDS))
def test_conditional_requests(newsroom, client, path):
    first = client.get(path)
    assert first.headers["Content-Type"].startswith(FEEDS[path])
    assert first.headers["ETag"] and first.headers["Last-Modified"] == "Wed, 11 Feb 2026 12:00:00 GMT"
    assert "max-age=300" in first.headers["Cache-Control"] and "public" in first.headers["Cache-Control"]
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    since = client.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304
    stale = client.get(path, headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200


def test_a_retraction_changes_the_feeds(newsroom, client, engine):
    from sqlmodel import select

    from claimtrack.db import session_scope
    from claimtrack.models import Verdict
    from claimtrack.services.review import retraction

    before = client.get("/feeds/claimreview.json")
    with session_scope(engine) as s:
        row = s.exec(select(Verdict).where(Verdict.claim_id == newsroom.ids["a2"], Verdict.state == "published")).one()
        retraction.retract(
            s,
            newsroom.eddie,
            newsroom.ids["a2"],
            verdict_id=row.id,
            version=row.version,
            reason="The payroll records were wrong.",
        )
    after = client.get(
        "/feeds/claimreview.json",
        headers={"If-None-Match": before.headers["ETag"], "If-Modified-Since": before.headers["Last-Modified"]},
    )
    assert after.status_code == 200
    assert [r["url"] for r in reviews(after.get_json(force=True))] == [
        f"{BASE}/fact-checks/{newsroom.ids[k]}" for k in ("a1", "a4")
    ]


@pytest.mark.parametrize("path", ["/fact-checks", "/fact-checks/{a1}"])
def test_public_pages_announce_the_feeds(newsroom, client, path):
    html = client.get(path.format(**newsroom.ids)).get_data(as_text=True)
    assert '<link rel="alternate" type="application/feed+json"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/feeds/claimreview.json"' in html


@pytest.mark.parametrize("role", [None, "viewer", "reviewer", "editor", "admin"])
def test_feeds_hold_nothing_unpublished_and_are_the_same_for_every_role(newsroom, app, engine, role):
    if role:
        make_user(engine, f"feed-{role}", role)
    client = app.test_client()
    if role:
        assert login(client, f"feed-{role}").status_code == 302
    anonymous = app.test_client()
    for path in FEEDS:
        for query in ("", "?since=2026-01-01", "?limit=1"):
            response = client.get(path + query)
            assert response.status_code == 200
            text = response.get_data(as_text=True)
            assert_clean(text)
            assert text == anonymous.get(path + query).get_data(as_text=True)
