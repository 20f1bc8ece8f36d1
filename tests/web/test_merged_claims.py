"""A merged claim is "merged into #N" everywhere a reviewer looks (panel, queue, article,
reports) and is never counted as dismissed; a dismissed claim takes no new sources."""

from claimtrack.db import session_scope
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.review import claims
from claimtrack.services.review.sources import sources_for
from tests.clients import HX, claim_id_containing


def _merge(engine, article, troops) -> int:
    other = claim_id_containing(engine, article.article_id, "That coalition stood down")
    with session_scope(engine) as s:
        claims.merge(s, Actor.system("test"), troops, other, version=1, other_version=1)
    return other


def _status_counts(client) -> dict:
    rows = client.get("/reports/overview?format=json").get_json()["rows"]
    return {r["key"]: r["count"] for r in rows if r["measure"] == "status"}


def test_merged_is_its_own_status_in_queue_article_and_reports(as_role, api, engine, article, troops):
    client = as_role("reviewer")
    before = _status_counts(client)
    other = _merge(engine, article, troops)
    after = _status_counts(client)
    assert after["merged"] == before["merged"] + 1 and after["dismissed"] == before["dismissed"]

    merged_list = client.get("/?status=merged", headers={**HX, "HX-Target": "queue-results"}).get_data(as_text=True)
    assert f'href="/claims/{other}"' in merged_list and f"Merged into #{troops}" in merged_list
    dismissed_list = client.get("/?status=dismissed", headers={**HX, "HX-Target": "queue-results"})
    assert f'href="/claims/{other}"' not in dismissed_list.get_data(as_text=True)

    page = client.get(f"/articles/{article.article_id}").get_data(as_text=True)
    assert f"Merged into #{troops}" in page
    report = client.get(f"/reports/articles/{article.article_id}").get_data(as_text=True)
    assert f'Merged into <a href="/claims/{troops}">#{troops}</a>' in report
    rows = client.get(f"/reports/articles/{article.article_id}?format=json").get_json()["rows"]
    assert {r["claim_id"]: (r["status"], r["merged_into"]) for r in rows}[other] == ("merged", troops)

    shown = api.get(f"/claims/{other}", "viewer").get_json()
    assert (shown["status"], shown["merged_into_id"]) == ("merged", troops)


def test_a_merged_claim_offers_no_further_work(as_role, engine, article, troops):
    other = _merge(engine, article, troops)
    panel = as_role("editor").get(f"/claims/{other}", headers=HX).get_data(as_text=True)
    assert f'Merged into <a href="/claims/{troops}">claim #{troops}</a>' in panel and "Dismissed" not in panel
    for action in ("sources", "dismiss", "assign", "split"):
        assert f'action="/claims/{other}/{action}"' not in panel
    # its history says where it went, in words rather than internal field names
    assert f"Merged into claim #{troops}" in panel and "merged_into_id" not in panel


def test_a_dismissed_claim_offers_no_add_source_and_refuses_one(as_role, engine, troops):
    client = as_role("reviewer")
    client.post(f"/claims/{troops}/dismiss", headers=HX, data={"version": "1", "preset": "Not checkable"})
    panel = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert "Dismissed: Not checkable" in panel and f'action="/claims/{troops}/sources"' not in panel
    refused = client.post(
        f"/claims/{troops}/sources", headers=HX, data={"url": "https://stats.example/troops", "stance": "context"}
    )
    body = refused.get_data(as_text=True)
    assert refused.status_code < 500 and "restore it to the queue before changing its sources" in body
    with session_scope(engine) as s:
        assert sources_for(s, troops) == []
