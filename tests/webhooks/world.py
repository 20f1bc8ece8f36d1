"""Building blocks for webhook tests: a subscription, and a fact-check published
through the services, each in its own committed transaction."""

from __future__ import annotations

from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.fetch import parse_networks
from claimtrack.models import Claim
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.publishing.publish import publish as publish_verdict
from claimtrack.services.review import sources, verdicts
from claimtrack.services.review.sources import SourceInput
from claimtrack.services.review.verdicts import VerdictInput
from claimtrack.services.webhooks.subscriptions import SubscriptionForm, UrlPolicy, add_subscription
from tests.conftest import EXAMPLE
from tests.helpers import import_file, make_user

ADMIN = Actor.system("test")
POLICY = UrlPolicy(parse_networks("127.0.0.3/32"))
CONFIG = {"PUBLIC_BASE_URL": "https://factcheck.example.org", "RATING_SCALE_PATH": None}
GOOD = VerdictInput("mostly-true", "Close: the ferry count is about right.", "Port records.")


def subscribe(engine, url: str, events: list[str]) -> tuple[int, str]:
    with session_scope(engine) as s:
        sub = add_subscription(s, ADMIN, SubscriptionForm(url=url, events=events, description="desk"), POLICY)
        return sub.id, sub.secret


def a_claim(engine) -> int:
    outcome = import_file(engine, EXAMPLE)
    with session_scope(engine) as s:
        return s.exec(select(Claim.id).where(Claim.article_id == outcome.article_id)).first()


def publish(engine, claim_id: int) -> int:
    """Draft, submit and approve a verdict; the published verdict's id."""
    reviewer = Actor(make_user(engine, f"rev{claim_id}", "reviewer"), f"rev{claim_id}", "reviewer")
    editor = Actor(make_user(engine, f"ed{claim_id}", "editor"), f"ed{claim_id}", "editor")
    with session_scope(engine) as s:
        sources.add_source(
            s, reviewer, claim_id, SourceInput("https://port.example.org/log", "Port log", "Port", "supports")
        )
        row = verdicts.save_draft(s, reviewer, claim_id, GOOD, verdict_id=None, version=None, config=CONFIG)
        row = verdicts.submit(s, reviewer, claim_id, GOOD, verdict_id=row.id, version=row.version, config=CONFIG)
    with session_scope(engine) as s:
        row = publish_verdict(s, editor, claim_id, verdict_id=row.id, version=row.version, config=CONFIG)
        return row.id
