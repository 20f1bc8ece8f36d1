"""Overview dashboard: claims by status, current verdicts by rating, verdicts by month."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from ...models import CLAIM_STATUSES, Article, Claim, Verdict
from ...ratings import scale_from
from ..review.workflow import STATUS_LABELS
from .shape import Filters, Report

COLUMNS = ("measure", "key", "label", "count")


def overview(session: Session, filters: Filters, config: Mapping[str, Any]) -> Report:
    scale = scale_from(config)
    claims = filters.apply(
        sa.select(Claim.status, sa.func.count())
        .select_from(Claim)
        .join(Article, Article.id == Claim.article_id)
        .group_by(Claim.status)
    )
    by_status = dict(session.execute(claims).all())
    published = session.execute(
        filters.apply(
            sa.select(Verdict.rating, Verdict.published_at)
            .select_from(Claim)
            .join(Article, Article.id == Claim.article_id)
            .join(Verdict, sa.and_(Verdict.claim_id == Claim.id, Verdict.state == "published"))
            .where(Claim.status == "published")
        )
    ).all()
    by_rating = Counter(rating for rating, _ in published)
    by_month = Counter(when.strftime("%Y-%m") for _, when in published if when is not None)

    rows: list[dict[str, Any]] = [
        {
            "measure": "status",
            "key": status,
            "label": STATUS_LABELS.get(status, status),
            "count": by_status.get(status, 0),
        }
        for status in CLAIM_STATUSES
    ]
    known = set(scale.keys())
    rows += [
        {"measure": "verdict", "key": label.key, "label": label.label, "count": by_rating.get(label.key, 0)}
        for label in scale.labels
    ]
    # Ratings no longer on the configured scale still count; they are listed after it.
    rows += [
        {"measure": "verdict", "key": key, "label": key, "count": n}
        for key, n in sorted(by_rating.items())
        if key not in known
    ]
    rows += [
        {"measure": "month", "key": month, "label": _month_label(month), "count": by_month[month]}
        for month in _months(sorted(by_month))
    ]
    return Report("overview", "Overview", COLUMNS, rows, filters.as_dict())


def _months(present: list[str]) -> list[str]:
    """Every month from the first to the last with a verdict, so gaps show as zero."""
    if not present:
        return []
    year, month = map(int, present[0].split("-"))
    last = present[-1]
    out = []
    while True:
        key = f"{year:04d}-{month:02d}"
        out.append(key)
        if key >= last:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _month_label(key: str) -> str:
    year, month = key.split("-")
    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    return f"{names[int(month) - 1]} {year}"
