"""Importing many files: extraction runs in worker processes, storage in this one.

Extraction is pure CPU work and parallelises across cores; each article is then stored
in its own transaction so one failure never loses the others, and a re-run completes
an interrupted batch without duplicates. The input is streamed: only a bounded window
of articles is in flight, so memory stays flat whatever the size of the feed.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy.engine import Engine

from ...database import session_scope
from ...errors import DomainError, InputError
from ...ingest import IngestItem, read_path, walk
from ...ingest.prepare import PreparedArticle, prepare
from ..accounts.actors import Actor
from .importing import import_article

# Below this many articles a worker pool costs more to start than it saves.
POOL_THRESHOLD = 8
# Articles submitted to the pool per worker ahead of the one being stored: enough to
# keep every worker busy, few enough that a huge feed is never held in memory.
WINDOW_PER_WORKER = 4
PARENT_CHECK_SECONDS = 0.5


@dataclass(slots=True)
class ImportReport:
    path: str
    article_id: int | None = None
    title: str | None = None
    claims: int = 0
    duplicate: bool = False
    error: str | None = None

    def to_dict(self) -> dict:
        return {"path": self.path, "article_id": self.article_id, "title": self.title,
                "claims": self.claims, "duplicate": self.duplicate, "error": self.error}


def iter_items(paths: Iterable[str | Path]) -> Iterator[IngestItem]:
    """The articles under ``paths``, one at a time (a feed is never read into a list)."""
    for path, meta in walk(paths):
        if isinstance(meta, InputError):
            yield IngestItem(str(path), error=InputError(str(path), meta.message))
            continue
        yield from read_path(path, meta)


def collect(paths: Iterable[str | Path]) -> list[IngestItem]:
    return list(iter_items(paths))


def import_items(engine: Engine, actor: Actor, items: Iterable[IngestItem], *, max_body_chars: int,
                 workers: int | None = None, on_done: Callable[[ImportReport], None] | None = None,
                 ) -> Iterator[ImportReport]:
    for item, prepared in _prepared(items, max_body_chars, workers):
        report = _store(engine, actor, item, prepared)
        if on_done:
            on_done(report)
        yield report


def _prepared(items: Iterable[IngestItem], max_body_chars: int, workers: int | None,
              ) -> Iterator[tuple[IngestItem, PreparedArticle | str]]:
    workers = workers or os.cpu_count() or 1
    job = _PrepareJob(max_body_chars)
    stream = iter(items)
    head = [item for _, item in zip(range(POOL_THRESHOLD), stream, strict=False)]
    if workers <= 1 or len(head) < POOL_THRESHOLD:
        yield from ((item, job(item)) for item in head)
        yield from ((item, job(item)) for item in stream)
        return
    window = workers * WINDOW_PER_WORKER
    pending: deque = deque()
    upcoming = _chain(head, stream)
    # spawn: worker processes must not inherit the parent's open database connections.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
        for item in upcoming:
            pending.append((item, pool.submit(job, item)))
            if len(pending) >= window:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())


def _chain(head: list[IngestItem], rest: Iterator[IngestItem]) -> Iterator[IngestItem]:
    yield from head
    head.clear()  # the first articles are not kept alive for the whole run
    yield from rest


def _result(item: IngestItem, future) -> tuple[IngestItem, PreparedArticle | str]:  # noqa: ANN001
    try:
        return item, future.result()
    except BrokenProcessPool:
        return item, f"{item.where}: the extraction worker process died"


def _watch_parent(parent_pid: int) -> None:
    """Worker start-up: exit as soon as the importing process is gone (killed with
    SIGKILL it cannot stop its pool, and an orphaned worker would run on for ever)."""
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class _PrepareJob:
    def __init__(self, max_body_chars: int) -> None:
        self.max_body_chars = max_body_chars

    def __call__(self, item: IngestItem) -> PreparedArticle | str:
        """The prepared article, or the error message (plain text crosses process
        boundaries safely; exceptions with extra fields do not always unpickle)."""
        if item.error is not None:
            return item.error.message
        try:
            return prepare(item.article, max_body_chars=self.max_body_chars)
        except InputError as exc:
            return exc.message
        except Exception as exc:  # an extractor bug must not sink the batch
            return f"{item.where}: extraction failed ({type(exc).__name__}: {exc})"


def _store(engine: Engine, actor: Actor, item: IngestItem, prepared: PreparedArticle | str) -> ImportReport:
    if isinstance(prepared, str):
        return ImportReport(item.where, error=prepared)
    try:
        with session_scope(engine) as session:
            outcome = import_article(session, actor, prepared)
    except DomainError as exc:
        return ImportReport(item.where, error=f"{item.where}: {exc.message}")
    return ImportReport(item.where, article_id=outcome.article_id, title=outcome.title,
                        claims=outcome.claims, duplicate=outcome.duplicate)
