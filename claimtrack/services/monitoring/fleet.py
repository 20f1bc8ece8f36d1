"""Polling many sources at once: many hosts in parallel, one request at a time per host.

Sources are grouped by host; each group is polled by one thread, source after source,
so a host never sees two requests at once from this poll (the fetch client's host gate
adds the pause between them and keeps that true across callers). Groups run side by
side, up to ``hosts_at_once``. Reading pages and scoring links run in worker processes
(``pipeline.Pooled``), storing in this one, each article in short transactions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from ...database import error_summary
from ...fetch import FetchClient
from ...models import FeedSource
from ..accounts.actors import Actor
from .pipeline import Inline, Pooled, finish_pending
from .polling import PollReport, poll_source

HOSTS_AT_ONCE = 16
# Fewer sources than this are polled without starting worker processes.
POOL_THRESHOLD = 3
Progress = Callable[[int, int, PollReport], None]


def host_groups(engine: Engine, source_ids: Iterable[int]) -> list[list[int]]:
    """The sources grouped by host (scheme, host name, port), biggest group first."""
    ids = list(dict.fromkeys(source_ids))
    with Session(engine) as session:
        urls = (
            dict(session.exec(select(FeedSource.id, FeedSource.url).where(FeedSource.id.in_(ids))).all()) if ids else {}
        )
    groups: dict[str, list[int]] = {}
    for sid in ids:
        if sid not in urls:
            continue
        parts = urlsplit(urls[sid])
        key = f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{parts.port or ''}"
        groups.setdefault(key, []).append(sid)
    return sorted(groups.values(), key=len, reverse=True)


def poll_many(
    engine: Engine,
    actor: Actor,
    client: FetchClient,
    source_ids: Iterable[int],
    *,
    max_body_chars: int,
    hosts_at_once: int = HOSTS_AT_ONCE,
    workers: int | None = None,
    progress: Progress | None = None,
    on_entry: Callable[[int, int, int], None] | None = None,
) -> list[PollReport]:
    """Poll the sources now; one report per source, in the order given.

    ``workers``: processes reading pages and scoring links (default one per core; 1
    keeps everything in this process). ``progress(done, total, report)`` after each source;
    ``on_entry(source_id, done, total)`` after each entry of a source (from its thread).
    """
    order = list(dict.fromkeys(source_ids))
    groups = host_groups(engine, order)
    total = sum(len(g) for g in groups)
    if not groups:
        return []
    finish_pending(engine)
    reports: dict[int, PollReport] = {}
    lock = threading.Lock()

    def run_group(group: list[int], pipeline: Inline) -> None:
        for sid in group:
            entry = (lambda d, t, sid=sid: on_entry(sid, d, t)) if on_entry else None
            try:
                report = poll_source(
                    engine, actor, client, sid, max_body_chars=max_body_chars, pipeline=pipeline, progress=entry
                )
            except OperationalError as exc:  # the database stayed locked: this source waits for next time
                report = PollReport(
                    sid,
                    f"source {sid}",
                    status="failed",
                    error=f"the database was busy ({error_summary(exc) or 'locked'})",
                )
            with lock:
                reports[sid] = report
                done = len(reports)
            if progress:
                progress(done, total, report)

    pooled = total >= POOL_THRESHOLD and (workers is None or workers > 1)
    with Pooled(workers) if pooled else Inline() as pipeline:
        threads = max(1, min(hosts_at_once, len(groups)))
        with ThreadPoolExecutor(threads, thread_name_prefix="poll") as executor:
            futures = [executor.submit(run_group, group, pipeline) for group in groups]
            for future in as_completed(futures):
                future.result()  # a bug in one group is not swallowed
    return [reports[sid] for sid in order if sid in reports]
