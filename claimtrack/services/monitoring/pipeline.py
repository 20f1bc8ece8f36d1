"""How a poll stores what it fetched: ``Inline`` for one poll (links and alerts in the
article's own transaction); ``Deferred`` when several polls run side by side, so that no
write transaction holds the database while links are scored (``fleet.poll_many`` runs
one ``Deferred`` per process, each process polling its own hosts).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ...database import session_scope
from ...filelocks import locked
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


class Deferred(Inline):
    """Everything in this process, but no scoring inside a write: an article is stored
    first (article, claims, index entries, a pending mark), its candidates are read and
    scored with no transaction open, and its links and alerts written in a second short
    transaction, as a bulk import does (see ``linking.fresh_index``). Threads of one
    process queue for the write lock here rather than on the database's busy timeout."""

    links_later = True

    def __init__(self, settings: settings_module.MatchSettings | None = None) -> None:
        self._write_lock = threading.Lock()
        self.settings = settings or settings_module.current()

    @contextlib.contextmanager
    def writing(self, engine: Engine) -> Iterator[Session]:
        with self._write_lock, _writer_turn(engine), session_scope(engine) as session:
            yield session

    def link_article(self, engine: Engine, indexed: fresh_index.Indexed | None) -> None:
        """Find, score and store the links of an article stored with ``links_later``,
        then raise its alerts. Killed half-way, the pending mark stays and the next
        poll or import finishes it (``fresh_index.finish_pending``)."""
        if indexed is None:
            return
        with Session(engine) as session:  # a read: it waits for nobody
            job = fresh_index.plan(session, indexed, self.settings, prime=True)
        rows = fresh_index.score(job) if job is not None else []
        with self.writing(engine) as session:
            fresh_index.store_links(session, indexed.article_id, rows)
            alerts.scan_article(session, indexed.article_id)


@contextlib.contextmanager
def _writer_turn(engine: Engine) -> Iterator[None]:
    """On a SQLite file, the pollers of every process queue for the one write lock on a
    file lock beside the database: the kernel hands it to the next in line the moment it
    is free, where SQLite's busy handler sleeps and retries (up to 100 ms a time), which
    left two polling processes waiting on each other more than working."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        yield
        return
    with locked(f"{url.database}.pollers"):
        yield


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
