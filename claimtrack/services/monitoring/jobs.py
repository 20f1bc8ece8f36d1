"""Background jobs as people see them: one row per job with its state, progress and
error. The job engine delivers "run job N"; these functions make a delivery safe to
repeat: a finished job is never run again, a job lost with its worker is queued again,
and a job that keeps failing ends as failed with its error instead of looping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ...database import session_scope
from ...errors import NotFound
from ...models import Job, utcnow
from ..accounts.actors import Actor

ACTIVE = ("queued", "running")


@dataclass(slots=True)
class JobStart:
    id: int
    kind: str
    params: dict
    created_by_id: int | None
    attempts: int


def submit(session: Session, actor: Actor, kind: str, key: str, params: dict) -> tuple[Job, bool]:
    """The job for (kind, key): the active one if there is one, else a new queued job.
    Returns (job, created)."""
    active = session.exec(
        select(Job).where(Job.kind == kind, Job.key == key[:2000], Job.state.in_(ACTIVE)).order_by(Job.id)
    ).first()
    if active is not None:
        return active, False
    job = Job(kind=kind, key=key[:2000], params=params, created_by_id=actor.user_id, message="waiting for a worker")
    session.add(job)
    session.flush()
    return job, True


def start(engine: Engine, job_id: int) -> JobStart | None:
    """Mark the job running and count the attempt; None when it is finished already."""
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is None or job.state in ("done", "failed"):
            return None
        now = utcnow()
        job.state, job.attempts, job.started_at, job.heartbeat_at = "running", job.attempts + 1, now, now
        job.message = "running"
        session.add(job)
        return JobStart(job.id, job.kind, dict(job.params or {}), job.created_by_id, job.attempts)


def progress(engine: Engine, job_id: int, done: int, total: int | None, message: str | None = None) -> None:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is None or job.state != "running":
            return
        job.done, job.total, job.heartbeat_at = done, total, utcnow()
        if message:
            job.message = message[:500]
        session.add(job)


def finish(engine: Engine, job_id: int, result: dict, message: str) -> None:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is None:
            return
        job.state, job.result, job.message, job.error = "done", result, message[:500], None
        _drop_upload(job)
        if job.total is not None:
            job.done = job.total
        job.finished_at = utcnow()
        session.add(job)


def fail(engine: Engine, job_id: int, error: str, *, final: bool) -> None:
    """Record a failed attempt: the job waits for its retry, or (final) ends failed."""
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is None:
            return
        job.error = error[:4000]
        if final:
            job.state, job.finished_at = "failed", utcnow()
            _drop_upload(job)
            job.message = f"failed after {job.attempts} attempt{'s' if job.attempts != 1 else ''}"
        else:
            job.state, job.message = "queued", f"attempt {job.attempts} failed; will retry"
        session.add(job)


def _drop_upload(job: Job) -> None:
    """An uploaded file travels in its job's row until the job is over, no longer."""
    if job.params and "data" in job.params:
        job.params = {k: v for k, v in job.params.items() if k != "data"}


def stale(session: Session, older_than: timedelta, now: datetime | None = None) -> list[int]:
    """Running jobs whose heartbeat stopped: their worker is gone."""
    limit = (now or utcnow()) - older_than
    rows = session.exec(select(Job.id).where(Job.state == "running", Job.heartbeat_at < limit))
    return list(rows)


def requeue(engine: Engine, job_id: int, *, max_attempts: int) -> bool:
    """Put a lost job back in the queue (True), or end it failed when it was lost too often."""
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is None or job.state != "running":
            return False
        if job.attempts >= max_attempts:
            job.state, job.finished_at = "failed", utcnow()
            job.error = f"the worker stopped during each of {job.attempts} attempts"
            _drop_upload(job)
            job.message = "failed"
            session.add(job)
            return False
        job.state, job.message = "queued", "the worker stopped; queued again"
        session.add(job)
        return True


def get_job(session: Session, job_id: int) -> Job:
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound(f"No job {job_id}.")
    return job


def recent_jobs(session: Session, limit: int = 20, user_id: int | None = None) -> list[Job]:
    query = select(Job).order_by(Job.id.desc()).limit(limit)
    if user_id is not None:
        query = query.where(Job.created_by_id == user_id)
    return list(session.exec(query))


def progress_percent(job: Job) -> int | None:
    """How far a job has come, for its progress bar: None while its size is unknown."""
    if job.state == "done":
        return 100
    if job.total:
        return min(100, round(100 * job.done / job.total))
    return None
