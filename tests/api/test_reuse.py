"""Reusing the verdict of a confirmed same claim through the API: offered and allowed
only when the two claims' numbers agree or are absent."""

from __future__ import annotations

from sqlalchemy import and_
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim, ClaimLink
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.publishing import publish as publishing
from claimtrack.services.review import sources, verdicts
from tests.conftest import FIXTURES
from tests.helpers import import_file


def _claim_id(engine, article_id: int, fragment: str) -> int:
    with session_scope(engine) as s:
        return s.exec(
            select(Claim.id).where(
                Claim.article_id == article_id, Claim.text.contains(fragment), Claim.repeat_of_id.is_(None)
            )
        ).one()


def _link(engine, a: int, b: int) -> ClaimLink:
    low, high = sorted((a, b))
    with session_scope(engine) as s:
        link = s.exec(select(ClaimLink).where(and_(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high))).one()
        s.expunge(link)
        return link


def _publish(engine, users, claim_id: int) -> None:
    config = {"PUBLIC_BASE_URL": "https://factcheck.example.org"}
    with session_scope(engine) as s:
        reviewer = Actor(users["reviewer"], "reviewer", "reviewer")
        sources.add_source(s, reviewer, claim_id, sources.SourceInput("https://www.defense.gov/x", "DoD release"))
        data = verdicts.VerdictInput("true", "The count matches the Pentagon's figure.", "")
        row = verdicts.save_draft(s, reviewer, claim_id, data, verdict_id=None, version=None, config=config)
        row = verdicts.submit(s, reviewer, claim_id, data, verdict_id=row.id, version=row.version, config=config)
        publishing.publish(
            s,
            Actor(users["editor"], "editor", "editor"),
            claim_id,
            verdict_id=row.id,
            version=row.version,
            config=config,
        )


def _item(api, claim_id: int, link_id: int) -> dict:
    items = api.get(f"/claims/{claim_id}/related", "viewer").get_json()["items"]
    return next(i for i in items if i["link_id"] == link_id)


def test_reuse_across_agreeing_numbers_is_offered_and_done(api, engine, users, article_id):
    troops = _claim_id(engine, article_id, "the 6,000 or so American troops in Iraq")
    opinion = import_file(engine, FIXTURES / "articles" / "iraq-withdrawal-opinion.txt")
    other = _claim_id(engine, opinion.article_id, "roughly 6,000 service members")
    link = _link(engine, troops, other)
    assert (link.relation, link.numeric) == ("same", "consistent")
    _publish(engine, users, other)
    assert _item(api, troops, link.id)["verdict_reusable"] is False  # not confirmed yet
    early = api.post(f"/claims/{troops}/verdicts/reuse", "reviewer", json={"link_id": link.id})
    assert early.status_code == 409 and "confirmed same-claim link" in early.get_json()["error"]["message"]
    assert api.post(f"/links/{link.id}", "reviewer", json={"state": "confirmed"}).status_code == 200
    assert _item(api, troops, link.id)["verdict_reusable"] is True
    assert api.post(f"/claims/{troops}/verdicts/reuse", "viewer", json={"link_id": link.id}).status_code == 403
    reused = api.post(f"/claims/{troops}/verdicts/reuse", "reviewer", json={"link_id": link.id})
    assert reused.status_code == 201, reused.get_data(as_text=True)
    body = reused.get_json()
    assert body["verdict"]["summary"] == "The count matches the Pentagon's figure."
    assert [src["reused_from_claim_id"] for src in body["claim"]["sources"]] == [other]


def test_reuse_across_a_numeric_conflict_is_never_offered_nor_done(api, engine, users, article_id):
    troops = _claim_id(engine, article_id, "the 6,000 or so American troops in Iraq")
    wire = import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    other = _claim_id(engine, wire.article_id, "some 5,200 American troops")
    link = _link(engine, troops, other)
    assert (link.relation, link.numeric) == ("same", "conflict")
    _publish(engine, users, other)
    assert api.post(f"/links/{link.id}", "reviewer", json={"state": "confirmed"}).status_code == 200
    item = _item(api, troops, link.id)
    assert item["state"] == "confirmed" and item["verdict_reusable"] is False
    refused = api.post(f"/claims/{troops}/verdicts/reuse", "reviewer", json={"link_id": link.id})
    assert refused.status_code == 409
    assert "numbers of the two claims conflict" in refused.get_json()["error"]["message"]
    assert api.get(f"/claims/{troops}").get_json()["open_verdict"] is None
    assert api.post(f"/claims/{troops}/verdicts/reuse", "reviewer", json={}).status_code == 422
