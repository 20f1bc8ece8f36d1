from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys

import click

from ..db import dispose_engines
from .base import AppContext, CliError, main_group, pass_ctx

# More processes than this mostly add memory: the database is the limit by then.
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    """One server process per core the process may use, up to ``MAX_DEFAULT_WORKERS``;
    one where processes cannot be forked."""
    if not hasattr(os, "fork"):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(MAX_DEFAULT_WORKERS, cores))


@main_group.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads per process.")
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 32),
    help="Server processes sharing the port (POSIX only); one runs Python on one core at a time. "
    f"Default: one per core, at most {MAX_DEFAULT_WORKERS} (one where fork() is missing).",
)
@pass_ctx
def serve(ctx: AppContext, host: str, port: int, threads: int, workers: int | None) -> None:
    """Serve the web application with a production WSGI server (waitress)."""
    workers = workers or default_workers()
    if workers > 1 and not hasattr(os, "fork"):
        raise CliError("--workers above 1 needs a system with fork(); run one process per port instead.")
    app = ctx.app  # configuration errors surface here, once, before any worker starts
    listener = _listen(host, port) if workers > 1 else None
    click.echo(
        f"claimtrack serving on http://{host}:{port} with {workers} process{'es' if workers > 1 else ''} "
        f"of {threads} threads (Ctrl+C to stop)",
        err=True,
    )
    if listener is None:
        _run_waitress(app, threads, host=host, port=port)
    else:
        _run_workers(app, listener, threads, workers)


def _run_waitress(app, threads: int, **where: object) -> None:
    from waitress import serve as waitress_serve

    # poll() rather than select(): no 1024-descriptor ceiling on open connections.
    waitress_serve(app, threads=threads, ident="claimtrack", asyncore_use_poll=True, **where)


def _listen(host: str, port: int) -> socket.socket:
    try:
        family, *_ = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        return socket.create_server((host, port), family=family, backlog=1024)
    except OSError as exc:
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _run_workers(app, listener: socket.socket, threads: int, workers: int) -> None:
    """Fork `workers` processes that accept on one listening socket; the kernel hands each
    new connection to one of them. Nothing they must share lives in process memory
    (sessions, the match index and log-in throttling are in the database) except the API
    rate limit, which is counted per process. The parent only supervises: it stops every
    worker on SIGTERM or Ctrl+C, and all of them if one dies."""
    dispose_engines()  # no pooled connection may cross the fork: each worker opens its own
    children: set[int] = set()
    stopping = failed = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for child in children:
            _kill(child)

    # Installed before the first fork: a stop that arrives while workers are still being
    # started must reach the ones already running, not orphan them.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for _ in range(workers):
        if stopping:
            break
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            code = 1
            try:
                _run_waitress(app, threads, sockets=[listener])
                code = 0
            finally:
                os._exit(code)  # never return into the parent's code
        children.add(pid)
    listener.close()
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        children.discard(pid)
        if not stopping:
            stopping = failed = True
            click.echo(f"error: server worker {pid} exited ({_describe(status)}); stopping the others", err=True)
            for child in children:
                _kill(child)
    if failed:
        sys.exit(1)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"status {os.WEXITSTATUS(status)}"
