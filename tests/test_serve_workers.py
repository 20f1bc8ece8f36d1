"""`claimtrack serve --workers N`: N processes answer on one port, and they stop together."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="--workers needs fork()")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(c) for c in path.read_text().split()} if path.exists() else set()


def start(cli_env: dict, port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "claimtrack.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--threads",
            "2",
        ],
        env={**os.environ, **cli_env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60  # start-up wait, not a measurement
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    return proc


def started_workers(proc: subprocess.Popen, count: int) -> set[int]:
    """The server's worker processes once `count` have been forked (or after a wait):
    the port answers as soon as the parent listens, and the workers are forked after."""
    deadline = time.monotonic() + 30  # start-up wait, not a measurement
    while len(children(proc.pid)) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return children(proc.pid)


def login_page_status(port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/login")
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc")
def test_workers_serve_one_port_and_stop_together(cli_env):
    port = free_port()
    proc = start(cli_env, port, workers=2)
    try:
        workers = started_workers(proc, 2)
        assert len(workers) == 2
        assert [login_page_status(port) for _ in range(6)] == [200] * 6
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert all(
        not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text() for pid in workers
    )


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc")
def test_a_dead_worker_stops_the_server(cli_env):
    port = free_port()
    proc = start(cli_env, port, workers=2)
    first, *others = sorted(started_workers(proc, 2))
    os.kill(first, signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert f"server worker {first} exited (signal {signal.SIGKILL.value})" in err
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_workers_report_a_port_in_use(cli_env):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack.cli", "serve", "--port", str(port), "--workers", "2"],
            env={**os.environ, **cli_env},
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    assert f"error: cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("cores", "expected"), [(1, 1), (2, 2), (3, 3), (16, 4)])
def test_serve_defaults_to_one_process_per_core_up_to_four(monkeypatch, cores, expected):
    from claimtrack.cli import server

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(cores)), raising=False)
    assert server.default_workers() == expected


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc")
@pytest.mark.skipif(len(getattr(os, "sched_getaffinity", lambda _pid: ())(0)) < 2, reason="needs two cores")
def test_serve_without_workers_flag_forks_per_core(cli_env):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack.cli", "serve", "--port", str(port), "--threads", "2"],
        env={**os.environ, **cli_env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        expected = min(4, len(os.sched_getaffinity(0)))
        deadline = time.monotonic() + 60  # start-up wait, not a measurement
        while time.monotonic() < deadline and len(children(proc.pid)) < expected and proc.poll() is None:
            time.sleep(0.1)
        assert len(children(proc.pid)) == expected
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert f"with {expected} process" in err
