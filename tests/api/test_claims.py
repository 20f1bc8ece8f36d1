"""Claims: filters, the full read, edits with optimistic locking."""

from __future__ import annotations


def test_claim_detail_has_everything(api, claim):
    assert {"quantities", "sources", "current_verdict", "open_verdict", "verdicts", "version", "span_text"} <= set(
        claim
    )
    assert claim["article"]["title"]
    assert claim["version"] == 1 and claim["verdicts"] == [] and claim["current_verdict"] is None


def test_filters(api, article_id, claim, users):
    everything = api.get(f"/claims?article={article_id}&limit=200").get_json()["items"]
    assert everything and all(c["article_id"] == article_id for c in everything)
    assert api.get("/claims?article=999").get_json()["items"] == []
    assert all(c["status"] == "unreviewed" for c in api.get("/claims?status=unreviewed").get_json()["items"])
    assert api.get("/claims?status=published").get_json()["items"] == []
    word = claim["text"].split()[2]
    assert claim["id"] in [c["id"] for c in api.get(f"/claims?q={word}&limit=200").get_json()["items"]]
    if claim["claimant"]:
        hits = api.get(f"/claims?claimant={claim['claimant']['id']}").get_json()["items"]
        assert hits and all(c["claimant"]["id"] == claim["claimant"]["id"] for c in hits)
    api.patch(f"/claims/{claim['id']}", json={"version": 1, "assignee": users["reviewer"]})
    assert [c["id"] for c in api.get(f"/claims?assignee={users['reviewer']}").get_json()["items"]] == [claim["id"]]
    assert api.get("/claims?has_conflict=true").get_json()["items"] == []


def test_paging_is_stable(api, article_id):
    ids, url = [], "/claims?limit=2"
    while url:
        page = api.get(url).get_json()
        ids += [c["id"] for c in page["items"]]
        url = page["next"] and page["next"].removeprefix("/api/v1")
    assert ids == sorted(ids) and len(ids) == len(set(ids)) > 2


def test_patch_text_speaker_assignee_status(api, claim, users):
    response = api.patch(
        f"/claims/{claim['id']}",
        "reviewer",
        json={
            "version": claim["version"],
            "text": "A reworded claim.",
            "claimant": "Jane Roe",
            "claimant_title": "spokeswoman",
            "assignee": users["reviewer"],
            "status": "in_review",
        },
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    data = response.get_json()
    assert data["text"] == "A reworded claim." and data["claimant"]["name"] == "Jane Roe"
    assert data["assignee_id"] == users["reviewer"] and data["status"] == "in_review"
    assert data["version"] > claim["version"]


def test_patch_span_takes_the_spans_text(api, claim):
    start, end = claim["start"], claim["end"] - 5
    data = api.patch(f"/claims/{claim['id']}", json={"version": 1, "start": start, "end": end}).get_json()
    assert (data["start"], data["end"]) == (start, end) and data["span_text"] == data["text"]


def test_stale_version_is_409_with_the_current_state(api, claim):
    path = f"/claims/{claim['id']}"
    assert api.patch(path, "reviewer", json={"version": 1, "text": "First edit."}).status_code == 200
    response = api.patch(path, "editor", json={"version": 1, "text": "Second edit."})
    assert response.status_code == 409
    error = response.get_json()["error"]
    assert error["code"] == "stale_version" and error["changed_by"] == "reviewer"
    assert error["current"]["claim"]["text"] == "First edit." and error["current"]["claim"]["version"] == 2
    assert api.get(path).get_json()["text"] == "First edit."


def test_a_failed_patch_changes_nothing(api, claim):
    response = api.patch(f"/claims/{claim['id']}", json={"version": 1, "text": "Changed", "status": "published"})
    assert response.status_code == 409 and response.get_json()["error"]["code"] == "illegal_transition"
    assert api.get(f"/claims/{claim['id']}").get_json()["text"] == claim["text"]


def test_dismiss_needs_a_reason(api, claim):
    path = f"/claims/{claim['id']}"
    assert api.patch(path, json={"version": 1, "status": "dismissed"}).status_code == 422
    data = api.patch(path, json={"version": 1, "status": "dismissed", "dismissed_reason": "Opinion."}).get_json()
    assert data["status"] == "dismissed" and data["dismissed_reason"] == "Opinion."


def test_patch_validation(api, claim):
    path = f"/claims/{claim['id']}"
    for body in (
        {"text": "x"},
        {"version": "1"},
        {"version": 1, "start": 3},
        {"version": 1, "start": 0, "end": 10**7},
        {"version": 1, "assignee": 999},
        {"version": True},
    ):
        response = api.patch(path, json=body)
        assert response.status_code == 422, (body, response.get_data(as_text=True))
    assert api.patch("/claims/99999", json={"version": 1}).status_code == 404
