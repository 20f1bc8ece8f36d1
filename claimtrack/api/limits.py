"""Per-token rate limiting and the API's own request size limit.

The limiter counts requests per token in fixed windows, in this process's memory: with
several server processes each allows the configured rate, so set it per process. A
limit of 0 turns it off.
"""

from __future__ import annotations

import math
import threading
import time

from flask import current_app, g, request

from .errors import error_response


class WindowLimiter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._windows: dict[object, tuple[float, int]] = {}

    def hit(self, key: object, limit: int, window: float, now: float | None = None) -> float | None:
        """Count one request; None if allowed, else the seconds until the window resets."""
        now = time.monotonic() if now is None else now
        with self._lock:
            started, count = self._windows.get(key, (now, 0))
            if now - started >= window:
                started, count = now, 0
            if count >= limit:
                return max(window - (now - started), 0.0)
            self._windows[key] = (started, count + 1)
            if len(self._windows) > 10_000:
                self._forget_expired(now, window)
            return None

    def _forget_expired(self, now: float, window: float) -> None:
        for key in [k for k, (started, _) in self._windows.items() if now - started >= window]:
            del self._windows[key]


def check_rate_limit():
    token = g.get("api_token")
    limit = int(current_app.config["API_RATE_LIMIT"])
    if token is None or limit <= 0:
        return None
    limiter = current_app.extensions["claimtrack_rate_limiter"]
    wait = limiter.hit(token.token_hash, limit, float(current_app.config["API_RATE_WINDOW"]))
    if wait is None:
        return None
    response = error_response(
        429,
        "rate_limited",
        f"Too many requests for this token: at most {limit} per {current_app.config['API_RATE_WINDOW']} seconds.",
    )
    response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
    return response


def limit_body_size() -> None:
    """Reading a body over the limit raises 413 (answered in JSON by the API handlers)."""
    request.max_content_length = int(current_app.config["API_MAX_BODY_BYTES"])
