"""Importing many files: extraction and link scoring run in worker processes, storage
in this one.

Extraction (with everything matching needs that does not depend on the database) and
the scoring of candidate links are pure CPU work and parallelise across cores; the
database work stays in this process. Each article is stored in its own short
transaction, so one failure never loses the others and a re-run completes an
interrupted batch without duplicates; its links follow in a second short one (see
``fresh_index``). The input is streamed: only a bounded window of articles is in
flight, so memory stays flat whatever the size of the feed.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from ...database import session_scope
from ...errors import DomainError, InputError
from ...ingest import IngestItem, read_path, walk
from ...ingest.prepare import PreparedArticle, prepare
from ..accounts.actors import Actor
from ..linking import fresh_index
from ..linking import settings as settings_module
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
        return {
            "path": self.path,
            "article_id": self.article_id,
            "title": self.title,
            "claims": self.claims,
            "duplicate": self.duplicate,
            "error": self.error,
        }


def iter_items(paths: Iterable[str | Path]) -> Iterator[IngestItem]:
    """The articles under ``paths``, one at a time (a feed is never read into a list)."""
    for path, meta in walk(paths):
        if isinstance(meta, InputError):
            yield IngestItem(str(path), error=InputError(str(path), meta.message))
            continue
        yield from read_path(path, meta)


def collect(paths: Iterable[str | Path]) -> list[IngestItem]:
    return list(iter_items(paths))


def import_items(
    engine: Engine,
    actor: Actor,
    items: Iterable[IngestItem],
    *,
    max_body_chars: int,
    workers: int | None = None,
    on_done: Callable[[ImportReport], None] | None = None,
) -> Iterator[ImportReport]:
    """Import ``items`` in order, yielding one report per item as its links are stored.

    Each article goes through a short write (article, claims, index entries), a read of
    its claims' candidates and the scoring of those (in a worker process when there is
    a pool), then a short write of its links (see ``fresh_index``)."""
    fresh_index.finish_pending(engine)
    workers = workers or os.cpu_count() or 1
    job = _PrepareJob(max_body_chars)
    stream = iter(items)
    head = [item for _, item in zip(range(POOL_THRESHOLD), stream, strict=False)]
    if workers <= 1 or len(head) < POOL_THRESHOLD:
        run = _Run(engine, actor, _inline, window=1)
        yield from _reported(run.feed(itertools.chain(head, stream), job), on_done)
        return
    # spawn: worker processes must not inherit the parent's open database connections.
    with ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_watch_parent, initargs=(os.getpid(),)
    ) as pool:
        run = _Run(engine, actor, pool.submit, window=workers * WINDOW_PER_WORKER)
        yield from _reported(run.feed(_chain(head, stream), job), on_done)


def extracted(
    items: Iterable[IngestItem],
    *,
    max_body_chars: int,
    workers: int | None = None,
) -> Iterator[tuple[IngestItem, PreparedArticle | str]]:
    """The items extracted (prepared article or error message), in order, through the
    same bounded pool an import uses, storing nothing: an import's ceiling."""
    workers = workers or os.cpu_count() or 1
    job = _PrepareJob(max_body_chars)
    if workers <= 1:
        yield from ((item, job(item)) for item in items)
        return
    with ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_watch_parent, initargs=(os.getpid(),)
    ) as pool:
        pending: deque = deque()
        for item in items:
            pending.append((item, pool.submit(job, item)))
            if len(pending) >= workers * WINDOW_PER_WORKER:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())


def _reported(
    reports: Iterator[ImportReport],
    on_done: Callable[[ImportReport], None] | None,
) -> Iterator[ImportReport]:
    for report in reports:
        if on_done:
            on_done(report)
        yield report


def _inline(fn: Callable, *args: object) -> Future:
    future: Future = Future()
    try:
        future.set_result(fn(*args))
    except Exception as exc:  # delivered through the future, as a pool would
        future.set_exception(exc)
    return future


class _Run:
    """One import's pipeline, in input order: articles being extracted, then stored
    articles being scored. At most ``window`` of them are in flight in all, so memory is
    bounded whatever the size of the feed."""

    def __init__(self, engine: Engine, actor: Actor, submit: Callable[..., Future], *, window: int) -> None:
        self.engine, self.actor, self.submit, self.window = engine, actor, submit, window
        # The workers read the candidates themselves, unless the database lives only here.
        memory = engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:")
        self.url = None if memory else engine.url.render_as_string(hide_password=False)
        self.settings = settings_module.current()
        self.extracting: deque = deque()  # (item, future of the prepared article)
        self.scoring: deque = deque()  # (report, indexed, job, future of the link rows)

    def feed(self, items: Iterable[IngestItem], job: _PrepareJob) -> Iterator[ImportReport]:
        for item in items:
            self.extracting.append((item, self.submit(job, item)))
            while len(self.extracting) + len(self.scoring) >= self.window:
                yield from self._advance()
        while self.extracting or self.scoring:
            yield from self._advance()

    def _advance(self) -> Iterator[ImportReport]:
        """Store the oldest article's links if they are scored (or nothing else can move),
        else store the next extracted article."""
        if self.scoring and (not self.extracting or self.scoring[0][3] is None or self.scoring[0][3].done()):
            report, indexed, job, future = self.scoring.popleft()
            if indexed is not None:
                rows = _scored(self.engine, job, future)  # before the write begins: it may wait
                with session_scope(self.engine) as session:
                    fresh_index.store_links(session, indexed.article_id, rows)
            yield report
            return
        report, indexed = _store(self.engine, self.actor, *_result(*self.extracting.popleft()))
        job = future = None
        if indexed is not None:
            inline = self.submit is _inline or self.url is None
            # A read: it holds no lock, so reviewers' saves never wait for it. With a pool
            # a worker makes it (as the index stood when this article was stored) and scores.
            if inline:
                with Session(self.engine) as session:
                    job = fresh_index.plan(session, indexed, self.settings)
            else:
                job = fresh_index.plan(None, indexed, self.settings, load=False)
            if job is not None:
                future = (
                    _inline(fresh_index.score, job)
                    if self.submit is _inline
                    else self.submit(fresh_index.score_packed, fresh_index.pack(job), self.url)
                )
        self.scoring.append((report, indexed, job, future))


def _scored(engine: Engine, job: fresh_index.ScoringJob | None, future: Future | None) -> list[dict]:
    if job is None:
        return []
    try:
        return future.result()
    except Exception:
        if not job.loaded:
            with Session(engine) as session:
                fresh_index.load_candidates(session, job)
        return fresh_index.score(job)


def _chain(head: list[IngestItem], rest: Iterator[IngestItem]) -> Iterator[IngestItem]:
    yield from head
    head.clear()  # the first articles are not kept alive for the whole run
    yield from rest


def _result(item: IngestItem, future) -> tuple[IngestItem, PreparedArticle | str]:
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


def _store(
    engine: Engine,
    actor: Actor,
    item: IngestItem,
    prepared: PreparedArticle | str,
) -> tuple[ImportReport, fresh_index.Indexed | None]:
    if isinstance(prepared, str):
        return ImportReport(item.where, error=prepared), None
    try:
        with session_scope(engine) as session:
            outcome = import_article(session, actor, prepared, links_later=True)
    except DomainError as exc:
        return ImportReport(item.where, error=f"{item.where}: {exc.message}"), None
    return ImportReport(
        item.where,
        article_id=outcome.article_id,
        title=outcome.title,
        claims=outcome.claims,
        duplicate=outcome.duplicate,
    ), outcome.indexed
