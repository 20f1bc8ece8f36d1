"""The "Repeats and conflicts" view and the daily digest, in the browser and the API."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.models import ClaimAlert
from tests.api.conftest import new_token
from tests.helpers import login
from tests.monitoring.test_alerts import CONFLICT, REPEAT, _fetch, _page, published  # noqa: F401 - the fixture

from .conftest import HX


def _bring_back(engine, farm, fetch_client):
    farm.serve("/island", _page(*REPEAT, "Island Echo"))
    farm.serve("/disputed", _page(*CONFLICT, "Mainland Post"))
    _fetch(engine, fetch_client, farm.url("/island"))
    _fetch(engine, fetch_client, farm.url("/disputed"))
    with session_scope(engine) as s:
        return s.exec(select(ClaimAlert).order_by(ClaimAlert.id)).all()


def test_alerts_page_lists_both_claims_and_the_verdict(as_role, engine, farm, fetch_client, published):  # noqa: F811
    repeat, conflict = _bring_back(engine, farm, fetch_client)
    page = as_role("viewer").get("/alerts").get_data(as_text=True)
    assert "Repeats and conflicts" in page and "Fares rose by 9 percent, not 18." in page
    assert f'href="/claims/{repeat.claim_id}"' in page and f'href="/claims/{repeat.checked_claim_id}"' in page
    assert "numbers conflict" in page and "/acknowledge" not in page  # viewers only read
    reviewer = as_role("reviewer")
    row = reviewer.post(f"/alerts/{conflict.id}/acknowledge", headers=HX).get_data(as_text=True)
    assert row.lstrip().startswith(f'<tr id="alert-{conflict.id}">') and "acknowledged" in row
    res = reviewer.post(f"/alerts/{repeat.id}/review")
    assert res.status_code == 303 and res.headers["Location"] == f"/claims/{repeat.claim_id}"
    assert "No open alerts" in reviewer.get("/alerts").get_data(as_text=True)
    assert "Fares rose by 9 percent" in reviewer.get("/alerts?state=all").get_data(as_text=True)
    fragment = reviewer.get("/alerts?state=all", headers=HX).get_data(as_text=True)
    assert fragment.lstrip().startswith('<div id="alert-list">')


def test_alerts_and_digest_in_the_api(app, client, engine, farm, fetch_client, published, users):  # noqa: F811
    repeat, _ = _bring_back(engine, farm, fetch_client)
    token = new_token(engine, "reviewer")[1]
    auth = {"Authorization": f"Bearer {token}"}
    items = client.get("/api/v1/alerts", headers=auth).get_json()["items"]
    assert {i["kind"] for i in items} == {"repeat", "conflict"}
    assert all(i["verdict"]["rating"] == "false" for i in items)
    done = client.post(f"/api/v1/alerts/{repeat.id}/acknowledge", headers=auth)
    assert done.status_code == 200 and done.get_json()["state"] == "acknowledged"
    assert client.post(f"/api/v1/alerts/{repeat.id}/acknowledge", headers=auth).status_code == 409
    today = datetime.now(UTC).date().isoformat()
    digest = client.get(f"/api/v1/digest?day={today}&top=3", headers=auth).get_json()
    assert digest["day"] == today and len(digest["overall"]) == 3
    # Repeats of checked claims come first, whatever their check-worthiness.
    assert {i["alert"] for i in digest["overall"][:2]} == {"conflict", "repeat"}
    assert digest["overall"][2]["alert"] is None
    assert {o["outlet"] for o in digest["outlets"]} >= {"Island Echo", "Mainland Post", "Coast Courier"}
    # The digest page's JSON download is the same document as the API's answer.
    page_client = app.test_client()
    login(page_client, "viewer")
    assert page_client.get(f"/digest.json?day={today}&top=3").get_json() == digest
    assert client.get("/api/v1/digest?day=2026-13-45", headers=auth).status_code == 422


def test_digest_page_csv_and_json(as_role, engine, farm, fetch_client, published):  # noqa: F811
    _bring_back(engine, farm, fetch_client)
    viewer = as_role("viewer")
    page = viewer.get("/digest").get_data(as_text=True)
    assert "Daily digest" in page and "repeat of a checked claim" in page and "Island Echo" in page
    rows = list(csv.DictReader(io.StringIO(viewer.get("/digest.csv?top=2").get_data(as_text=True))))
    overall = [r for r in rows if r["list"] == "overall"]
    assert len(overall) == 2 and {r["alert"] for r in overall} == {"repeat", "conflict"}
    doc = viewer.get("/digest.json").get_json()
    scores = [i["checkworthiness"] for i in doc["overall"] if not i["alert"]]
    assert scores == sorted(scores, reverse=True)
    assert viewer.get("/digest?day=yesterday").status_code == 422
    assert viewer.get("/digest?top=0").status_code == 422
    empty = viewer.get("/digest?day=2001-01-01").get_data(as_text=True)
    assert "No new claims on 2001-01-01" in empty
