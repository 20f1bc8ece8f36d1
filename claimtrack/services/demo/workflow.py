"""Demo review work: a few claims of the demo article in different states, so the queue,
the article page and the claimant pages have something to show. Safe to run again: a
marker event records that it ran, and it never touches claims someone has changed.

The published fact-check assumes the address `make run` serves the demo on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ...database import session_scope
from ...models import Article, AuditEvent, Claim
from .. import audit
from ..accounts.actors import Actor
from ..accounts.users import find_user
from ..publishing import publish as publishing
from ..review import claims, sources, verdicts

DEMO_CONFIG = {"PUBLIC_BASE_URL": "http://127.0.0.1:5000", "RATING_SCALE_PATH": None}
MARKER = "demo.workflow"
ARTICLE_TITLE = "Troops Withdrawal: Iraq asks United States"


def _claim(session: Session, article_id: int, text: str) -> Claim | None:
    return session.exec(
        select(Claim).where(
            Claim.article_id == article_id, Claim.text.contains(text), Claim.status == "unreviewed", Claim.version == 1
        )
    ).first()


def seed_workflow(engine: Engine, config: Mapping[str, Any] | None = None) -> bool:
    """Put demo claims into review states once; returns whether anything was done."""
    config = {**DEMO_CONFIG, **(config or {})}
    with session_scope(engine) as session:
        if session.exec(select(AuditEvent.id).where(AuditEvent.action == MARKER)).first() is not None:
            return False
        article = session.exec(select(Article).where(Article.title.startswith(ARTICLE_TITLE))).first()
        reviewer, editor = find_user(session, "reviewer"), find_user(session, "editor")
        if article is None or reviewer is None or editor is None:
            return False
        rita, eddie = Actor.of(reviewer), Actor.of(editor)
        _publish(session, rita, eddie, article.id, config)
        _draft(session, rita, article.id, config)
        _assign(session, rita, article.id)
        _dismiss(session, rita, article.id)
        audit.record(session, Actor.system("demo"), MARKER, "article", article.id, after={"seeded": True})
    return True


def _publish(session: Session, rita: Actor, eddie: Actor, article_id: int, config: Mapping[str, Any]) -> None:
    claim = _claim(session, article_id, "3,000 more troops")
    if claim is None:
        return
    sources.add_source(
        session,
        rita,
        claim.id,
        sources.SourceInput(
            url="https://www.defense.gov/News/Releases/",
            title="Statement on the deployment of additional forces",
            publisher="U.S. Department of Defense",
            stance="supports",
            excerpt="Approximately 3,000 soldiers from the 82nd Airborne Division will deploy to the region.",
        ),
    )
    data = verdicts.VerdictInput(
        "true",
        "The Pentagon announced the deployment of about 3,000 soldiers.",
        "The Department of Defense statement gives the same figure and timing.",
    )
    row = verdicts.save_draft(session, rita, claim.id, data, verdict_id=None, version=None, config=config)
    row = verdicts.submit(session, rita, claim.id, data, verdict_id=row.id, version=row.version, config=config)
    publishing.publish(session, eddie, claim.id, verdict_id=row.id, version=row.version, config=config)


def _draft(session: Session, rita: Actor, article_id: int, config: Mapping[str, Any]) -> None:
    claim = _claim(session, article_id, "Mark Milley")
    if claim is None:
        return
    verdicts.save_draft(
        session,
        rita,
        claim.id,
        verdicts.VerdictInput("mostly-true", "Milley did call the letter a draft sent in error.", ""),
        verdict_id=None,
        version=None,
        config=config,
    )


def _assign(session: Session, rita: Actor, article_id: int) -> None:
    claim = _claim(session, article_id, "Iraq has asked the United States")
    if claim is not None:
        claims.set_status(session, rita, claim.id, version=claim.version, status="in_review")


def _dismiss(session: Session, rita: Actor, article_id: int) -> None:
    claim = _claim(session, article_id, "terrorism experts have warned")
    if claim is not None:
        claims.dismiss(
            session,
            rita,
            claim.id,
            version=claim.version,
            reason="A warning about what could happen, not a checkable statement of fact.",
        )
