"""The review queue's filters, read from query-string or command-line arguments, so an
export selects exactly the claims the queue shows for the same arguments."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ...errors import ValidationError
from ...models import CLAIM_STATUSES
from ..accounts.actors import Actor
from ..reports.shape import parse_id
from ..review.queue import QueueFilters
from ..search import check_query

# The argument names, as the queue page writes them in its links.
NAMES = ("q", "status", "outlet", "claimant", "assignee", "from", "to", "conflict")


def parse(args: Mapping[str, Any], actor: Actor | None = None) -> QueueFilters:
    """Filters from arguments; a bad value is named exactly (never ignored silently)."""
    status = _text(args.get("status"))
    if status and status not in CLAIM_STATUSES:
        raise ValidationError(
            f"'status' must be one of {', '.join(CLAIM_STATUSES)}, not {status[:40]!r}.",
            fields={"status": "unknown status"},
        )
    who = _text(args.get("assignee"))
    assignee_id, unassigned = None, False
    if who == "none":
        unassigned = True
    elif who == "me":
        if actor is None or actor.user_id is None:
            raise ValidationError("'assignee=me' needs a signed-in user.", fields={"assignee": "no user"})
        assignee_id = actor.user_id
    else:
        assignee_id = parse_id(who, "assignee")
    date_from, date_to = _date(args.get("from"), "from"), _date(args.get("to"), "to")
    if date_from and date_to and date_from > date_to:
        raise ValidationError("The start date is after the end date.", fields={"from": "after 'to'"})
    conflict = _text(args.get("conflict")).lower()
    if conflict not in ("", "0", "1", "true", "false"):
        raise ValidationError(f"'conflict' must be 1 or 0, not {conflict[:20]!r}.", fields={"conflict": "not 1 or 0"})
    return QueueFilters(
        q=check_query(_text(args.get("q"))),
        status=status,
        outlet_id=parse_id(args.get("outlet"), "outlet"),
        claimant_id=parse_id(args.get("claimant"), "claimant"),
        date_from=date_from,
        date_to=date_to,
        has_conflict=conflict in ("1", "true"),
        assignee_id=assignee_id,
        unassigned=unassigned,
    )


def as_args(filters: QueueFilters) -> dict[str, str]:
    """The filters back as arguments (for links that keep them)."""
    args = {
        "q": filters.q,
        "status": filters.status,
        "outlet": filters.outlet_id,
        "claimant": filters.claimant_id,
        "assignee": "none" if filters.unassigned else filters.assignee_id,
        "from": filters.date_from.isoformat() if filters.date_from else None,
        "to": filters.date_to.isoformat() if filters.date_to else None,
        "conflict": "1" if filters.has_conflict else None,
    }
    return {k: str(v) for k, v in args.items() if v}


def _text(raw: Any) -> str:
    return "" if raw is None else str(raw).strip()


def _date(raw: Any, name: str) -> date | None:
    text = _text(raw)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            f"'{name}' must be a date like 2026-01-31, not {text[:40]!r}.", fields={name: "not a date"}
        ) from None
