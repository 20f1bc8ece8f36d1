"""Sources (everyone sees them, admins add and edit) and background job pages.

A job page follows its job: the progress block polls itself every second with htmx
while the job is queued or running, and being a plain URL it survives a reload.
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, make_response, redirect, request, url_for

from ..db import get_session
from ..errors import ValidationError
from ..http.access import allow, current_actor
from ..http.writes import writing
from ..jobs.queue import job_queue
from ..services.accounts.roles import require
from ..services.monitoring import alerts as alert_service
from ..services.monitoring import jobs as job_service
from ..services.monitoring.batches import reextract_params
from ..services.monitoring.by_address import check_address
from ..services.monitoring.digest import daily_digest, parse_day, parse_top
from ..services.monitoring.job_labels import describe, describe_many
from ..services.monitoring.sources import (
    SourceForm,
    add_source,
    get_source,
    list_sources,
    set_enabled,
    update_source,
)
from .forms import BLANK, FormState, submitted, text
from .rendering import render, wants_fragment

bp = Blueprint("sources", __name__)


def _form() -> SourceForm:
    return SourceForm(
        url=text("url", 3000),
        name=text("name", 400),
        outlet=text("outlet", 400),
        interval=text("interval", 20) or "15",
        enabled=request.form.get("enabled") == "on",
    )


def _go(target: str):
    if request.headers.get("HX-Request") == "true":
        response = make_response("", 200)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, code=303)


@bp.route("/sources")
@allow("viewer")
def index():
    return render("sources/index.html", "source_list", sources=list_sources(get_session()), form=BLANK)


@bp.route("/sources", methods=["POST"])
@allow("admin")
def add():
    try:
        with writing() as db:
            source = add_source(db, current_actor(), _form())
    except ValidationError as exc:
        state = FormState("source", submitted(), dict(exc.fields), exc.message)
        return render("sources/index.html", "source_form", status=422, sources=list_sources(db), form=state)
    return _go(url_for("sources.show", source_id=source.id))


@bp.route("/sources/<int:source_id>")
@allow("viewer")
def show(source_id: int):
    source = get_source(get_session(), source_id)
    return render("sources/show.html", "source_form", source=source, form=BLANK)


@bp.route("/sources/<int:source_id>", methods=["POST"])
@allow("admin")
def edit(source_id: int):
    try:
        with writing() as db:
            source = update_source(db, current_actor(), source_id, _form())
    except ValidationError as exc:
        state = FormState("source", submitted(), dict(exc.fields), exc.message)
        return render("sources/show.html", "source_form", status=422, source=get_source(db, source_id), form=state)
    return _go(url_for("sources.show", source_id=source.id))


@bp.route("/sources/<int:source_id>/enabled", methods=["POST"])
@allow("admin")
def toggle(source_id: int):
    with writing() as db:
        source = set_enabled(db, current_actor(), source_id, request.form.get("enabled") == "on")
    if wants_fragment():
        return render("sources/_row.html", source=source)
    return redirect(url_for("sources.index"), code=303)


@bp.route("/sources/<int:source_id>/poll", methods=["POST"])
@allow("admin")
def poll(source_id: int):
    get_source(get_session(), source_id)
    job_id = job_queue(current_app).submit(
        current_actor(), "poll", f"source:{source_id}", {"source_id": source_id}, session=get_session()
    )
    return _go(url_for("sources.job", job_id=job_id))


@bp.route("/articles/fetch", methods=["POST"])
@allow("reviewer")
def fetch_url():
    """Import one article by its address, as a job; the answer is the job's page."""
    me = current_actor()
    try:
        require(me, "reviewer", "import articles")
        address = check_address(text("address", 3000))
    except ValidationError as exc:
        state = FormState("fetch", submitted(), dict(exc.fields), exc.message)
        return render("articles/import.html", "fetch_form", status=422, form=BLANK, fetch_form=state)
    job_id = job_queue(current_app).submit(me, "fetch", address, {"url": address}, session=get_session())
    return _go(url_for("sources.job", job_id=job_id))


@bp.route("/articles/reextract", methods=["POST"])
@allow("editor")
def reextract():
    """Re-extract one article (``article_id``) or every article, as a job."""
    raw = text("article_id", 20)
    if raw and not raw.isdigit():
        raise ValidationError("Which article? Give its number.", fields={"article_id": "an article number"})
    article_id = int(raw) if raw else None
    key, params = reextract_params(get_session(), current_actor(), article_id)
    job_id = job_queue(current_app).submit(current_actor(), "reextract", key, params, session=get_session())
    return _go(url_for("sources.job", job_id=job_id))


@bp.route("/jobs/<int:job_id>")
@allow("viewer")
def job(job_id: int):
    db = get_session()
    row = job_service.get_job(db, job_id)
    percent = job_service.progress_percent(row)
    return render("jobs/show.html", "job_progress", job=row, percent=percent, label=describe(db, row))


@bp.route("/jobs")
@allow("viewer")
def jobs():
    db = get_session()
    rows = job_service.recent_jobs(db, 50)
    return render("jobs/index.html", jobs=rows, labels=describe_many(db, rows))


@bp.route("/alerts")
@allow("viewer")
def alerts_index():
    state = request.args.get("state", "open")
    if state not in ("open", "acknowledged", "reviewed", "all"):
        state = "open"
    rows = alert_service.list_alerts(get_session(), None if state == "all" else state)
    return render("alerts/index.html", "alert_list", rows=rows, state=state)


@bp.route("/alerts/<int:alert_id>/acknowledge", methods=["POST"])
@allow("reviewer")
def alerts_acknowledge(alert_id: int):
    with writing() as db:
        alert = alert_service.acknowledge(db, current_actor(), alert_id)
    if wants_fragment():
        return render("alerts/_row.html", row=alert_service.alert_row(db, alert.id))
    return redirect(url_for("sources.alerts_index"), code=303)


@bp.route("/alerts/<int:alert_id>/review", methods=["POST"])
@allow("reviewer")
def alerts_review(alert_id: int):
    with writing():
        alert = alert_service.start_review(get_session(), current_actor(), alert_id)
    return _go(url_for("claims.show", claim_id=alert.claim_id))


def _digest():
    return daily_digest(get_session(), parse_day(request.args.get("day")), parse_top(request.args.get("top")))


@bp.route("/digest")
@allow("viewer")
def digest():
    try:
        result = _digest()
    except ValidationError as exc:
        return render("digest/index.html", status=422, digest=None, error=exc.message, day=request.args.get("day"))
    return render("digest/index.html", digest=result, error=None, day=result.day.isoformat())


@bp.route("/digest.csv")
@allow("viewer")
def digest_csv():
    result = _digest()
    response = make_response(result.to_csv())
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="digest-{result.day.isoformat()}.csv"'
    return response


@bp.route("/digest.json")
@allow("viewer")
def digest_json():
    return jsonify(_digest().to_dict())
