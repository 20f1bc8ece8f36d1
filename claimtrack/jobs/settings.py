"""Settings of the job engine (Huey)."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Redis URL for the job queue (several machines); None: a SQLite file in the instance folder.
    "JOBS_REDIS_URL": None,
    # The SQLite queue file; None means instance/jobs.sqlite3.
    "JOBS_SQLITE_PATH": None,
    # Worker threads `claimtrack worker` runs.
    "JOBS_WORKERS": 2,
    # Retries of a failed job, and seconds between them.
    "JOBS_RETRIES": 2,
    "JOBS_RETRY_DELAY": 10,
    # Niceness `claimtrack worker` gives itself (0-19): background work yields the CPU to
    # the web server's requests, so pages stay as fast while a big import runs.
    "JOBS_NICE": 10,
    # Linux: the worker also runs in the idle scheduling class (SCHED_IDLE), so it gets
    # a core only when no web request wants one; niceness alone still lets it take a
    # share from the web server's threads.
    "JOBS_IDLE_PRIORITY": True,
    # Seconds without progress after which a running job counts as lost with its worker.
    "JOBS_STALE_SECONDS": 600,
}
