"""Killing a bulk import at random moments loses nothing and corrupts nothing: every
stored article has all its claims, and running the import again completes the set
without duplicates."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, text
from sqlmodel import Session, select

from claimtrack.ingest import read_path
from claimtrack.ingest.prepare import prepare
from claimtrack.models import Article, Claim

from .conftest import FIXTURES, backend

pytestmark = pytest.mark.slow
KILLS = 6


def make_corpus(folder, copies: int = 4) -> dict[str, int]:
    """Distinct articles made from the .txt fixtures; returns path -> expected claims."""
    sources = sorted((FIXTURES / "articles").glob("*.txt"))
    expected = {}
    for n in range(copies):
        for src in sources:
            paragraphs = src.read_text(encoding="utf-8").split("\n\n")
            # Make each copy's text distinct (the importer drops exact duplicates).
            longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
            paragraphs[longest] += f" The count was updated in edition {n + 1}."
            path = folder / f"{n:02d}-{src.name}"
            path.write_text("\n\n".join(paragraphs), encoding="utf-8")
            (item,) = list(read_path(path))
            prepared = prepare(item.article, max_body_chars=2_000_000)
            expected[str(path)] = len(prepared.result.claims)
    return expected


def stored(engine) -> dict[str, int]:
    # A plain reader: a writer's transaction would queue behind the importer's writes.
    with Session(engine) as s:
        rows = s.exec(
            select(Article.source_name, func.count(Claim.id))
            .outerjoin(Claim, Claim.article_id == Article.id)
            .group_by(Article.id, Article.source_name)
        ).all()
    return dict(rows)


def test_sigkill_during_bulk_import(cli_env, engine, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = make_corpus(corpus)
    env = {**os.environ, **cli_env}
    command = [sys.executable, "-m", "claimtrack.cli", "import", str(corpus), "--workers", "2", "--format", "json"]
    rng = random.Random(20200110)
    partial_kills = 0
    for _ in range(KILLS):
        before = len(stored(engine))
        # Kill once the import has stored a random number more articles (or at once if
        # the draw is zero), so the kills land at different points of the run.
        target = min(len(expected) - 1, before + rng.randint(0, 6))
        proc = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + 120
        while proc.poll() is None and len(stored(engine)) < target and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.05))
        os.killpg(proc.pid, signal.SIGKILL)  # the importer and its worker processes
        proc.wait()
        got = stored(engine)
        partial_kills += 0 < len(got) < len(expected)
        for path, claims in got.items():
            assert claims == expected[path], f"{path} has {claims} of {expected[path]} claims"
        if backend() == "sqlite":
            with engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert partial_kills >= KILLS // 2, "the kills did not interrupt the import part-way"
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert stored(engine) == expected
