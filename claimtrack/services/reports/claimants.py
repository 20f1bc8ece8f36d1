"""Claimant scorecard: how each claimant's published claims were rated.

Only named people and organisations have a scorecard: a description ("officials") or a
document names nobody whose record it could be."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from ...models import Article, Claim, Claimant, Verdict
from ...ratings import scale_from
from .shape import Filters, Report

BASE_COLUMNS = ("claimant_id", "claimant", "kind", "claims", "published")
SCORED_KINDS = ("person", "organization")


def scorecard(session: Session, filters: Filters, config: Mapping[str, Any]) -> Report:
    scale = scale_from(config)
    rating_columns = tuple(f"verdict_{key}" for key in scale.keys())
    columns = BASE_COLUMNS + rating_columns + ("claim_ids",)
    rows = session.execute(
        filters.apply(
            sa.select(Claimant.id, Claimant.name, Claimant.kind, Claim.id, Claim.text, Claim.status, Verdict.rating)
            .select_from(Claim)
            .join(Article, Article.id == Claim.article_id)
            .join(Claimant, Claimant.id == Claim.claimant_id)
            .outerjoin(
                Verdict,
                sa.and_(Verdict.claim_id == Claim.id, Verdict.state == "published", Claim.status == "published"),
            )
            .where(Claimant.kind.in_(SCORED_KINDS))
            .order_by(Claimant.name, Claimant.id, Claim.id)
        )
    ).all()
    people: dict[int, dict[str, Any]] = {}
    for claimant_id, name, kind, claim_id, text, status, rating in rows:
        entry = people.get(claimant_id)
        if entry is None:
            entry = people[claimant_id] = {
                "claimant_id": claimant_id,
                "claimant": name,
                "kind": kind,
                "claims": 0,
                "published": 0,
                **{c: 0 for c in rating_columns},
                "claim_ids": [],
                "items": [],
            }
        entry["claims"] += 1
        entry["claim_ids"].append(claim_id)
        entry["items"].append({"claim_id": claim_id, "text": text, "status": status, "rating": rating})
        if rating is not None:
            entry["published"] += 1
            column = f"verdict_{rating}"
            if column in entry:
                entry[column] += 1
    labels = {f"verdict_{label.key}": label.label for label in scale.labels}
    return Report(
        "claimants",
        "Claimant scorecard",
        columns,
        list(people.values()),
        filters.as_dict(),
        extra={
            "rating_columns": rating_columns,
            "labels": labels,
            "rating_labels": {label.key: label.label for label in scale.labels},
        },
    )
