"""Sources, jobs and fetch by address."""

from __future__ import annotations

from flask import current_app, jsonify

from ..db import get_session
from ..http.access import allow, current_actor
from ..http.writes import writing
from ..jobs.queue import job_queue
from ..services.monitoring import alerts as alert_service
from ..services.monitoring import jobs as job_service
from ..services.monitoring.by_address import check_address
from ..services.monitoring.digest import daily_digest, parse_day
from ..services.monitoring.job_labels import describe
from ..services.monitoring.sources import (
    SourceForm,
    add_source,
    get_source,
    list_sources,
    update_source,
)
from . import render_monitoring as render
from .blueprint import ID, bp
from .parsing import json_body, query
from .schemas import AlertQuery, DigestQuery, FeedSourceIn, FeedSourcePatch, FetchIn


def _job_doc(job_id: int) -> dict:
    db = get_session()
    job = job_service.get_job(db, job_id)
    return render.job(job, describe(db, job))


@bp.get("/sources")
@allow("viewer")
def sources_list():
    return jsonify(items=[render.feed_source(s) for s in list_sources(get_session())])


@bp.post("/sources")
@allow("admin")
def sources_add():
    data = json_body(FeedSourceIn)
    with writing() as db:
        source = add_source(
            db,
            current_actor(),
            SourceForm(
                url=data.url,
                name=data.name or "",
                outlet=data.outlet or "",
                interval=data.interval_minutes,
                enabled=data.enabled,
            ),
        )
    return jsonify(render.feed_source(source)), 201


@bp.get(f"/sources/<{ID}:source_id>")
@allow("viewer")
def sources_show(source_id: int):
    return jsonify(render.feed_source(get_source(get_session(), source_id)))


@bp.patch(f"/sources/<{ID}:source_id>")
@allow("admin")
def sources_edit(source_id: int):
    data = json_body(FeedSourcePatch)
    with writing() as db:
        current = get_source(db, source_id)
        form = SourceForm(
            url=data.url if data.url is not None else current.url,
            name=data.name if data.name is not None else current.name,
            outlet=data.outlet if data.outlet is not None else (current.outlet or ""),
            interval=data.interval_minutes if data.interval_minutes is not None else current.interval_minutes,
            enabled=data.enabled if data.enabled is not None else current.enabled,
        )
        source = update_source(db, current_actor(), source_id, form)
    return jsonify(render.feed_source(source))


@bp.post(f"/sources/<{ID}:source_id>/poll")
@allow("admin")
def sources_poll(source_id: int):
    db = get_session()
    get_source(db, source_id)
    job_id = job_queue(current_app).submit(
        current_actor(), "poll", f"source:{source_id}", {"source_id": source_id}, session=db
    )
    return jsonify(_job_doc(job_id)), 202


@bp.post("/fetch")
@allow("reviewer")
def fetch_article():
    """Queue the import of one article by its address; follow the job for the result."""
    data = json_body(FetchIn)
    address = check_address(data.url)
    db = get_session()
    job_id = job_queue(current_app).submit(current_actor(), "fetch", address, {"url": address}, session=db)
    return jsonify(_job_doc(job_id)), 202


@bp.post("/reindex")
@allow("admin")
def reindex_matching():
    """Queue a re-index of the claims missing from the matching index or edited since."""
    db = get_session()
    job_id = job_queue(current_app).submit(current_actor(), "reindex", "matching", {}, session=db)
    return jsonify(_job_doc(job_id)), 202


@bp.get(f"/jobs/<{ID}:job_id>")
@allow("viewer")
def jobs_show(job_id: int):
    return jsonify(_job_doc(job_id))


@bp.get("/alerts")
@allow("viewer")
def alerts_list():
    args = query(AlertQuery)
    rows = alert_service.list_alerts(get_session(), None if args.state == "all" else args.state, limit=args.limit)
    return jsonify(items=[render.alert(r) for r in rows])


def _alert_doc(alert_id: int) -> dict:
    return render.alert(alert_service.alert_row(get_session(), alert_id))


@bp.post(f"/alerts/<{ID}:alert_id>/acknowledge")
@allow("reviewer")
def alerts_acknowledge(alert_id: int):
    with writing() as db:
        alert_service.acknowledge(db, current_actor(), alert_id)
    return jsonify(_alert_doc(alert_id))


@bp.post(f"/alerts/<{ID}:alert_id>/review")
@allow("reviewer")
def alerts_review(alert_id: int):
    """Take the alert into review; for a repeat the same-claim link is confirmed, so the
    published verdict is offered for reuse on the new claim."""
    with writing() as db:
        alert_service.start_review(db, current_actor(), alert_id)
    return jsonify(_alert_doc(alert_id))


@bp.get("/digest")
@allow("viewer")
def digest():
    args = query(DigestQuery)
    day = parse_day(args.day)
    return jsonify(render.digest(daily_digest(get_session(), day, args.top)))
