"""One fixed newsroom for the publishing tests, built through the services on a fixed
clock, so every expected value in the tests can be worked out by hand:

Article A, "Budget row deepens" (Daily A, 5 Jan 2026), six claims:
  A1 "Unemployment fell to 4 percent last year."  Jane Mayor (Mayor). Reviewer rita.
     Published False on 6 Jan 12:00, corrected by eddie to Mostly false on 8 Jan 12:00.
  A2 "The city hired 300 new teachers."  Tom Treasurer. Reviewer rob. Published True 10 Feb 12:00.
  A3 "Crime dropped by half since 2020."  rita's draft only.
  A4 its text replaced with a script-injection attempt.  Jane Mayor. rita. Published Half true 11 Feb 12:00.
  A5 "Tax revenue doubled in two years."  rita's verdict, returned by eddie with a comment.
  A6 "Rents rose 10 percent in the spring."  rita's verdict, submitted (awaiting approval).
Article B, "Jobs figures" (Daily B, 3 Jan 2026): B1 "Unemployment fell to 5 percent last year.",
  unreviewed; confirmed the same claim as A1, with numbers in conflict.
Every claim was imported (created) at 2026-01-06 00:00 UTC.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim, ClaimLink
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.publishing import publish as publishing
from claimtrack.services.review import claims as claim_service
from claimtrack.services.review import sources, verdicts
from claimtrack.services.review.sources import SourceInput
from claimtrack.services.review.verdicts import VerdictInput

from ...helpers import import_text, make_user
from ...jsonld import SCHEMA, expand, one  # re-exported for the tests here

CONFIG = {
    "PUBLIC_BASE_URL": "https://factcheck.example.org",
    "PUBLISHER_NAME": "Example Fact Check",
    "PUBLISHER_URL": "https://factcheck.example.org",
    "RATING_SCALE_PATH": None,
}
INJECTION = "The bridge cost </script><script>alert(1)</script> 12 million dollars."
SECRETS = (
    "SECRET DRAFT",
    "RETURN COMMENT",
    "SUBMITTED SUMMARY",
    "RETURNED SUMMARY",
    "OLD RATIONALE",
    "https://secret.example/draft-source",
)

BODY_A = (
    "Unemployment fell to 4 percent last year.\n\nThe city hired 300 new teachers.\n\n"
    "Crime dropped by half since 2020.\n\nThe bridge cost 12 million dollars.\n\n"
    "Tax revenue doubled in two years.\n\nRents rose 10 percent in the spring."
)
BODY_B = "Unemployment fell to 5 percent last year."


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def assert_valid_claimreview(doc: dict) -> dict:
    """Expanded with pyld: the types, the required and the recommended properties."""
    node = expand(doc)
    assert node["@type"] == [SCHEMA + "ClaimReview"]
    for prop in ("url", "claimReviewed", "reviewRating", "author", "datePublished", "itemReviewed"):
        assert SCHEMA + prop in node, prop
    rating = one(node, "reviewRating")
    assert rating["@type"] == [SCHEMA + "Rating"] and SCHEMA + "alternateName" in rating
    author = one(node, "author")
    assert author["@type"] == [SCHEMA + "Organization"]
    assert (one(author, "name"), one(author, "url")) == ("Example Fact Check", "https://factcheck.example.org")
    claim = one(node, "itemReviewed")
    assert claim["@type"] == [SCHEMA + "Claim"]
    for prop in ("author", "datePublished", "appearance"):
        assert SCHEMA + prop in claim, prop
    appearance = one(claim, "appearance")
    assert appearance["@type"] == [SCHEMA + "CreativeWork"]
    for prop in ("url", "headline", "publisher"):
        assert SCHEMA + prop in appearance, prop
    return node


class Clock:
    def __init__(self, monkeypatch) -> None:
        self.now = utc(2026, 1, 6)
        for module in (verdicts, publishing):  # drafting and correcting; publishing
            monkeypatch.setattr(module, "utcnow", lambda: self.now)


def _claim(session, article_id: int, starts: str) -> Claim:
    return session.exec(select(Claim).where(Claim.article_id == article_id, Claim.text.startswith(starts))).one()


@pytest.fixture
def newsroom(engine, monkeypatch):
    clock = Clock(monkeypatch)
    rita = Actor(make_user(engine, "rita", "reviewer"), "rita", "reviewer")
    rob = Actor(make_user(engine, "rob", "reviewer"), "rob", "reviewer")
    eddie = Actor(make_user(engine, "eddie", "editor"), "eddie", "editor")
    a = import_text(
        engine,
        json.dumps(
            {
                "title": "Budget row deepens",
                "body": BODY_A,
                "outlet": "Daily A",
                "url": "https://a.example/budget",
                "published": "2026-01-05T09:00:00Z",
            }
        ),
        where="a.json",
        suffix=".json",
    )
    b = import_text(
        engine,
        json.dumps(
            {
                "title": "Jobs figures",
                "body": BODY_B,
                "outlet": "Daily B",
                "url": "https://b.example/jobs",
                "published": "2026-01-03T08:00:00Z",
            }
        ),
        where="b.json",
        suffix=".json",
    )
    ids = {}
    with session_scope(engine) as s:
        for key, article, starts in (
            ("a1", a, "Unemployment"),
            ("a2", a, "The city"),
            ("a3", a, "Crime"),
            ("a4", a, "The bridge"),
            ("a5", a, "Tax"),
            ("a6", a, "Rents"),
            ("b1", b, "Unemployment"),
        ):
            claim = _claim(s, article.article_id, starts)
            claim.created_at = utc(2026, 1, 6)
            ids[key] = claim.id
        lo, hi = sorted((ids["a1"], ids["b1"]))
        s.add(
            ClaimLink(
                claim_a_id=lo,
                claim_b_id=hi,
                score=0.9,
                relation="same",
                numeric="conflict",
                reasons=["4 percent vs 5 percent"],
                state="confirmed",
            )
        )

    def speaker(s, key: str, name: str, title: str | None = None) -> None:
        claim = s.get(Claim, ids[key])
        claim_service.set_speaker(s, rita, claim.id, version=claim.version, name=name, title=title)

    def publish(s, key, who, rating, summary, rationale="", url="https://stats.example/report"):
        sources.add_source(
            s,
            who,
            ids[key],
            SourceInput(url, "Official statistics", "Stats Office", "refutes", "The rate was 5 percent."),
        )
        row = verdicts.save_draft(
            s, who, ids[key], VerdictInput(rating, summary, rationale), verdict_id=None, version=None, config=CONFIG
        )
        row = verdicts.submit(
            s,
            who,
            ids[key],
            VerdictInput(rating, summary, rationale),
            verdict_id=row.id,
            version=row.version,
            config=CONFIG,
        )
        return publishing.publish(s, eddie, ids[key], verdict_id=row.id, version=row.version, config=CONFIG)

    with session_scope(engine) as s:
        speaker(s, "a1", "Jane Mayor", "Mayor")
        speaker(s, "a2", "Tom Treasurer")
        claim = s.get(Claim, ids["a4"])
        claim_service.edit_text(
            s, rita, claim.id, version=claim.version, text=INJECTION, start=claim.start_offset, end=claim.end_offset
        )
        speaker(s, "a4", "Jane Mayor", "Mayor")
    with session_scope(engine) as s:
        clock.now = utc(2026, 1, 6, 12)
        first = publish(s, "a1", rita, "false", "The rate was 5 percent, not 4.", "OLD RATIONALE")
    with session_scope(engine) as s:
        clock.now = utc(2026, 1, 8, 12)
        verdicts.correct(
            s,
            eddie,
            ids["a1"],
            VerdictInput(
                "mostly-false",
                "The official rate was 4.6 percent.",
                "The office revised its table.\n\n<b>Not bold</b> text.",
            ),
            verdict_id=first.id,
            version=first.version,
            note="We misread the revised table.",
            config=CONFIG,
        )
    with session_scope(engine) as s:
        clock.now = utc(2026, 2, 10, 12)
        publish(
            s,
            "a2",
            rob,
            "true",
            "The city hired 300 teachers.",
            "Payroll records show it.",
            url="https://city.example/payroll",
        )
        clock.now = utc(2026, 2, 11, 12)
        publish(s, "a4", rita, "half-true", "It cost 9 million.", "Invoices.", url="https://city.example/bridge")
    with session_scope(engine) as s:
        sources.add_source(
            s, rita, ids["a3"], SourceInput("https://secret.example/draft-source", "Draft", "", "context")
        )
        verdicts.save_draft(
            s,
            rita,
            ids["a3"],
            VerdictInput("false", "SECRET DRAFT summary", "SECRET DRAFT why"),
            verdict_id=None,
            version=None,
            config=CONFIG,
        )
        sources.add_source(s, rita, ids["a5"], SourceInput("https://tax.example/x", "Tax", "", "context"))
        row = verdicts.submit(
            s,
            rita,
            ids["a5"],
            VerdictInput("true", "RETURNED SUMMARY", ""),
            verdict_id=None,
            version=None,
            config=CONFIG,
        )
        verdicts.return_verdict(
            s, eddie, ids["a5"], verdict_id=row.id, version=row.version, comment="RETURN COMMENT: check the base year"
        )
        sources.add_source(s, rita, ids["a6"], SourceInput("https://rent.example/x", "Rents", "", "context"))
        verdicts.submit(
            s,
            rita,
            ids["a6"],
            VerdictInput("false", "SUBMITTED SUMMARY", ""),
            verdict_id=None,
            version=None,
            config=CONFIG,
        )
    return SimpleNamespace(ids=ids, article_a=a.article_id, article_b=b.article_id, rita=rita, rob=rob, eddie=eddie)


@pytest.fixture
def config() -> dict:
    return dict(CONFIG)
