"""The application's fetch client: one per process, so per-host pacing, Retry-After and
robots.txt are shared by every request and job in it."""

from __future__ import annotations

import threading
from typing import Any

from .fetch import FetchClient, FetchSettings

_lock = threading.Lock()


def fetch_client(app: Any) -> FetchClient:
    client = app.extensions.get("claimtrack.fetch")
    if client is None:
        with _lock:
            client = app.extensions.get("claimtrack.fetch")
            if client is None:
                client = FetchClient(FetchSettings.from_config(app.config))
                app.extensions["claimtrack.fetch"] = client
    return client
