"""Sources, verdicts and publishing through the API."""

from __future__ import annotations

SOURCE = {
    "url": "https://stats.example.org/report",
    "title": "Annual report",
    "stance": "refutes",
    "excerpt": "Page 4.",
}


def _claim_path(claim: dict) -> str:
    return f"/claims/{claim['id']}"


def _verdict(api, claim, role="reviewer", **fields):
    body = {"rating": "false", "summary": "It is not so.", "rationale": "Because.", "version": None, **fields}
    return api.post(_claim_path(claim) + "/verdicts", role, json=body)


def test_add_and_remove_a_source(api, claim):
    response = api.post(_claim_path(claim) + "/sources", "reviewer", json=SOURCE)
    assert response.status_code == 201, response.get_data(as_text=True)
    link = response.get_json()
    assert link["url"] == SOURCE["url"] and link["stance"] == "refutes" and link["fingerprint"]
    assert api.get(_claim_path(claim)).get_json()["sources"] == [link]
    again = api.post(_claim_path(claim) + "/sources", "reviewer", json=SOURCE)
    assert again.status_code == 422 and again.get_json()["error"]["fields"]["url"] == "already linked"
    stale = api.delete(_claim_path(claim) + f"/sources/{link['id']}?fingerprint=0000", "reviewer")
    assert stale.status_code == 409
    assert api.delete(_claim_path(claim) + f"/sources/{link['id']}", "reviewer").status_code == 204
    assert api.get(_claim_path(claim)).get_json()["sources"] == []
    assert api.delete(_claim_path(claim) + f"/sources/{link['id']}", "reviewer").status_code == 404


def test_source_validation(api, claim):
    for body in ({"url": "javascript:alert(1)"}, {"url": "https://x.org", "stance": "maybe"}, {}):
        assert api.post(_claim_path(claim) + "/sources", json=body).status_code == 422


def test_draft_then_update_then_submit(api, claim):
    created = _verdict(api, claim)
    assert created.status_code == 201, created.get_data(as_text=True)
    verdict = created.get_json()["verdict"]
    assert verdict["state"] == "draft" and verdict["rating_label"]
    assert created.get_json()["claim"]["status"] == "in_review"
    updated = _verdict(api, claim, summary="Still not so.", version=verdict["version"])
    assert updated.status_code == 200 and updated.get_json()["verdict"]["summary"] == "Still not so."
    # Submitting without a source is refused with what is missing.
    refused = _verdict(api, claim, submit=True, version=updated.get_json()["verdict"]["version"])
    assert refused.status_code == 422 and "sources" in refused.get_json()["error"]["fields"]
    api.post(_claim_path(claim) + "/sources", json=SOURCE)
    current = api.get(_claim_path(claim)).get_json()["open_verdict"]
    submitted = _verdict(api, claim, submit=True, version=current["version"])
    assert submitted.status_code == 200, submitted.get_data(as_text=True)
    assert submitted.get_json()["verdict"]["state"] == "submitted"
    assert submitted.get_json()["claim"]["status"] == "awaiting_approval"


def test_stale_verdict_is_409(api, claim):
    _verdict(api, claim)
    response = _verdict(api, claim, summary="Mine.", version=None)
    assert response.status_code == 409 and response.get_json()["error"]["code"] == "stale_version"
    assert response.get_json()["error"]["current"]["verdict"]["summary"] == "It is not so."


def test_unknown_rating_is_422(api, claim):
    response = _verdict(api, claim, rating="sort-of")
    assert response.status_code == 422 and "rating" in response.get_json()["error"]["fields"]


def test_publish(api, claim):
    path = _claim_path(claim) + "/publish"
    nothing = api.post(path, "editor")
    assert nothing.status_code == 409
    assert set(nothing.get_json()["error"]["missing"]) >= {"No rating chosen.", "No summary written."}
    api.post(_claim_path(claim) + "/sources", json=SOURCE)
    _verdict(api, claim, submit=True)
    assert api.post(path, "reviewer").status_code == 403
    response = api.post(path, "editor", json={})
    assert response.status_code == 200, response.get_data(as_text=True)
    data = response.get_json()
    assert data["verdict"]["state"] == "published" and data["claim"]["status"] == "published"
    assert data["claim"]["current_verdict"]["id"] == data["verdict"]["id"]


def test_publish_lists_what_is_missing(app_config, engine, users, claim):
    """No base URL configured anywhere: publishing still works, under the address the
    server was reached at. What a fact-check really lacks is still listed."""
    from claimtrack import create_app
    from claimtrack.db import session_scope
    from claimtrack.models import Claim
    from claimtrack.services.review import verdicts

    from .conftest import Api, new_token

    config = {**app_config, "PUBLIC_BASE_URL": None, "PUBLISHER_NAME": None, "PUBLISHER_URL": None}
    api = Api(
        create_app(config).test_client(),
        {"reviewer": new_token(engine, "reviewer")[1], "editor": new_token(engine, "editor")[1]},
    )
    nothing = api.post(_claim_path(claim) + "/publish", "editor")
    assert nothing.status_code == 409
    assert nothing.get_json()["error"]["missing"] == [
        "No rating chosen.",
        "No summary written.",
        "No source linked: add at least one.",
    ]

    api.post(_claim_path(claim) + "/sources", "reviewer", json=SOURCE)
    assert _verdict(api, claim, submit=True).status_code == 201
    response = api.post(_claim_path(claim) + "/publish", "editor")
    assert response.status_code == 200
    items = api.get("/claimreview", "editor").get_json()["items"]
    assert items[0]["url"] == f"http://localhost/fact-checks/{claim['id']}"
    assert items[0]["author"] == {"@type": "Organization", "name": "localhost", "url": "http://localhost"}

    # Outside a request (the command line) there is no address to fall back on: that is
    # named, with where to set it.
    with session_scope(engine) as session:
        row = session.get(Claim, claim["id"])
        problems = verdicts.publish_problems(
            session, row, {"PUBLIC_BASE_URL": None}, verdicts.published_verdict(session, row.id)
        )
    assert problems == [
        "There is no public base URL, so fact-checks have no public address: set it in "
        "Admin → Publisher settings, or set CLAIMTRACK_PUBLIC_BASE_URL."
    ]


def test_claimreview_feed(api, claim):
    assert api.get("/claimreview", "viewer").get_json() == {"items": [], "next": None}
    api.post(_claim_path(claim) + "/sources", json=SOURCE)
    _verdict(api, claim, submit=True)
    assert api.post(_claim_path(claim) + "/publish", "editor").status_code == 200
    items = api.get("/claimreview?limit=1", "viewer").get_json()["items"]
    assert len(items) == 1 and items[0]["@type"] == "ClaimReview"
    assert items[0]["claimReviewed"]
