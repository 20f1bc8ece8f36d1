"""The job queue on Huey: SQLite storage in the instance folder by default (no extra
service), Redis when `JOBS_REDIS_URL` is set (several machines share one queue).

Huey carries one message per job, "run job N"; the job's row in the database says what
to do and records how it went. Every minute a periodic task queues the sources that are
due and puts back jobs whose worker was lost.
"""

from __future__ import annotations

import logging
import time
import traceback
from datetime import timedelta
from pathlib import Path
from typing import Any

from huey import RedisHuey, SqliteHuey, crontab
from huey.api import Huey
from sqlmodel import Session

from ..database import make_engine, session_scope
from ..services.accounts.actors import Actor
from ..services.monitoring import jobs as job_service
from ..services.monitoring.sources import due_source_ids
from .handlers import HANDLERS, Permanent
from .webhooks import WebhookTasks

log = logging.getLogger("claimtrack.jobs")
PROGRESS_SECONDS = 0.5


def build_huey(config: Any, instance_path: str, *, immediate: bool = False) -> Huey:
    redis_url = config.get("JOBS_REDIS_URL")
    if redis_url:
        return RedisHuey("claimtrack", url=redis_url, immediate=immediate, results=False)
    path = config.get("JOBS_SQLITE_PATH") or str(Path(instance_path) / "jobs.sqlite3")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("claimtrack", filename=path, immediate=immediate, results=False)


class JobQueue:
    def __init__(self, app: Any, huey: Huey | None = None) -> None:
        self.app = app
        cfg = app.config
        self.huey = huey or build_huey(cfg, app.instance_path, immediate=bool(cfg.get("JOBS_IMMEDIATE")))
        self.retries = int(cfg["JOBS_RETRIES"])
        self.stale_after = timedelta(seconds=float(cfg["JOBS_STALE_SECONDS"]))
        self._engine = None
        self._register()

    @property
    def engine(self):
        if self._engine is None:
            self._engine = make_engine(
                self.app.config["DATABASE_URL"], busy_timeout=int(self.app.config["SQLITE_BUSY_TIMEOUT"])
            )
        return self._engine

    def _register(self) -> None:
        huey = self.huey

        @huey.task(
            retries=self.retries, retry_delay=int(self.app.config["JOBS_RETRY_DELAY"]), context=True, name="run_job"
        )
        def run_job(job_id: int, task=None) -> None:
            self.run(job_id, final=(task is None or task.retries == 0))

        @huey.periodic_task(crontab(minute="*"), name="every_minute")
        def every_minute() -> None:
            self.tick()

        self.run_job = run_job
        self.every_minute = every_minute
        self.webhooks = WebhookTasks(self.app, huey, lambda: self.engine)

    # -- submitting ----------------------------------------------------------------------

    def submit(self, actor: Actor, kind: str, key: str, params: dict, session: Session | None = None) -> int:
        """Queue a job (or find the same one already waiting or running); its id.

        With ``session`` (a web request's), the job row is written and committed in it:
        a second connection would wait for the request's own write lock on SQLite."""
        if kind not in HANDLERS:
            raise ValueError(f"no such kind of job: {kind}")
        if session is not None:
            job, created = job_service.submit(session, actor, kind, key, params)
            job_id = job.id
            session.commit()
        else:
            with session_scope(self.engine) as own:
                job, created = job_service.submit(own, actor, kind, key, params)
                job_id = job.id
        if created:  # committed first, so a worker that picks it up at once finds the row
            self.run_job(job_id)
        return job_id

    # -- running (in the worker) ------------------------------------------------------------

    def run(self, job_id: int, *, final: bool) -> None:
        started = job_service.start(self.engine, job_id)
        if started is None:
            return  # finished already: a repeated delivery does nothing
        handler = HANDLERS.get(started.kind)

        last = [0.0]

        def progress(done: int, total: int | None, message: str | None) -> None:
            # At most a write every PROGRESS_SECONDS (pages poll every second), and always the last.
            now = time.monotonic()
            if now - last[0] < PROGRESS_SECONDS and not (total is not None and done >= total):
                return
            last[0] = now
            job_service.progress(self.engine, job_id, done, total, message)

        try:
            if handler is None:
                raise Permanent(f"no such kind of job: {started.kind!r}")
            result, message = handler(self.app, self.engine, started.params, started.created_by_id, progress)
        except Permanent as exc:
            job_service.fail(self.engine, job_id, str(exc), final=True)
            return
        except Exception as exc:
            log.warning("job %s attempt %s failed: %s", job_id, started.attempts, exc)
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            job_service.fail(self.engine, job_id, detail, final=final)
            if not final:
                raise  # Huey retries it after the delay
            return
        job_service.finish(self.engine, job_id, result, message)

    def tick(self) -> dict:
        """Queue a poll of the sources that are due; put back jobs lost with their worker."""
        requeued = []
        with Session(self.engine) as session:
            lost = job_service.stale(session, self.stale_after)
        for job_id in lost:
            if job_service.requeue(self.engine, job_id, max_attempts=self.retries + 1):
                self.run_job(job_id)
                requeued.append(job_id)
        with Session(self.engine) as session:
            due = due_source_ids(session)
        # One job for all of them, so hosts are polled side by side on every core; while
        # it runs, the next tick finds it active and adds nothing.
        polls = [self.submit(Actor.system("poller"), "poll_due", "due", {"source_ids": due})] if due else []
        return {"polls": polls, "requeued": requeued, "webhooks": self.webhooks.tick()}


def job_queue(app: Any) -> JobQueue:
    queue = app.extensions.get("claimtrack.jobs")
    if queue is None:
        queue = JobQueue(app)
        app.extensions["claimtrack.jobs"] = queue
    return queue


def init_jobs(app: Any) -> None:
    """Webhook deliveries emitted by this app's transactions go to its queue (built on
    first use, so an app that never emits one never opens the queue)."""
    from sqlalchemy.engine import make_url

    from ..services.webhooks import outbox

    key = make_url(app.config["DATABASE_URL"]).render_as_string(hide_password=False)
    outbox.register(key, lambda ids: job_queue(app).webhooks.dispatch(ids))
