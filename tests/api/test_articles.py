"""Articles: list with paging, read, import and duplicates."""

from __future__ import annotations

from tests.conftest import FIXTURES

ARTICLE = {
    "title": "Council backs the bridge",
    "outlet": "Harbour Post",
    "url": "https://example.org/bridge",
    "byline": "Ana Ruiz",
    "published": "2024-03-01",
    "body": "The mayor said the bridge would cost 40 million dollars. Critics said it would cost twice that.",
}


def test_import_returns_the_article_and_its_claims(api):
    response = api.post("/articles", "reviewer", json=ARTICLE)
    assert response.status_code == 201, response.get_data(as_text=True)
    data = response.get_json()
    assert data["duplicate"] is False and data["title"] == ARTICLE["title"] and data["outlet"] == "Harbour Post"
    assert data["claims"] and all(c["article_id"] == data["id"] for c in data["claims"])
    for c in data["claims"]:
        assert data["body"][c["start"] : c["end"]]


def test_the_same_article_again_is_a_duplicate(api):
    first = api.post("/articles", "reviewer", json=ARTICLE).get_json()
    again = api.post("/articles", "reviewer", json=ARTICLE)
    assert again.status_code == 200
    assert again.get_json() == {"duplicate": True, "id": first["id"], "title": ARTICLE["title"]}


def test_import_refusals_name_the_field(api):
    response = api.post("/articles", "reviewer", json={**ARTICLE, "url": "ftp://x", "published": "soon"})
    assert response.status_code == 422
    assert "url" in response.get_json()["error"]["fields"]
    response = api.post("/articles", "reviewer", json={"title": "x", "body": "   "})
    assert response.status_code == 422 and "body" in response.get_json()["error"]["fields"]


def test_get_article_with_claims(api, article_id):
    data = api.get(f"/articles/{article_id}", "viewer").get_json()
    assert data["id"] == article_id and data["claims_count"] == len(data["claims"]) > 3
    assert data["claims"][0]["version"] == 1


def test_list_pages_by_id_with_next_link(api):
    for path in sorted((FIXTURES / "articles").glob("*.txt"))[:4]:
        response = api.post("/articles", "reviewer", json={"title": path.stem, "body": path.read_text()})
        assert response.status_code == 201, response.get_data(as_text=True)
    seen, url = [], "/articles?limit=3"
    while url:
        page = api.get(url, "viewer").get_json()
        seen += [a["id"] for a in page["items"]]
        url = page["next"] and page["next"].removeprefix("/api/v1")
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == 4


def test_list_filters(api):
    api.post("/articles", "reviewer", json=ARTICLE)
    assert [a["title"] for a in api.get("/articles?q=bridge").get_json()["items"]] == [ARTICLE["title"]]
    assert api.get("/articles?outlet=Harbour%20Post").get_json()["items"][0]["outlet"] == "Harbour Post"
    assert api.get("/articles?outlet=Nobody").get_json() == {"items": [], "next": None}
