"""Alerts when new coverage repeats, or contradicts, a claim with a published verdict."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.errors import Conflict
from claimtrack.models import Claim, ClaimAlert, ClaimLink
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.monitoring import alerts
from claimtrack.services.monitoring.articles import import_url
from claimtrack.services.publishing import publish as publishing
from claimtrack.services.review import sources, verdicts
from claimtrack.services.review.sources import SourceInput
from tests.helpers import make_user

from .pages import article_html

CONFIG = {
    "PUBLIC_BASE_URL": "https://factcheck.example.org",
    "PUBLISHER_NAME": "Example Fact Check",
    "PUBLISHER_URL": "https://factcheck.example.org",
    "RATING_SCALE_PATH": None,
}
SYSTEM = Actor.system("test")

REPEAT = (
    "Island paper repeats the fares figure",
    "Harbour council leader Mara Ellison said on Monday that ferry fares had risen by 18 percent since March. "
    "Passengers on the morning boat said the queues were longer than before.",
)
CONFLICT = (
    "Fares figure disputed again",
    "Harbour council leader Mara Ellison said on Monday that ferry fares had risen by 35 percent since March. "
    "Passengers on the morning boat said the queues were longer than before.",
)


def _page(title, body, outlet):
    return (
        f'<!doctype html><html><head><title>{title}</title><meta property="og:site_name" content="{outlet}">'
        f"</head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    )


def _fetch(engine, client, url):
    with session_scope(engine) as s:
        return import_url(s, SYSTEM, client, url, max_body_chars=2_000_000)


@pytest.fixture
def published(engine, farm, fetch_client):
    """The ferry story imported, and its fares claim checked and published."""
    rita = Actor(make_user(engine, "rita", "reviewer"), "rita", "reviewer")
    eddie = Actor(make_user(engine, "eddie", "editor"), "eddie", "editor")
    farm.serve("/ferry", article_html("ferry"))
    stored = _fetch(engine, fetch_client, farm.url("/ferry"))
    with session_scope(engine) as s:
        claim = next(
            c for c in s.exec(select(Claim).where(Claim.article_id == stored.article_id)) if "18 percent" in c.text
        )
        sources.add_source(
            s,
            rita,
            claim.id,
            SourceInput(
                "https://ferries.example.org/fares", "Fare tables", "Ferry operator", "refutes", "Fares rose 9 percent."
            ),
        )
        entry = verdicts.VerdictInput("false", "Fares rose by 9 percent, not 18.", "The operator's tables.")
        row = verdicts.save_draft(s, rita, claim.id, entry, verdict_id=None, version=None, config=CONFIG)
        row = verdicts.submit(s, rita, claim.id, entry, verdict_id=row.id, version=row.version, config=CONFIG)
        verdict = publishing.publish(s, eddie, claim.id, verdict_id=row.id, version=row.version, config=CONFIG)
        return {"claim": claim.id, "verdict": verdict.id, "rita": rita}


def _alerts(engine):
    with session_scope(engine) as s:
        return s.exec(select(ClaimAlert).order_by(ClaimAlert.id)).all()


def test_a_repeat_raises_an_alert_linking_both_claims_and_the_verdict(engine, farm, fetch_client, published):
    farm.serve("/island", _page(*REPEAT, "Island Echo"))
    stored = _fetch(engine, fetch_client, farm.url("/island"))
    (alert,) = _alerts(engine)
    assert alert.kind == "repeat" and alert.state == "open"
    assert alert.checked_claim_id == published["claim"] and alert.verdict_id == published["verdict"]
    with session_scope(engine) as s:
        assert s.get(Claim, alert.claim_id).article_id == stored.article_id
        (row,) = alerts.list_alerts(s)
        assert row.verdict.rating == "false" and row.outlet == "Island Echo"
    # The same coverage again raises nothing new.
    _fetch(engine, fetch_client, farm.url("/island"))
    assert len(_alerts(engine)) == 1


def test_a_numeric_conflict_raises_a_conflict_alert(engine, farm, fetch_client, published):
    farm.serve("/disputed", _page(*CONFLICT, "Mainland Post"))
    _fetch(engine, fetch_client, farm.url("/disputed"))
    (alert,) = _alerts(engine)
    assert alert.kind == "conflict" and alert.checked_claim_id == published["claim"]


def test_unrelated_coverage_raises_nothing(engine, farm, fetch_client, published):
    farm.serve("/schools", article_html("schools"))
    _fetch(engine, fetch_client, farm.url("/schools"))
    assert _alerts(engine) == []


def test_acknowledge_and_review(engine, farm, fetch_client, published):
    farm.serve("/island", _page(*REPEAT, "Island Echo"))
    farm.serve("/disputed", _page(*CONFLICT, "Mainland Post"))
    _fetch(engine, fetch_client, farm.url("/island"))
    _fetch(engine, fetch_client, farm.url("/disputed"))
    repeat, conflict = _alerts(engine)
    rita = published["rita"]
    with session_scope(engine) as s:
        alerts.start_review(s, rita, repeat.id)
        alerts.acknowledge(s, rita, conflict.id)
    with session_scope(engine) as s:
        a, b = sorted((repeat.claim_id, repeat.checked_claim_id))
        link = s.exec(select(ClaimLink).where(ClaimLink.claim_a_id == a, ClaimLink.claim_b_id == b)).one()
        assert link.state == "confirmed"  # the panel now offers the verdict for reuse
        assert verdicts.reusable_link(s, repeat.claim_id, link.id)[2].id == published["verdict"]
        assert [x.state for x in s.exec(select(ClaimAlert).order_by(ClaimAlert.id))] == ["reviewed", "acknowledged"]
        assert alerts.list_alerts(s) == []
    with session_scope(engine) as s, pytest.raises(Conflict):
        alerts.acknowledge(s, rita, conflict.id)
