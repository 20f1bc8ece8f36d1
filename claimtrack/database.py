"""Engines and units of work for SQLite and PostgreSQL, without Flask.

Services, the CLI, migrations and scripts use this module; the request-scoped session
of the web app lives in `db`.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

_ENGINES: dict[tuple[str, int], Engine] = {}
WRITE_OPTION = "claimtrack_writer"


def make_engine(url: str, *, busy_timeout: int = 15) -> Engine:
    """One engine per (url, timeout) per process; engines own connection pools."""
    key = (url, busy_timeout)
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _build_engine(url, busy_timeout)
        _ENGINES[key] = engine
    return engine


def dispose_engines() -> None:
    """Close every pooled connection of this process (before forking server workers)."""
    for engine in _ENGINES.values():
        engine.dispose()


def _build_engine(url: str, busy_timeout: int) -> Engine:
    # hide_parameters: a failed statement's error (and so any log of it) names the SQL
    # but not the values, which can be token hashes, password hashes or private drafts.
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        pool = {}
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            # As large as PostgreSQL's: with the default 5, a server's 8 threads (plus
            # short bookkeeping sessions) keep opening and dropping overflow
            # connections, each paying for the PRAGMAs below.
            pool = {"pool_size": 10, "max_overflow": 10}
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": busy_timeout},
            hide_parameters=True,
            **pool,
        )
        _configure_sqlite(engine, busy_timeout)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10, hide_parameters=True)


def _configure_sqlite(engine: Engine, busy_timeout: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy issue BEGIN itself so "BEGIN IMMEDIATE" below is honoured.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout) * 1000}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the lock up front: in WAL mode a deferred transaction that later
        # upgrades to a writer fails at once with "database is locked" instead of waiting
        # for busy_timeout. Readers stay deferred so they never queue behind writers.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def writer(engine: Engine) -> Engine:
    """The same engine and pool, marked so SQLite transactions start as writers."""
    return engine.execution_options(**{WRITE_OPTION: True})


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextlib.contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A writing unit of work for scripts and the CLI: commit on success, else roll back."""
    with Session(writer(engine), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def error_summary(exc: BaseException) -> str | None:
    """What a database error may say in a log: the driver's error class, the SQL state,
    and the constraint, table and column it names, never values. None for other errors.

    `hide_parameters` keeps bound values out of the message, but PostgreSQL's own
    DETAIL line repeats them ("Key (token_hash)=(...) already exists"), and so would a
    traceback's last line; callers log this summary and the bare stack instead."""
    if not isinstance(exc, DBAPIError):
        return None
    orig = exc.orig
    parts = [type(orig).__name__ if orig is not None else type(exc).__name__]
    diag = getattr(orig, "diag", None)
    if diag is not None:  # psycopg: structured fields, no message text (which can quote values)
        parts += [
            f"{name}={value}"
            for name, value in (
                ("sqlstate", diag.sqlstate),
                ("constraint", diag.constraint_name),
                ("table", diag.table_name),
                ("column", diag.column_name),
            )
            if value
        ]
    elif orig is not None:  # sqlite3 names the constraint and columns, not the values
        parts.append(str(orig).splitlines()[0][:200])
    if exc.statement:  # the SQL with placeholders: values are bound, not written into it
        parts.append("in: " + " ".join(exc.statement.split())[:160])
    return "; ".join(parts)


def log_unexpected(logger: logging.Logger, exc: BaseException, message: str, *args: object) -> None:
    """Log an unexpected error with its stack; a database error's text is replaced by
    `error_summary`, so no value of the failed statement reaches the log."""
    summary = error_summary(exc)
    if summary is None:
        logger.error(message, *args, exc_info=exc)
        return
    stack = "".join(traceback.format_tb(exc.__traceback__))
    logger.error(message + ": %s\nTraceback (most recent call last):\n%s", *args, summary, stack.rstrip())
