"""`claimtrack worker`: the job consumer (polling, fetches, imports started in the browser)."""

from __future__ import annotations

import logging
import os

import click

from ..jobs.queue import job_queue
from .base import AppContext, main_group, pass_ctx


@main_group.command("worker")
@click.option(
    "--workers", default=None, type=click.IntRange(1, 64), help="Worker threads (default: the JOBS_WORKERS setting)."
)
@pass_ctx
def worker_cmd(ctx: AppContext, workers: int | None) -> None:
    """Run the job consumer until stopped (Ctrl+C): background jobs, and every minute the
    polls of the sources that are due. Run several, on one machine or many, with Redis."""
    app = ctx.app
    queue = job_queue(app)
    count = workers or int(app.config["JOBS_WORKERS"])
    nice = max(0, min(19, int(app.config["JOBS_NICE"])))
    if nice and hasattr(os, "nice"):
        os.nice(nice)  # its extraction processes inherit it
    idle = bool(app.config["JOBS_IDLE_PRIORITY"]) and _idle_class()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    where = app.config.get("JOBS_REDIS_URL") and "Redis" or "SQLite"
    priority = f"nice {nice}" + (", idle class" if idle else "")
    click.echo(f"claimtrack worker: {count} threads, queue on {where}, {priority} (Ctrl+C to stop)", err=True)
    # An idle worker looks for work at least twice a second (Huey's default backs off to
    # 10 s), so a webhook's first attempt follows its event within about a second.
    consumer = queue.huey.create_consumer(
        workers=count, worker_type="thread", periodic=True, check_worker_health=True, initial_delay=0.05, max_delay=0.5
    )
    consumer.run()


def _idle_class() -> bool:
    """Move this process into the idle scheduling class (Linux); True when it is there.
    Set before any thread starts, so the consumer's threads and the processes they
    spawn (extraction, polling) are in it too."""
    if not hasattr(os, "sched_setscheduler") or not hasattr(os, "SCHED_IDLE"):
        return False
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except OSError:
        return False
    return True
