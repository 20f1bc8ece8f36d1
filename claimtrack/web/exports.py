"""Editors' exports in the browser: a form, and downloads streamed as they are written
(claims, verdicts, links and published fact-checks, with the queue's filters)."""

from __future__ import annotations

from flask import Blueprint, request

from ..db import get_session
from ..http.access import allow, current_actor
from ..http.instance import desk_config
from ..http.streaming import streamed
from ..models import CLAIM_STATUSES
from ..services.exports import filters as export_filters
from ..services.exports.datasets import DATASETS
from ..services.exports.streams import FORMATS, formats_for, open_export
from ..services.review import queue
from .rendering import render

bp = Blueprint("exports", __name__)


@bp.route("/exports")
@allow("editor")
def index():
    db = get_session()
    return render(
        "exports/index.html",
        datasets=DATASETS,
        formats=FORMATS,
        formats_for=formats_for,
        statuses=CLAIM_STATUSES,
        outlets=queue.outlets(db),
        claimants=queue.claimants_with_claims(db),
        reviewers=queue.reviewers(db),
        args=request.args,
    )


@bp.route("/exports/download")
@allow("editor")
def download():
    dataset = request.args.get("dataset", "claims").strip()
    fmt = request.args.get("format", "csv").strip()
    filters = export_filters.parse(request.args, current_actor())
    export = open_export(
        get_session(),
        current_actor(),
        dataset,
        fmt,
        filters,
        desk_config(),
        feed_url=request.url_root.rstrip("/") + "/feeds/claimreview.json",
    )
    response = streamed(export.chunks, export.content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Accel-Buffering"] = "no"  # a proxy in front passes pieces on as they come
    return response
