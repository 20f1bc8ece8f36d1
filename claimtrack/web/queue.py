"""The queue (home page): my claims, and unreviewed claims by check-worthiness."""
from __future__ import annotations

from flask import Blueprint, current_app, request
from flask_login import current_user

from ..db import get_session
from ..models import CLAIM_STATUSES
from ..errors import ValidationError
from ..services.archive import factchecks
from ..services.review import queue
from ..services.search import check_query
from ..http.access import allow
from .forms import arg_date, arg_int, page_arg
from .rendering import render

bp = Blueprint("queue", __name__)
MINE_PAGE_SIZE = 10


def _filters() -> queue.QueueFilters:
    status = request.args.get("status", "")
    return queue.QueueFilters(
        q=check_query(request.args.get("q", "")), status=status if status in CLAIM_STATUSES else "",
        outlet_id=arg_int("outlet"), claimant_id=arg_int("claimant"), date_from=arg_date("from"),
        date_to=arg_date("to"), has_conflict=request.args.get("conflict") == "1")


def _args(filters: queue.QueueFilters) -> dict:
    """The filters as query arguments, for pager links that keep them."""
    args = {"q": filters.q, "status": filters.status, "outlet": filters.outlet_id, "claimant": filters.claimant_id,
            "from": filters.date_from.isoformat() if filters.date_from else None,
            "to": filters.date_to.isoformat() if filters.date_to else None,
            "conflict": "1" if filters.has_conflict else None}
    return {k: v for k, v in args.items() if v}


@bp.route("/")
@allow("viewer")
def index():
    db = get_session()
    filters = _filters()
    mine = queue.assigned_to(db, current_user.id, filters, page=page_arg("mine"), size=MINE_PAGE_SIZE)
    ranked = queue.ranked(db, filters, page=page_arg("page"), size=int(current_app.config["PAGE_SIZE"]))
    return render("queue/index.html", "queue_results", filters=filters, args=_args(filters), mine=mine,
                  ranked=ranked, statuses=CLAIM_STATUSES, outlets=queue.outlets(db),
                  claimants=queue.claimants_with_claims(db))


@bp.route("/checked")
@allow("viewer")
def checked():
    """Has this been checked? Stored claims and archived fact-checks like a pasted text."""
    text = request.args.get("text", "").strip()
    results, error = [], None
    if text:
        try:
            results = factchecks.match_text(get_session(), text, limit=10)
        except ValidationError as exc:
            error = exc.message
    return render("queue/checked.html", "checked_results", text=text, results=results, error=error)
