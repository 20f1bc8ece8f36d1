"""Being a good guest: one request at a time per host with a pause between them, and
no request before the time a server named in Retry-After."""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from ..filelocks import locked


class HostGate:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._not_before: dict[str, float] = {}

    def lock(self, host: str) -> AbstractContextManager[object]:
        """Held for the whole request: the next one to ``host`` waits for it."""
        return self._thread_lock(host)

    def _thread_lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def wait_turn(self, host: str) -> None:
        """Sleep until the pause since the last request to ``host`` is over (lock held)."""
        last = self._last.get(host)
        if last is not None:
            remaining = last + self.delay - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)

    def done(self, host: str) -> None:
        self._last[host] = time.monotonic()

    def retry_wait(self, host: str) -> float:
        """Seconds until ``host`` may be asked again (0 when it may now)."""
        until = self._not_before.get(host)
        return max(0.0, until - time.monotonic()) if until else 0.0

    def back_off(self, host: str, seconds: float) -> None:
        self._not_before[host] = time.monotonic() + seconds


class SharedHostGate(HostGate):
    """The same rules for every process on the machine that uses ``folder``: a file per
    host, locked (flock) for each request and holding the time the last one ended and
    the time the host asked to be left alone until (Retry-After), so pollers in separate
    processes still ask a host one at a time, with the pause, and all respect a back-off
    that any one of them was told."""

    def __init__(self, delay: float, folder: str | Path) -> None:
        super().__init__(delay)
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._held: dict[str, IO[bytes]] = {}

    @contextlib.contextmanager
    def lock(self, host: str) -> Iterator[object]:
        with self._thread_lock(host):  # threads of this process first, then the others
            name = hashlib.sha256(host.encode("utf-8")).hexdigest()[:32] + ".gate"
            with locked(self.folder / name) as handle:
                self._held[host] = handle
                self._read(host)  # what the other processes did to the host meanwhile
                try:
                    yield handle
                finally:
                    self._held.pop(host, None)

    def _read(self, host: str) -> None:
        handle = self._held.get(host)
        if handle is None:
            return
        handle.seek(0)
        # "<last request ended> <not before>", times of the system's monotonic clock
        # (time.monotonic() is the same in every process). A damaged file only loses them.
        fields = handle.read().decode("ascii", "replace").split()
        for slot, text in zip((self._last, self._not_before), fields, strict=False):
            with contextlib.suppress(ValueError):
                if text != "-":
                    slot[host] = max(float(text), slot.get(host, float("-inf")))

    def done(self, host: str) -> None:
        super().done(host)
        self._write(host)

    def back_off(self, host: str, seconds: float) -> None:
        super().back_off(host, seconds)
        with self.lock(host):  # reads a longer back-off another process learnt: it stays
            self._write(host)

    def _write(self, host: str) -> None:
        handle = self._held.get(host)
        if handle is None:
            return
        values = [self._last.get(host), self._not_before.get(host)]
        handle.seek(0)
        handle.truncate()
        handle.write(" ".join("-" if v is None else repr(v) for v in values).encode("ascii"))
        handle.flush()


def parse_retry_after(value: str | None, default: float) -> float:
    """Seconds from a Retry-After header (delay or HTTP date), bounded to a day."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return min(float(value), 86400.0)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, (when - datetime.now(UTC)).total_seconds()), 86400.0)
