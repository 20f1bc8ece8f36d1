"""Online backups of the SQLite database.

SQLite's backup API copies a consistent snapshot page by page while other connections
keep reading and writing, so a backup can be taken from a serving instance. PostgreSQL
installations use pg_dump / pg_restore instead (see README, "Backups").
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(Exception):
    pass


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupError(
            "`claimtrack db backup` copies SQLite databases; for PostgreSQL use pg_dump (see README, Backups)"
        )
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("the database is in memory; there is nothing to back up")
    return Path(parsed.database)


def backup(url: str, target: Path, *, pages_per_step: int = 1024) -> int:
    """Copy the database at `url` into a new file `target`; returns its size in bytes."""
    source_path = sqlite_path(url)
    if not source_path.exists():
        raise BackupError(f"{source_path}: no such database")
    if target.exists():
        raise BackupError(f"{target}: already exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
    try:
        dest = sqlite3.connect(partial)
        try:
            # Small steps let writers in between; the copy restarts itself if they write.
            source.backup(dest, pages=pages_per_step)
            dest.execute("PRAGMA journal_mode=DELETE")
            ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
    finally:
        source.close()
    if ok != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the backup failed its integrity check: {ok}")
    partial.replace(target)
    return target.stat().st_size


def restore(url: str, backup_file: Path) -> None:
    """Replace the database at `url` with the contents of `backup_file`. Stop the app
    servers first: connections open during a restore would see the old data."""
    target = sqlite_path(url)
    if not backup_file.is_file():
        raise BackupError(f"{backup_file}: no such backup file")
    source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        ok = source.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise BackupError(f"{backup_file}: not a sound SQLite database ({ok})")
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(target, timeout=30)
        try:
            source.backup(dest)
        finally:
            dest.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{backup_file}: not a SQLite database ({exc})") from None
    finally:
        source.close()
