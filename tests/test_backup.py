"""`claimtrack db backup` / `restore` on SQLite while the app writes; a clear refusal on
PostgreSQL, whose route is pg_dump."""

import sqlite3
import threading

import pytest
from click.testing import CliRunner
from sqlalchemy import func
from sqlmodel import select

from claimtrack.cli import cli
from claimtrack.db import session_scope
from claimtrack.models import Article, Outlet

from .conftest import EXAMPLE, backend
from .helpers import import_file


def run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.mark.skipif(backend() != "sqlite", reason="the SQLite backup API; PostgreSQL is covered below")
def test_backup_while_writing_then_restore(cli_env, engine, tmp_path):
    import_file(engine, EXAMPLE)
    stop = threading.Event()
    written = []

    def writer() -> None:
        n = 0
        while not stop.is_set() and n < 400:
            with session_scope(engine) as s:
                s.add(Outlet(name=f"Outlet {n}"))
            written.append(n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        result = run(["db", "backup", str(tmp_path / "snap.db")])
    finally:
        stop.set()
        thread.join()
    assert result.exit_code == 0, result.output
    assert written, "the writer never ran"
    snap = sqlite3.connect(tmp_path / "snap.db")
    assert snap.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    outlets_in_backup = snap.execute("SELECT count(*) FROM outlets").fetchone()[0]
    assert snap.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    snap.close()

    with session_scope(engine) as s:
        s.add(Outlet(name="after the backup"))
    refused = CliRunner().invoke(cli, ["db", "restore", str(tmp_path / "snap.db")])
    assert refused.exit_code == 1 and "--yes" in str(refused.exception)
    assert run(["db", "restore", str(tmp_path / "snap.db"), "--yes"]).exit_code == 0
    with session_scope(engine) as s:
        assert s.exec(select(func.count()).select_from(Outlet)).one() == outlets_in_backup
        assert s.exec(select(Outlet).where(Outlet.name == "after the backup")).first() is None
        assert s.exec(select(func.count()).select_from(Article)).one() == 1


@pytest.mark.skipif(backend() != "sqlite", reason="SQLite files only")
def test_backup_refuses_to_overwrite_and_restore_refuses_junk(cli_env, tmp_path):
    (tmp_path / "exists.db").write_text("x")
    result = CliRunner().invoke(cli, ["db", "backup", str(tmp_path / "exists.db")])
    assert result.exit_code == 1 and "already exists" in str(result.exception)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    result = CliRunner().invoke(cli, ["db", "restore", str(tmp_path / "junk.db"), "--yes"])
    assert result.exit_code == 1 and "not a SQLite database" in str(result.exception)


@pytest.mark.skipif(backend() != "postgresql", reason="the PostgreSQL message")
def test_backup_on_postgresql_points_to_pg_dump(cli_env, tmp_path):
    result = CliRunner().invoke(cli, ["db", "backup", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "pg_dump" in str(result.exception)
