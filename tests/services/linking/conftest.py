"""A database holding every fixture article, imported once per module through the real
import path (extraction, storage, indexing and suggestions in one transaction each)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest

from claimtrack.db import make_engine
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.articles.bulk_import import collect, import_items

from ...conftest import FIXTURES, PG_URL


def import_fixtures(engine) -> list:
    reports = list(
        import_items(
            engine, Actor.system("test"), collect([FIXTURES / "articles"]), max_body_chars=2_000_000, workers=1
        )
    )
    assert [r.error for r in reports if r.error] == []
    return reports


@pytest.fixture(scope="module")
def corpus_url(_db_factory, tmp_path_factory) -> Iterator[str]:
    """URL of a database with all fixture articles imported (read it, do not write)."""
    if PG_URL:
        name = _db_factory.create()
        url = _db_factory.url_for(name)
    else:
        path = tmp_path_factory.mktemp("corpus") / "corpus.db"
        shutil.copyfile(_db_factory, path)
        url = f"sqlite:///{path}"
    import_fixtures(make_engine(url))
    yield url
    if PG_URL:
        _db_factory.drop(name)
    else:
        make_engine(url).dispose()


@pytest.fixture(scope="module")
def corpus_engine(corpus_url):
    return make_engine(corpus_url)


def import_fixture(engine, name: str):
    """Import one fixture article with its manifest metadata (outlet, URL, date)."""
    from ...helpers import import_file

    manifest = json.loads((FIXTURES / "articles" / "manifest.json").read_text(encoding="utf-8"))
    meta = next(
        (
            {k: v for k, v in m.items() if k in ("outlet", "url", "published")}
            for m in manifest
            if m["file"] == name and "line" not in m
        ),
        {},
    )
    return import_file(engine, FIXTURES / "articles" / name, **meta)
