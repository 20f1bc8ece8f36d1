"""What each export holds: its columns and its rows, read in keyset batches.

Rows are read `BATCH` at a time ordered by primary key (`id > last id seen`), as plain
column tuples (no ORM objects), so an export of any size keeps one batch in memory and
each batch costs the same however deep into the table it is. The filters are the
review queue's (`services.review.queue.filter_conditions`), applied to the claim each
row belongs to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from ...models import Article, Claim, Claimant, ClaimLink, Outlet, User, Verdict
from ..publishing.feed import Published, Settings, iter_published
from ..review.queue import QueueFilters, filter_conditions

BATCH = 2000

CLAIM_COLUMNS = (
    "id",
    "article_id",
    "article_title",
    "article_url",
    "outlet",
    "article_published",
    "claimant_id",
    "claimant",
    "speaker_title",
    "kind",
    "cue",
    "text",
    "start",
    "end",
    "checkworthiness",
    "status",
    "assignee",
    "dismissed_reason",
    "merged_into_id",
    "created_at",
    "updated_at",
)
VERDICT_COLUMNS = (
    "id",
    "claim_id",
    "claim_text",
    "rating",
    "state",
    "summary",
    "rationale",
    "reviewer",
    "approver",
    "return_comment",
    "correction_note",
    "corrects_id",
    "claim_reviewed",
    "created_at",
    "submitted_at",
    "published_at",
    "retracted_at",
    "retraction_reason",
)
LINK_COLUMNS = (
    "id",
    "claim_a_id",
    "claim_b_id",
    "relation",
    "numeric",
    "score",
    "state",
    "reasons",
    "decided_by",
    "decided_at",
    "created_at",
)
FACTCHECK_COLUMNS = (
    "claim_id",
    "url",
    "claim_reviewed",
    "rating",
    "rating_label",
    "summary",
    "rationale",
    "claimant",
    "claimant_title",
    "article_url",
    "article_title",
    "outlet",
    "claim_date",
    "first_published_at",
    "published_at",
    "correction_note",
    "reviewer",
)

Rows = Iterator[tuple[Any, ...]]


def _keyset(session: Session, query: sa.Select, key: sa.ColumnElement, batch: int) -> Rows:
    """Every row of `query` (whose first column is `key`), `batch` at a time. Columns
    only, run on the session's connection: the ORM's result machinery has nothing to add
    here and cost as much as the query."""
    after = 0
    conn = session.connection()
    while True:
        rows = conn.execute(query.where(key > after).order_by(key).limit(batch)).all()
        for row in rows:
            yield tuple(row)
        if len(rows) < batch:
            return
        after = rows[-1][0]


def _user_name(user: Any) -> sa.ColumnElement:
    return sa.func.coalesce(sa.func.nullif(user.display_name, ""), user.username)


def claim_rows(session: Session, filters: QueueFilters, *, batch: int = BATCH) -> Rows:
    assignee = aliased(User)
    query = (
        sa.select(
            Claim.id,
            Claim.article_id,
            Article.title,
            Article.url,
            Outlet.name,
            Article.published_at,
            Claim.claimant_id,
            Claimant.name,
            Claim.speaker_title,
            Claim.kind,
            Claim.cue,
            Claim.text,
            Claim.start_offset,
            Claim.end_offset,
            Claim.checkworthiness,
            Claim.status,
            assignee.username,
            Claim.dismissed_reason,
            Claim.merged_into_id,
            Claim.created_at,
            Claim.updated_at,
        )
        .select_from(Claim)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .outerjoin(assignee, assignee.id == Claim.assignee_id)
        .where(*filter_conditions(filters))
    )
    return _keyset(session, query, Claim.id, batch)


def verdict_rows(session: Session, filters: QueueFilters, *, batch: int = BATCH) -> Rows:
    reviewer, approver = aliased(User), aliased(User)
    query = (
        sa.select(
            Verdict.id,
            Verdict.claim_id,
            Claim.text,
            Verdict.rating,
            Verdict.state,
            Verdict.summary,
            Verdict.rationale,
            _user_name(reviewer),
            _user_name(approver),
            Verdict.return_comment,
            Verdict.correction_note,
            Verdict.corrects_id,
            Verdict.claim_reviewed,
            Verdict.created_at,
            Verdict.submitted_at,
            Verdict.published_at,
            Verdict.retracted_at,
            Verdict.retraction_reason,
        )
        .select_from(Verdict)
        .join(Claim, Claim.id == Verdict.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .outerjoin(reviewer, reviewer.id == Verdict.reviewer_id)
        .outerjoin(approver, approver.id == Verdict.approver_id)
        .where(*filter_conditions(filters))
    )
    return _keyset(session, query, Verdict.id, batch)


def link_rows(session: Session, filters: QueueFilters, *, batch: int = BATCH) -> Rows:
    """Links with at least one of their two claims among the filtered claims."""
    decider = aliased(User)
    query = (
        sa.select(
            ClaimLink.id,
            ClaimLink.claim_a_id,
            ClaimLink.claim_b_id,
            ClaimLink.relation,
            ClaimLink.numeric,
            ClaimLink.score,
            ClaimLink.state,
            ClaimLink.reasons,
            _user_name(decider),
            ClaimLink.decided_at,
            ClaimLink.created_at,
        )
        .select_from(ClaimLink)
        .outerjoin(decider, decider.id == ClaimLink.decided_by_id)
    )
    conds = filter_conditions(filters)
    if conds:
        chosen = (
            sa.select(Claim.id)
            .join(Article, Article.id == Claim.article_id)
            .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
            .where(*conds)
        )
        query = query.where(sa.or_(ClaimLink.claim_a_id.in_(chosen), ClaimLink.claim_b_id.in_(chosen)))
    return _keyset(session, query, ClaimLink.id, batch)


def published(session: Session, filters: QueueFilters, *, batch: int = 500) -> Iterator[Published]:
    """Live published fact-checks among the filtered claims (a status filter other than
    "published" leaves none)."""
    if filters.status and filters.status != "published":
        return iter(())
    return iter_published(session, batch=batch, where=filter_conditions(filters))


def factcheck_row(row: Published, settings: Settings) -> tuple[Any, ...]:
    label = settings.scale.get(row.rating)
    return (
        row.claim_id,
        settings.public_url(row.claim_id),
        row.reviewed_text,
        row.rating,
        label.label if label else row.rating,
        row.summary,
        row.rationale,
        row.claimant_name or row.outlet,
        row.job_title,
        row.article_url,
        row.article_title,
        row.outlet,
        row.article_published,
        row.first_published_at or row.published_at,
        row.published_at,
        row.correction_note,
        row.reviewer_name,
    )


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    title: str
    columns: Sequence[str]
    rows: Callable[..., Rows] | None  # None: fact-checks, built from `published`
    # Which columns hold timestamps and lists: converted by position, so the other
    # cells of a row go out as read, with no call per cell.
    times: tuple[int, ...] = ()
    lists: tuple[int, ...] = ()

    def cells(self, rows: Iterable[tuple]) -> Iterator[list]:
        """Rows with timestamps in ISO 8601 and lists joined with " | " (CSV cells)."""
        times, lists = self.times, self.lists
        for row in rows:
            out = list(row)
            for i in times:
                if out[i] is not None:
                    out[i] = out[i].isoformat()
            for i in lists:
                if out[i] is not None:
                    out[i] = " | ".join(str(v) for v in out[i])
            yield out


def _at(columns: Sequence[str], *names: str) -> tuple[int, ...]:
    return tuple(columns.index(n) for n in names)


DATASETS = {
    "claims": Dataset(
        "claims",
        "Claims",
        CLAIM_COLUMNS,
        claim_rows,
        _at(CLAIM_COLUMNS, "article_published", "created_at", "updated_at"),
    ),
    "verdicts": Dataset(
        "verdicts",
        "Verdicts (every version)",
        VERDICT_COLUMNS,
        verdict_rows,
        _at(VERDICT_COLUMNS, "created_at", "submitted_at", "published_at", "retracted_at"),
    ),
    "links": Dataset(
        "links",
        "Links between claims",
        LINK_COLUMNS,
        link_rows,
        _at(LINK_COLUMNS, "decided_at", "created_at"),
        _at(LINK_COLUMNS, "reasons"),
    ),
    "factchecks": Dataset(
        "factchecks",
        "Published fact-checks",
        FACTCHECK_COLUMNS,
        None,
        _at(FACTCHECK_COLUMNS, "claim_date", "first_published_at", "published_at"),
    ),
}


def plain(value: Any) -> Any:
    """A cell as JSON can carry it: timestamps in ISO 8601."""
    if isinstance(value, datetime):
        return value.isoformat()
    return value
