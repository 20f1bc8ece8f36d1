"""The queue (home page): my claims, and unreviewed claims by check-worthiness, sortable,
filterable by assignee, and worked in bulk (assign, set status, dismiss; undo)."""

from __future__ import annotations

from flask import Blueprint, current_app, request
from flask_login import current_user

from ..db import get_session
from ..errors import ValidationError
from ..http.access import allow, current_actor
from ..http.instance import desk_config
from ..http.writes import writing
from ..models import CLAIM_STATUSES
from ..services.accounts.roles import at_least
from ..services.archive import checked as checked_box
from ..services.review import bulk, desk, queue, verdicts
from ..services.review.workflow import DISMISS_PRESETS
from ..services.search import check_query
from .forms import arg_date, arg_int, in_range, integer, page_arg, text
from .rendering import render, wants_fragment

bp = Blueprint("queue", __name__)
MINE_PAGE_SIZE = 25
BULK_STATUSES = ("in_review", "unreviewed")


def _filters() -> queue.QueueFilters:
    status = request.args.get("status", "")
    sort = request.args.get("sort", "")
    who = request.args.get("assignee", "").strip()
    return queue.QueueFilters(
        q=check_query(request.args.get("q", "")),
        status=status if status in CLAIM_STATUSES else "",
        outlet_id=arg_int("outlet"),
        claimant_id=arg_int("claimant"),
        date_from=arg_date("from"),
        date_to=arg_date("to"),
        has_conflict=request.args.get("conflict") == "1",
        assignee_id=current_user.id if who == "me" else arg_int("assignee"),
        unassigned=who == "none",
        sort=sort if sort in queue.SORTS else "worthiness",
    )


def _args(filters: queue.QueueFilters) -> dict:
    """The filters as query arguments, for pager links and forms that keep them."""
    who = request.args.get("assignee", "").strip()
    args = {
        "q": filters.q,
        "status": filters.status,
        "outlet": filters.outlet_id,
        "claimant": filters.claimant_id,
        "from": filters.date_from.isoformat() if filters.date_from else None,
        "to": filters.date_to.isoformat() if filters.date_to else None,
        "conflict": "1" if filters.has_conflict else None,
        "assignee": who if who in ("me", "none") else filters.assignee_id,
        "sort": filters.sort if filters.sort != "worthiness" else None,
    }
    return {k: v for k, v in args.items() if v}


def _home(db) -> dict:
    """The role's own lists, shown above the queue: what waits for this person first."""
    role = current_user.role
    if at_least(role, "editor"):
        return {
            "awaiting": desk.awaiting_approval(db),
            "returned_any": desk.returned(db, limit=5),
            "published": desk.recently_published(db, limit=5),
        }
    if at_least(role, "reviewer"):
        return {
            "returned_mine": desk.returned(db, reviewer_id=current_user.id),
            "drafts": desk.drafts(db, current_user.id),
        }
    return {"published": desk.recently_published(db), "conflicts": desk.conflicts(db)}


def _rating_label(key: str) -> str:
    found = verdicts.scale_for(desk_config()).get(key)
    return found.label if found else key


def _queue(status: int = 200, **extra):
    db = get_session()
    home = {} if wants_fragment() else _home(db)
    filters = _filters()
    mine = queue.assigned_to(db, current_user.id, filters, page=page_arg("mine"), size=MINE_PAGE_SIZE)
    ranked = queue.ranked(db, filters, page=page_arg("page"), size=int(current_app.config["PAGE_SIZE"]))
    return render(
        "queue/index.html",
        "queue_results",
        status=status,
        filters=filters,
        args=_args(filters),
        mine=mine,
        ranked=ranked,
        statuses=CLAIM_STATUSES,
        outlets=queue.outlets(db),
        claimants=queue.claimants_with_claims(db),
        reviewers=queue.reviewers(db),
        sorts=queue.SORTS,
        assignee_arg=request.args.get("assignee", "").strip(),
        bulk_statuses=BULK_STATUSES,
        presets=DISMISS_PRESETS,
        home=home,
        rating_label=_rating_label,
        **extra,
    )


@bp.route("/")
@allow("viewer")
def index():
    return _queue()


def _selected() -> list[int]:
    ids = []
    for raw in request.form.getlist("claim"):
        raw = raw.strip()
        if not raw.isdigit():
            raise ValidationError("The selection holds something that is not a claim id.", fields={"claims": raw})
        ids.append(in_range(int(raw), "claim", "Claim"))
    return ids


def _bulk_assignee(who) -> int | None:
    raw = (request.form.get("assignee") or "").strip()
    if raw == "me":
        return who.user_id
    if raw == "none":
        return None
    value = integer("assignee", required=False, label="Assignee")
    if value is None:
        raise ValidationError(
            "Choose who gets the claims, or 'Nobody' to unassign them.", fields={"assignee": "required"}
        )
    return value


@bp.route("/queue/bulk", methods=["POST"])
@allow("reviewer")
def bulk_action():
    who = current_actor()
    action = (request.form.get("action") or "").strip()
    try:
        with writing() as db:
            result = bulk.apply(
                db,
                who,
                action,
                _selected(),
                assignee_id=_bulk_assignee(who) if action == "assign" else None,
                status=text("status", 40) if action == "status" else None,
                reason=text("reason", 2000) if action == "dismiss" else None,
            )
    except ValidationError as exc:
        return _queue(422, bulk_error=exc.message)
    return _queue(bulk_result=result)


@bp.route("/queue/bulk/<int:event_id>/undo", methods=["POST"])
@allow("reviewer")
def bulk_undo(event_id: int):
    try:
        with writing() as db:
            result = bulk.undo(db, current_actor(), event_id)
    except ValidationError as exc:
        return _queue(422, bulk_error=exc.message)
    return _queue(bulk_result=result)


@bp.route("/checked")
@allow("viewer")
def checked():
    """Has this been checked? Stored claims and archived fact-checks like a pasted text."""
    text_ = request.args.get("text", "").strip()
    results, error = [], None
    if text_:
        try:
            results = checked_box.checked_before(get_session(), text_, limit=10)
        except ValidationError as exc:
            error = exc.message
    return render("queue/checked.html", "checked_results", text=text_, results=results, error=error)
