from __future__ import annotations

import pytest

from .receiver import Receiver


@pytest.fixture
def app_config(app_config):
    # Loopback receivers are allow-listed, as an admin would allow an internal network.
    return {**app_config, "FETCH_ALLOW_NETWORKS": "127.0.0.3/32", "WEBHOOKS_TIMEOUT": 2}


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()
