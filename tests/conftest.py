"""Shared fixtures: one fresh, migrated database per test, on SQLite or PostgreSQL.

Set CLAIMTRACK_TEST_DATABASE_URL to a PostgreSQL server URL (scripts/pg-test start
prints one) to run the suite against PostgreSQL; otherwise each test gets a SQLite file.
A migrated template is built once per worker and copied per test, so every test starts
from exactly the schema the migrations produce.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine as sa_create_engine, text
from sqlalchemy.engine import make_url

from claimtrack import create_app, migrate
from claimtrack.database import make_engine, session_scope

PG_URL = os.environ.get("CLAIMTRACK_TEST_DATABASE_URL")
REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
EXAMPLE = FIXTURES / "articles" / "iraq-withdrawal-nbc.txt"


def backend() -> str:
    return "postgresql" if PG_URL else "sqlite"


class PostgresDatabases:
    """Creates a migrated template database once, then cheap copies of it per test."""

    def __init__(self, server_url: str, worker: str) -> None:
        self.server = make_url(server_url)
        self.admin = sa_create_engine(self.server, isolation_level="AUTOCOMMIT", poolclass=None)
        self.template = f"ct_template_{worker}_{uuid.uuid4().hex[:6]}"
        self._exec(f'CREATE DATABASE "{self.template}"')
        migrate.upgrade(self.url_for(self.template))
        make_engine(self.url_for(self.template)).dispose()

    def url_for(self, name: str) -> str:
        return self.server.set(database=name).render_as_string(hide_password=False)

    def create(self) -> str:
        name = f"ct_{uuid.uuid4().hex[:12]}"
        self._exec(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}" STRATEGY FILE_COPY')
        return name

    def drop(self, name: str) -> None:
        make_engine(self.url_for(name)).dispose()
        self._exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self.drop(self.template)
        self.admin.dispose()

    def _exec(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(sql))


@pytest.fixture(scope="session")
def _db_factory(tmp_path_factory, worker_id):  # noqa: ANN001, ANN202
    if PG_URL:
        pg = PostgresDatabases(PG_URL, worker_id)
        yield pg
        pg.close()
        return
    template = tmp_path_factory.mktemp("template") / "template.db"
    url = f"sqlite:///{template}"
    migrate.upgrade(url)
    make_engine(url).dispose()
    yield template


@pytest.fixture
def database_url(_db_factory, tmp_path) -> Iterator[str]:  # noqa: ANN001
    """A fresh migrated database for this test."""
    if PG_URL:
        name = _db_factory.create()
        yield _db_factory.url_for(name)
        _db_factory.drop(name)
        return
    path = tmp_path / "claimtrack.db"
    shutil.copyfile(_db_factory, path)
    url = f"sqlite:///{path}"
    yield url
    make_engine(url).dispose()


@pytest.fixture
def empty_database_url(tmp_path, _db_factory) -> Iterator[str]:  # noqa: ANN001
    """A database with no tables at all (for migration tests)."""
    if PG_URL:
        name = f"ct_empty_{uuid.uuid4().hex[:10]}"
        _db_factory._exec(f'CREATE DATABASE "{name}"')
        yield _db_factory.url_for(name)
        _db_factory.drop(name)
        return
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    yield url
    make_engine(url).dispose()


@pytest.fixture
def engine(database_url):  # noqa: ANN001, ANN201
    return make_engine(database_url)


@pytest.fixture
def session(engine):  # noqa: ANN001, ANN201
    with session_scope(engine) as s:
        yield s


@pytest.fixture
def instance_path(tmp_path) -> Path:  # noqa: ANN001
    path = tmp_path / "instance"
    path.mkdir()
    return path


@pytest.fixture
def app_config(database_url, instance_path) -> dict:  # noqa: ANN001
    return {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "INSTANCE_PATH": str(instance_path),
        "WTF_CSRF_ENABLED": False,
        "PUBLIC_BASE_URL": "https://factcheck.example.org",
        "PUBLISHER_NAME": "Example Fact Check",
        "PUBLISHER_URL": "https://factcheck.example.org",
    }


@pytest.fixture
def app(app_config):  # noqa: ANN001, ANN201
    return create_app(app_config)


@pytest.fixture
def client(app):  # noqa: ANN001, ANN201
    return app.test_client()


@pytest.fixture
def cli_env(monkeypatch, database_url, instance_path) -> dict:  # noqa: ANN001
    """Environment under which `claimtrack` commands use this test's database."""
    env = {"CLAIMTRACK_DATABASE_URL": database_url, "CLAIMTRACK_INSTANCE_PATH": str(instance_path)}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env
