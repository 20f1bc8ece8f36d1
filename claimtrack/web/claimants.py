"""Claimants: the list, one claimant's claims and verdict record, merging duplicates,
and name suggestions for the speaker field."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, make_response, redirect, request, url_for

from ..db import get_session
from ..errors import ValidationError
from ..http.access import allow, current_actor
from ..http.extensions import htmx
from ..http.instance import desk_config
from ..http.writes import writing
from ..services.claimants import directory
from ..services.claimants.admin import get_claimant, merge_claimants
from ..services.review.verdicts import scale_for
from ..services.search import check_query
from .forms import BLANK, FormState, integer, page_arg, submitted
from .rendering import render

bp = Blueprint("claimants", __name__)


@bp.route("/claimants")
@allow("viewer")
def index():
    q = check_query(request.args.get("q", ""))
    kind = request.args.get("kind", "")[:20]
    page = directory.list_claimants(
        get_session(), q=q, kind=kind, page=page_arg(), size=int(current_app.config["PAGE_SIZE"])
    )
    return render(
        "claimants/index.html", "claimant_list", q=q, kind=kind, result=page, kind_labels=directory.KIND_LABELS
    )


def _page(claimant_id: int, *, status: int = 200, form: FormState = BLANK):
    db = get_session()
    claimant = get_claimant(db, claimant_id)
    record = directory.claimant_record(db, claimant)
    return render(
        "claimants/show.html",
        status=status,
        record=record,
        scale=scale_for(desk_config()),
        candidates=directory.merge_candidates(db, claimant),
        form=form,
        kind_labels=directory.KIND_LABELS,
    )


@bp.route("/claimants/<int:claimant_id>")
@allow("viewer")
def show(claimant_id: int):
    claimant = get_claimant(get_session(), claimant_id)
    if claimant.merged_into_id:
        flash(f"{claimant.name} was merged into this claimant.", "info")
        return redirect(url_for("claimants.show", claimant_id=claimant.merged_into_id))
    return _page(claimant_id)


@bp.route("/claimants/<int:claimant_id>/merge", methods=["POST"])
@allow("editor")
def merge(claimant_id: int):
    try:
        with writing() as db:
            duplicate = integer("duplicate", label="Duplicate")
            name = get_claimant(db, duplicate).name
            merge_claimants(db, current_actor(), claimant_id, duplicate)
    except ValidationError as exc:
        return _page(claimant_id, status=422, form=FormState("merge", submitted(), dict(exc.fields), exc.message))
    flash(f"Merged {name} into this claimant.", "info")
    target = url_for("claimants.show", claimant_id=claimant_id)
    if htmx:
        response = make_response("", 200)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, code=303)


@bp.route("/claimants/suggest")
@allow("viewer")
def suggest():
    """Options for the speaker field's datalist; a plain request gets the filtered list."""
    q = request.args.get("speaker", request.args.get("q", ""))[:200]
    if not htmx:
        return redirect(url_for("claimants.index", q=q))
    return render("claimants/_suggestions.html", names=directory.suggest(get_session(), q))
