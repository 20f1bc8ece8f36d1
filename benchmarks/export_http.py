"""The HTTP half of bench_export.py: a `claimtrack serve` process on 127.0.0.1, one
streamed export request at a time, the server's memory sampled from /proc."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from claimtrack import migrate
from claimtrack.database import make_engine, session_scope
from claimtrack.models import User
from claimtrack.services.accounts import tokens, users
from claimtrack.services.accounts.actors import Actor

HOST = "127.0.0.1"
HERE = Path(__file__).resolve()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of the process: a figure the machine's load cannot inflate."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Server:
    def __init__(self, url: str, instance: Path) -> None:
        self.port = _free_port()
        env = {
            **os.environ,
            "CLAIMTRACK_DATABASE_URL": url,
            "CLAIMTRACK_INSTANCE_PATH": str(instance),
            "CLAIMTRACK_PUBLIC_BASE_URL": "https://factcheck.example.org",
            "CLAIMTRACK_API_RATE_LIMIT": "0",
            "PYTHONPATH": str(HERE.parents[1]),
        }
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "claimtrack.cli",
                "serve",
                "--host",
                HOST,
                "--port",
                str(self.port),
                "--workers",
                "1",
                "--threads",
                "4",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection((HOST, self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("the server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def fetch(server: Server, token: str, fmt: str) -> dict:
    """One streamed export; the server's RSS sampled every 20 ms while it runs."""
    peak, done = [0.0], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _rss_mib(server.proc.pid))
            time.sleep(0.02)

    before = _rss_mib(server.proc.pid)
    cpu_before = _cpu_seconds(server.proc.pid)
    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    conn = http.client.HTTPConnection(HOST, server.port, timeout=600)
    started = time.perf_counter()
    conn.request("GET", f"/api/v1/exports/claims?format={fmt}", headers={"Authorization": f"Bearer {token}"})
    response = conn.getresponse()
    assert response.status == 200, response.read()[:500]
    first = response.read(1)
    ttfb = time.perf_counter() - started
    lines, size = first.count(b"\n"), len(first)
    while chunk := response.read(256 * 1024):
        lines += chunk.count(b"\n")
        size += len(chunk)
    elapsed = time.perf_counter() - started
    done.set()
    watcher.join()
    cpu = _cpu_seconds(server.proc.pid) - cpu_before
    conn.close()
    rows = lines - 1 if fmt == "csv" else lines  # the header line
    return {
        "rows": rows,
        "seconds": elapsed,
        "ttfb": ttfb,
        "peak": peak[0],
        "before": before,
        "mib": size / 2**20,
        "cpu": cpu,
    }


def warm_up(server: Server, token: str) -> None:
    """One small request first, so the figures leave out the process's first-request setup."""
    conn = http.client.HTTPConnection(HOST, server.port, timeout=60)
    conn.request("GET", "/api/v1/rating-scale", headers={"Authorization": f"Bearer {token}"})
    conn.getresponse().read()
    conn.close()


def run_naive(url: str, fmt: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(HERE.with_name("bench_export.py")), "--naive-child", url, fmt],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(HERE.parents[1])},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_http(sizes: list[int], grow, db_url: str | None, *, naive: bool = True) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = db_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        migrate.upgrade(url)
        engine = make_engine(url)
        with session_scope(engine) as session:
            user = users.create_user(session, Actor.system("bench"), "bench-editor", "bench password 1", role="editor")
            _, token = tokens.create_token(session, Actor.system("bench"), session.get(User, user.id), name="bench")
        print(
            f"{'claims':>8} {'fmt':>5} {'MiB out':>8} {'rows/s':>8} {'ttfb s':>7} {'total s':>8} "
            f"{'rows/cpu-s':>10} {'srv MiB before':>14} {'srv MiB peak':>12} {'naive s':>8} {'naive MiB peak':>14}",
            flush=True,
        )
        done = 0
        for size in sizes:
            started = time.perf_counter()
            grow(engine, done, size)
            done = size
            print(f"# {size} claims stored in {time.perf_counter() - started:.0f} s", flush=True)
            server = Server(url, Path(tmp) / "instance")
            try:
                warm_up(server, token)
                for fmt in ("csv", "jsonl"):
                    got = fetch(server, token, fmt)
                    assert got["rows"] == size, got
                    ref = run_naive(url, fmt) if naive else {"seconds": float("nan"), "peak_mib": float("nan")}
                    print(
                        f"{size:>8} {fmt:>5} {got['mib']:>8.0f} {got['rows'] / got['seconds']:>8.0f} "
                        f"{got['ttfb']:>7.3f} {got['seconds']:>8.1f} {got['rows'] / max(got['cpu'], 1e-9):>10.0f} {got['before']:>14.0f} {got['peak']:>12.0f} "
                        f"{ref['seconds']:>8.1f} {ref['peak_mib']:>14.0f}",
                        flush=True,
                    )
            finally:
                server.stop()
        engine.dispose()
