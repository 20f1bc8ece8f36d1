"""Editors' reports: a shared shape (named columns and rows), the common filters, and
CSV/JSON output. Each report lives in its own module beside this one, and
`catalogue.build` runs one by name.

Column names are part of the interface: a report's `columns` never change order or
spelling, so spreadsheets and scripts built on them keep working.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
import sqlalchemy.orm
from sqlmodel import Session

from ...errors import NotFound, ValidationError
from ...models import Article, Claim, Claimant, Outlet, User, Verdict
from ...models.base import MAX_ID
from .csv_export import write_csv


@dataclass(slots=True)
class Report:
    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]
    filters: dict[str, Any] = field(default_factory=dict)
    # Extra structure for the HTML page only (charts, groupings); not part of CSV/JSON.
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "report": self.name,
            "filters": {k: _plain(v) for k, v in self.filters.items()},
            "columns": list(self.columns),
            "rows": [{c: _plain(row.get(c)) for c in self.columns} for row in self.rows],
        }

    def to_csv(self) -> str:
        return write_csv(self.columns, ([_cell(row.get(c)) for c in self.columns] for row in self.rows))


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _cell(value: Any) -> Any:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    return value


@dataclass(frozen=True, slots=True)
class Filters:
    """Which claims a report covers. Dates select claims by their article's publication
    date (the import date when the article has none), both ends inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    outlet_id: int | None = None
    claimant_id: int | None = None
    reviewer_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.date_from,
            "to": self.date_to,
            "outlet": self.outlet_id,
            "claimant": self.claimant_id,
            "reviewer": self.reviewer_id,
        }

    def apply(self, query: sa.Select) -> sa.Select:
        """Narrow a query that already joins Claim and Article."""
        when = sa.func.coalesce(Article.published_at, Article.imported_at)
        if self.date_from:
            query = query.where(when >= _start(self.date_from))
        if self.date_to:
            query = query.where(when < _start(self.date_to + timedelta(days=1)))
        if self.outlet_id is not None:
            query = query.where(Article.outlet_id == self.outlet_id)
        if self.claimant_id is not None:
            query = query.where(Claim.claimant_id == self.claimant_id)
        if self.reviewer_id is not None:
            # An alias, so the subquery stays independent of any Verdict join in the outer query.
            row = sa.orm.aliased(Verdict)
            wrote = (
                sa.select(row.id).where(row.claim_id == Claim.id, row.reviewer_id == self.reviewer_id).correlate(Claim)
            )
            query = query.where(sa.or_(Claim.assignee_id == self.reviewer_id, wrote.exists()))
        return query


def _start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def parse_filters(session: Session, args: Mapping[str, Any]) -> Filters:
    """Filters from request or command-line arguments; bad values are named exactly."""
    date_from, date_to = _date(args.get("from"), "from"), _date(args.get("to"), "to")
    if date_from and date_to and date_from > date_to:
        raise ValidationError("The start date is after the end date.", fields={"from": "after 'to'"})
    outlet = parse_id(args.get("outlet"), "outlet")
    claimant = parse_id(args.get("claimant"), "claimant")
    reviewer = parse_id(args.get("reviewer"), "reviewer")
    for value, model, label in ((outlet, Outlet, "outlet"), (claimant, Claimant, "claimant"), (reviewer, User, "user")):
        if value is not None and session.get(model, value) is None:
            raise NotFound(f"There is no {label} #{value}.")
    return Filters(date_from, date_to, outlet, claimant, reviewer)


def _date(raw: Any, name: str) -> date | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        raise ValidationError(
            f"'{name}' must be a date like 2026-01-31, not {str(raw)[:40]!r}.", fields={name: "not a date"}
        ) from None


def parse_id(raw: Any, name: str) -> int | None:
    if raw in (None, ""):
        return None
    text = str(raw).strip()
    if not text.isdigit() or int(text) > MAX_ID:
        raise ValidationError(f"'{name}' must be a numeric id, not {text[:40]!r}.", fields={name: "not an id"})
    return int(text)


def filter_options(session: Session) -> dict[str, list[tuple[int, str]]]:
    """Choices for the filter form."""
    return {
        "outlets": [tuple(r) for r in session.execute(sa.select(Outlet.id, Outlet.name).order_by(Outlet.name)).all()],
        "claimants": [
            tuple(r)
            for r in session.execute(
                sa.select(Claimant.id, Claimant.name)
                .where(Claimant.merged_into_id.is_(None))
                .order_by(Claimant.name, Claimant.id)
            ).all()
        ],
        # People by the name they go by ("Rita Reviewer (reviewer)"), as the rest of the app shows them.
        "reviewers": sorted(
            (
                (uid, f"{display} ({username})" if display and display != username else username)
                for uid, username, display in session.execute(
                    sa.select(User.id, User.username, User.display_name).where(
                        User.role.in_(("reviewer", "editor", "admin"))
                    )
                ).all()
            ),
            key=lambda pair: pair[1].casefold(),
        ),
    }
