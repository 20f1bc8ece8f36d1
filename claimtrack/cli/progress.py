"""A progress bar for long commands, drawn on standard error only when it is a terminal
(piped or redirected output stays clean, and --format json stays parseable)."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

WIDTH = 30
# Redraws at most this often: a fast loop must not spend its time writing to the terminal.
MIN_INTERVAL = 0.1


def terminal_progress(label: str, stream=None) -> Callable[[int, int | None], None] | None:
    """``show(done, total)``, or None when the stream is not a terminal."""
    out = stream or sys.stderr
    if not out.isatty():
        return None
    lock = threading.Lock()
    last = [0.0]

    def show(done: int, total: int | None) -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        with lock:
            if not final and now - last[0] < MIN_INTERVAL:
                return
            last[0] = now
            if total:
                filled = WIDTH * min(done, total) // total
                out.write(f"\r{label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}")
            else:
                out.write(f"\r{label} {done}")
            if final:
                out.write("\n")
            out.flush()

    return show
