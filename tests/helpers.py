"""Building test data through the services, as the application does."""

from __future__ import annotations

from pathlib import Path

from claimtrack.db import session_scope
from claimtrack.ingest import read_bytes
from claimtrack.ingest.prepare import prepare
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.accounts.users import create_user
from claimtrack.services.articles.importing import ImportOutcome, import_article

PASSWORD = "correct horse battery"


def make_user(engine, username: str, role: str, password: str = PASSWORD) -> int:
    with session_scope(engine) as s:
        return create_user(s, Actor.system("test"), username, password, role=role).id


def import_text(engine, text: str, *, where: str = "test.txt", suffix: str = ".txt", **meta) -> ImportOutcome:
    (item,) = list(read_bytes(text.encode("utf-8"), where=where, suffix=suffix, meta=meta or None))
    assert item.error is None, item.error
    prepared = prepare(item.article, max_body_chars=2_000_000)
    with session_scope(engine) as s:
        return import_article(s, Actor.system("test"), prepared)


def import_file(engine, path: Path, **meta) -> ImportOutcome:
    return import_text(engine, path.read_text(encoding="utf-8"), where=str(path), suffix=path.suffix, **meta)


def login(client, username: str, password: str = PASSWORD):
    return client.post("/login", data={"username": username, "password": password})
