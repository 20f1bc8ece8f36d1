"""Claimants, the rating scale, text matching, related claims and links."""

from __future__ import annotations

from tests.conftest import FIXTURES
from tests.helpers import import_file


def test_claimants_list_and_detail(api, claim):
    page = api.get("/claimants?limit=200", "viewer").get_json()
    assert page["items"] and page["next"] is None
    named = next(c for c in page["items"] if c["claims_count"])
    detail = api.get(f"/claimants/{named['id']}", "viewer").get_json()
    assert detail["name"] == named["name"] and len(detail["claims"]) == named["claims_count"]
    assert detail["aliases"] and detail["claims"][0]["article"]["title"]
    word = named["name"].split()[-1]
    assert named["id"] in [c["id"] for c in api.get(f"/claimants?q={word}").get_json()["items"]]
    assert api.get("/claimants/99999").status_code == 404


def test_rating_scale(api):
    scale = api.get("/rating-scale", "viewer").get_json()
    assert scale["labels"] and {"key", "label", "value", "alternate_name"} == set(scale["labels"][0])
    assert "false" in [label["key"] for label in scale["labels"]]


def test_match(api, claim):
    response = api.get("/match?q=" + "+".join(claim["text"].split()[:8]), "viewer")
    assert response.status_code == 200, response.get_data(as_text=True)
    items = response.get_json()["items"]
    assert claim["id"] in [item["id"] for item in items if item["kind"] == "claim"]
    assert api.get("/match").status_code == 422


def test_related_claims_and_deciding_a_link(api, engine, article_id):
    import_file(engine, FIXTURES / "articles" / "iraq-withdrawal-courier.json")
    claims = api.get(f"/claims?article={article_id}&limit=200").get_json()["items"]
    with_links = [(c, api.get(f"/claims/{c['id']}/related", "viewer").get_json()["items"]) for c in claims]
    with_links = [(c, items) for c, items in with_links if any(i["link_id"] for i in items)]
    assert with_links, "the two Iraq articles share claims"
    claim, items = with_links[0]
    link_id = next(i["link_id"] for i in items if i["link_id"])
    assert api.post(f"/links/{link_id}", "viewer", json={"state": "confirmed"}).status_code == 403
    assert api.post(f"/links/{link_id}", "reviewer", json={"state": "maybe"}).status_code == 422
    response = api.post(f"/links/{link_id}", "reviewer", json={"state": "confirmed"})
    assert response.status_code == 200 and response.get_json()["state"] == "confirmed"
    assert api.post("/links/999999", "reviewer", json={"state": "dismissed"}).status_code == 404
    assert api.get("/claims/999999/related").status_code == 404
