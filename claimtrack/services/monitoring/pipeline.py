"""Where the CPU work of polling runs: reading pages (trafilatura), extracting claims and
scoring candidate links. Inline for one poll; in worker processes when many sources
are polled at once, so polls use every core while the fetching threads wait on the
network and the storing stays in this process (short write transactions).

With a pool an article is stored first (article, claims, index entries, a pending
mark), its candidates are read, scored in a worker, and its links and alerts written
in a second short transaction, as a bulk import does (see ``linking.fresh_index``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ...database import session_scope
from ...ingest.prepare import PreparedArticle
from ..linking import fresh_index
from ..linking import settings as settings_module
from . import alerts
from .articles import Page, prepare_page_here


class Inline:
    """Everything in the calling thread: links and alerts in the article's transaction."""

    links_later = False

    def writing(self, engine: Engine) -> AbstractContextManager[Session]:
        """A write transaction of the poll (see ``session_scope``)."""
        return session_scope(engine)

    def prepare(self, page: Page, max_body_chars: int) -> PreparedArticle:
        return prepare_page_here(page, max_body_chars)

    def link_article(self, engine: Engine, indexed: fresh_index.Indexed | None) -> None:
        return None

    def close(self) -> None:
        return None

    def __enter__(self) -> Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Pooled(Inline):
    """Pages read and links scored in ``workers`` processes."""

    links_later = True

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        # Polls of many hosts write from many threads; the database takes one writer at
        # a time anyway, so they queue here rather than on its busy timeout.
        self._write_lock = threading.Lock()
        # spawn: a worker must not inherit this process's database connections or threads.
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        self.settings = settings_module.current()

    @contextlib.contextmanager
    def writing(self, engine: Engine) -> Iterator[Session]:
        with self._write_lock, session_scope(engine) as session:
            yield session

    def prepare(self, page: Page, max_body_chars: int) -> PreparedArticle:
        try:
            return self.pool.submit(prepare_page_here, page, max_body_chars).result()
        except BrokenProcessPool:
            return prepare_page_here(page, max_body_chars)

    def link_article(self, engine: Engine, indexed: fresh_index.Indexed | None) -> None:
        """Find, score and store the links of an article stored with ``links_later``,
        then raise its alerts. Killed half-way, the pending mark stays and the next
        poll or import finishes it (``fresh_index.finish_pending``)."""
        if indexed is None:
            return
        with Session(engine) as session:  # a read: it waits for nobody
            job = fresh_index.plan(session, indexed, self.settings)
        rows: list[dict] = []
        if job is not None:
            try:
                rows = self.pool.submit(fresh_index.score_packed, fresh_index.pack(job)).result()
            except BrokenProcessPool:
                rows = fresh_index.score(job)
        with self.writing(engine) as session:
            fresh_index.store_links(session, indexed.article_id, rows)
            alerts.scan_article(session, indexed.article_id)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def finish_pending(engine: Engine) -> int:
    """Links and alerts owed by a poll or import that was interrupted; how many articles."""
    stats = fresh_index._STATS
    with Session(engine) as session:
        names = session.execute(sa.select(stats.c.name).where(stats.c.name.like(f"{fresh_index.PENDING}%"))).scalars()
        owed = [int(name.removeprefix(fresh_index.PENDING)) for name in names]
    if not owed:
        return 0
    fresh_index.finish_pending(engine)
    with session_scope(engine) as session:
        for article_id in owed:
            alerts.scan_article(session, article_id)
    return len(owed)
