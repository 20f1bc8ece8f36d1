"""Reviewer workload: open, submitted and published claims per reviewer, and the median
time from a claim's import to its first published verdict.

A claim counts for the reviewer of its latest verdict row: open when that row is a
draft or returned, submitted when it awaits approval. A published claim counts for the
reviewer of its first published row (a correction does not move the credit)."""

from __future__ import annotations

from collections.abc import Mapping
from statistics import median
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from ...models import Article, Claim, User, Verdict
from .shape import Filters, Report

COLUMNS = ("reviewer_id", "reviewer", "open", "submitted", "published", "median_hours_to_publish")


def workload(session: Session, filters: Filters, config: Mapping[str, Any]) -> Report:
    rows = session.execute(
        filters.apply(
            sa.select(
                Verdict.claim_id,
                Verdict.id,
                Verdict.state,
                Verdict.reviewer_id,
                Verdict.published_at,
                Claim.created_at,
                Claim.status,
            )
            .select_from(Claim)
            .join(Article, Article.id == Claim.article_id)
            .join(Verdict, Verdict.claim_id == Claim.id)
            .order_by(Verdict.claim_id, Verdict.id)
        )
    ).all()
    latest: dict[int, Any] = {}
    first_published: dict[int, Any] = {}
    for row in rows:
        latest[row.claim_id] = row
        if row.published_at is not None:
            seen = first_published.get(row.claim_id)
            if seen is None or row.published_at < seen.published_at:
                first_published[row.claim_id] = row
    people: dict[int, dict[str, Any]] = {}

    def entry(user_id: int) -> dict[str, Any]:
        return people.setdefault(
            user_id, {"reviewer_id": user_id, "open": 0, "submitted": 0, "published": 0, "hours": []}
        )

    for user_id in session.execute(
        sa.select(User.id).where(User.role.in_(("reviewer", "editor", "admin")), User.is_active.is_(True))
    ).scalars():
        entry(user_id)
    for row in latest.values():
        if row.reviewer_id is not None and row.state in ("draft", "returned"):
            entry(row.reviewer_id)["open"] += 1
        elif row.reviewer_id is not None and row.state == "submitted":
            entry(row.reviewer_id)["submitted"] += 1
    for claim_id, row in first_published.items():
        if row.reviewer_id is None or latest[claim_id].status != "published":
            continue
        item = entry(row.reviewer_id)
        item["published"] += 1
        item["hours"].append((row.published_at - row.created_at).total_seconds() / 3600)
    names = dict(session.execute(sa.select(User.id, User.username).where(User.id.in_(list(people)))).all())
    out = []
    for user_id, item in people.items():
        hours = item.pop("hours")
        item["reviewer"] = names.get(user_id, f"#{user_id}")
        item["median_hours_to_publish"] = round(median(hours), 2) if hours else None
        out.append(item)
    out.sort(key=lambda r: (r["reviewer"], r["reviewer_id"]))
    return Report("workload", "Reviewer workload", COLUMNS, out, filters.as_dict())
