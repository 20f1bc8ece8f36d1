"""The OpenAPI description agrees with what the API does: schemathesis, with every
check on (schema-valid requests must be accepted, schema-invalid ones refused, every
status and body documented), runs against the app served on 127.0.0.1 and finds
nothing. A bounded number of examples per operation and a fixed seed keep it short and
repeatable; a change that makes code and description drift apart fails here.

The exceptions for rules that depend on stored data are in schemathesis.toml beside
this file, each documented in the description as a possible 422."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack import create_app

from ..api.conftest import new_token
from ..conftest import FIXTURES
from ..fixtures.browser import LiveServer
from ..helpers import import_file, make_user

CONFIG = Path(__file__).with_name("schemathesis.toml")
EXAMPLES_PER_OPERATION = 5
SEED = 16
ST = Path(sys.executable).with_name("st")


@pytest.fixture
def served(app_config, engine):  # noqa: ANN001, ANN201
    make_user(engine, "admin", "admin")
    _, token = new_token(engine, "admin")
    import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    app = create_app({**app_config, "TESTING": False, "API_RATE_LIMIT": 0})
    server = LiveServer(app).start()
    yield server.url, token
    server.stop()


def test_schemathesis_finds_no_disagreement(served, tmp_path):  # noqa: ANN001
    url, token = served
    command = [str(ST), "--config-file", str(CONFIG), "run", f"{url}/api/v1/openapi.json", "--checks", "all",
               "--max-examples", str(EXAMPLES_PER_OPERATION), "--seed", str(SEED), "--workers", "1",
               "--header", f"Authorization: Bearer {token}", "--no-color", "--report-dir", str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path,
                          env={**os.environ, "NO_COLOR": "1"})
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-20_000:]
    assert "17 passed" in output or "Tested: 17" in output, output[-3000:]
