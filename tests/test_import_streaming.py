"""Bulk imports stream their input and never outlive the importing process."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimtrack.services.accounts.actors import Actor
from claimtrack.services.articles import bulk_import
from claimtrack.services.articles.bulk_import import import_items, iter_items

ARTICLE = (
    "Harbour plan draws questions\n\nBy Ana Reyes\n\n"
    "The council will build {n} new homes near the harbour, the mayor said on Tuesday.\n\n"
    '"We expect the first families to move in next spring," she said.\n'
)


def _feed(path: Path, lines: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(lines):
            out.write(json.dumps({"title": f"Harbour plan {n}", "body": ARTICLE.format(n=n + 100)}) + "\n")
    return path


def test_a_100k_line_feed_is_read_only_a_window_ahead(engine, tmp_path):
    feed = _feed(tmp_path / "feed.jsonl", 100_000)
    pulled = 0

    def counted():
        nonlocal pulled
        for item in iter_items([feed]):
            pulled += 1
            yield item

    reports = import_items(engine, Actor.system("test"), counted(), max_body_chars=100_000, workers=2)
    stored = [next(reports) for _ in range(3)]
    reports.close()
    assert [r.error for r in stored] == [None, None, None]
    # Three articles stored; at most one window of work was read ahead, not the whole feed.
    assert pulled <= 3 + 2 * bulk_import.WINDOW_PER_WORKER


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_killing_the_importer_stops_its_workers(cli_env, tmp_path):
    feed = _feed(tmp_path / "feed.jsonl", 2_000)
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack.cli", "import", str(feed), "--workers", "2"],
        env={**os.environ, **cli_env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the import never started its worker processes"
    os.kill(proc.pid, signal.SIGKILL)  # the parent only: it cannot stop its pool
    proc.wait()
    # A worker may still be starting (importing the extractor, seconds on a loaded
    # machine) when its parent dies; it notices as soon as its watch begins.
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "worker processes outlived the killed importer"


def test_a_large_feed_is_read_line_by_line_with_the_same_articles(tmp_path, monkeypatch):
    from claimtrack.ingest import readers

    feed = _feed(tmp_path / "feed.jsonl", 5)
    whole = [(i.where, i.article.title, i.article.body) for i in iter_items([feed])]
    monkeypatch.setattr(readers, "STREAM_JSONL_BYTES", 0)
    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(
        Path,
        "read_bytes",
        lambda self: pytest.fail(f"{self} was read whole") if self == feed else real_read_bytes(self),
    )
    streamed = [(i.where, i.article.title, i.article.body) for i in iter_items([feed])]
    assert streamed == whole


def test_a_bad_line_of_a_streamed_feed_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    from claimtrack.ingest import readers

    monkeypatch.setattr(readers, "STREAM_JSONL_BYTES", 0)
    feed = tmp_path / "feed.jsonl"
    good = json.dumps({"title": "Pier opens", "body": "The new pier opened on Monday, the mayor said."})
    feed.write_bytes(
        b"\xef\xbb\xbf"
        + good.encode()
        + b'\n{"title": "Caf\xe9"}\n\n{not json\n'
        + good.replace("Pier", "Quay").encode()
        + b"\r\n"
    )
    items = list(iter_items([feed]))
    assert [i.error.message if i.error else i.article.title for i in items] == [
        "Pier opens",
        f"{feed}:2: not valid UTF-8 (byte offset 14 of the line)",
        f"{feed}:4: malformed JSON at column 2: Expecting property name enclosed in double quotes",
        "Quay opens",
    ]
    assert [i.where for i in items] == [f"{feed}:1", f"{feed}:2", f"{feed}:4", f"{feed}:5"]
