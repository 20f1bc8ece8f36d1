"""Monitoring answers (feed sources, jobs, alerts, the daily digest) built as the response
models of `responses.py`, like every other API answer."""

from __future__ import annotations

from ..models import FeedSource, Job
from ..services.monitoring.alerts import AlertRow
from ..services.monitoring.digest import Digest, DigestItem
from ..services.monitoring.job_labels import JobLabel
from ..services.monitoring.jobs import progress_percent
from . import responses as out
from .render import dump


def feed_source(source: FeedSource) -> dict:
    return dump(
        out.FeedSource(
            id=source.id,
            name=source.name,
            url=source.url,
            outlet=source.outlet,
            kind=source.kind,
            interval_minutes=source.interval_minutes,
            enabled=source.enabled,
            last_polled_at=source.last_polled_at,
            next_poll_at=source.next_poll_at,
            last_status=source.last_status,
            last_error=source.last_error,
            last_counts=out.PollCounts(
                new=source.last_new,
                changed=source.last_changed,
                unchanged=source.last_unchanged,
                failed=source.last_failed,
            ),
        )
    )


def job(row: Job, label: JobLabel) -> dict:
    kind, ident = label.target or (None, None)
    return dump(
        out.Job(
            id=row.id,
            kind=row.kind,
            key=row.key,
            description=out.JobDescription(
                text=label.text, object=out.JobObject(type=kind, id=ident) if kind and ident is not None else None
            ),
            state=row.state,
            done=row.done,
            total=row.total,
            percent=progress_percent(row),
            message=row.message,
            error=row.error,
            attempts=row.attempts,
            result=row.result,
            created_at=row.created_at,
            started_at=row.started_at,
            finished_at=row.finished_at,
        )
    )


def alert(row: AlertRow) -> dict:
    a = row.alert
    return dump(
        out.Alert(
            id=a.id,
            kind=a.kind,
            state=a.state,
            score=a.score,
            created_at=a.created_at,
            claim=out.AlertClaim(
                id=row.claim.id, text=row.claim.text, article_id=row.claim.article_id, outlet=row.outlet
            ),
            checked_claim=out.AlertClaim(id=row.checked.id, text=row.checked.text),
            verdict=out.AlertVerdict(id=row.verdict.id, rating=row.verdict.rating, summary=row.verdict.summary),
        )
    )


def _digest_item(item: DigestItem) -> out.DigestItem:
    return out.DigestItem(
        claim_id=item.claim_id,
        text=item.text,
        checkworthiness=item.checkworthiness,
        article_id=item.article_id,
        article_title=item.article_title,
        outlet=item.outlet,
        alert=item.alert,
        checked_claim_id=item.checked_claim_id,
    )


def digest(result: Digest) -> dict:
    return dump(
        out.Digest(
            day=result.day.isoformat(),
            top=result.top,
            overall=[_digest_item(i) for i in result.overall],
            outlets=[
                out.DigestOutlet(outlet=name, claims=[_digest_item(i) for i in items])
                for name, items in result.outlets.items()
            ],
        )
    )
