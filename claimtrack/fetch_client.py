"""The application's fetch client: one per process, so per-host pacing, Retry-After and
robots.txt are shared by every request and job in it; the per-host pacing also with the
other processes of the instance."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from .fetch import FetchClient, FetchSettings
from .fetch.politeness import SharedHostGate

_lock = threading.Lock()


def fetch_client(app: Any) -> FetchClient:
    client = app.extensions.get("claimtrack.fetch")
    if client is None:
        with _lock:
            client = app.extensions.get("claimtrack.fetch")
            if client is None:
                settings = FetchSettings.from_config(app.config)
                # The host gate in the instance folder: pollers in other processes of
                # this machine (see services/monitoring/fleet.py) keep to it too.
                gate = SharedHostGate(settings.host_delay, Path(app.instance_path) / "host-gates")
                client = FetchClient(settings, gate=gate)
                app.extensions["claimtrack.fetch"] = client
    return client
