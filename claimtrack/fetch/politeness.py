"""Being a good guest: one request at a time per host with a pause between them, and
no request before the time a server named in Retry-After."""

from __future__ import annotations

import email.utils
import threading
import time
from datetime import UTC, datetime


class HostGate:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._not_before: dict[str, float] = {}

    def lock(self, host: str) -> threading.Lock:
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
