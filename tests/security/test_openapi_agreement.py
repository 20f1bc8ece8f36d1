"""The OpenAPI description agrees with what the API does: schemathesis, with every
check on (schema-valid requests must be accepted, schema-invalid ones refused, every
status and body documented), runs against the app served on 127.0.0.1 and finds
nothing. A bounded number of examples per operation and a fixed seed keep it short and
repeatable; a change that makes code and description drift apart fails here.

The exceptions for rules that depend on stored data are in schemathesis.toml beside
this file, each documented in the description as a possible 422."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack import create_app

from ..clients import new_token
from ..conftest import FIXTURES
from ..fixtures.browser import LiveServer
from ..helpers import import_file, make_user

CONFIG = Path(__file__).with_name("schemathesis.toml")
EXAMPLES_PER_OPERATION = 5
SEED = 16
ST = Path(sys.executable).with_name("st")


@pytest.fixture
def served(app_config, engine):
    make_user(engine, "admin", "admin")
    _, token = new_token(engine, "admin")
    import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    app = create_app({**app_config, "TESTING": False, "API_RATE_LIMIT": 0})
    server = LiveServer(app).start()
    yield server.url, token
    server.stop()


def test_schemathesis_finds_no_disagreement(served, tmp_path):
    url, token = served
    command = [
        str(ST),
        "--config-file",
        str(CONFIG),
        "run",
        f"{url}/api/v1/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(EXAMPLES_PER_OPERATION),
        "--seed",
        str(SEED),
        "--workers",
        "1",
        # A request waits up to 60 s (the default is 10): on a loaded two-core machine one
        # answer can stall that long, and a timeout is not a disagreement with the schema.
        "--request-timeout",
        "60",
        "--header",
        f"Authorization: Bearer {token}",
        "--no-color",
        "--report-dir",
        str(tmp_path),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=600, cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"}
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-20_000:]
    # Every operation schemathesis found in the description was exercised, not just loaded.
    selected = re.search(r"Selected: (\d+)/(\d+)", output)
    tested = re.search(r"Tested: (\d+)", output)
    assert selected and tested and int(tested.group(1)) == int(selected.group(2)) >= 17, output[-3000:]


# The seven disagreements schemathesis reported, one by one: what the description says
# and what the API does now say the same thing.


@pytest.fixture
def described(app) -> dict:
    return app.test_client().get("/api/v1/openapi.json").get_json()


def _prop(described: dict, model: str, name: str) -> dict:
    prop = described["components"]["schemas"][model]["properties"][name]
    return next((p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"), prop)


@pytest.mark.parametrize("q", ["", "   ", "\t\n"])
def test_blank_match_text_is_refused_and_described_so(api, described, q):
    (param,) = [p for p in described["paths"]["/match"]["get"]["parameters"] if p["name"] == "q"]
    assert param["required"] and not re.fullmatch(param["schema"]["pattern"], q)
    assert api.get(f"/match?q={q}").status_code == 422
    assert api.get("/match?q=troops in Iraq").status_code == 200


def test_a_whole_float_version_is_an_integer(api, claim, engine):
    response = api.patch(f"/claims/{claim['id']}", json={"version": float(claim["version"]), "status": "in_review"})
    assert response.status_code == 200, response.get_json()
    verdict = api.post(
        f"/claims/{claim['id']}/verdicts", json={"version": None, "rating": "false", "summary": "Not so."}
    )
    assert verdict.status_code in (200, 201), verdict.get_json()
    body = verdict.get_json()["verdict"]
    publish = api.post(
        f"/claims/{claim['id']}/publish", json={"version": float(body["version"]), "verdict_id": float(body["id"])}
    )
    assert publish.status_code in (409, 422) and "version" not in (publish.get_json()["error"].get("fields") or {})
    for bad in (1.5, "1", True):
        refused = api.patch(f"/claims/{claim['id']}", json={"version": bad})
        assert refused.status_code == 422 and "version" in refused.get_json()["error"]["fields"]


@pytest.mark.parametrize(
    ("published", "status"),
    [
        ("5 January 2026", 422),
        ("2026-02-30", 422),
        ("2026-01-05 10:00", 422),
        ("2026-01-05", 201),
        ("2026-01-05T10:00:00Z", 201),
        ("2026-01-05t10:00:00+02:00", 201),
    ],
)
def test_published_is_an_rfc3339_date_as_described(api, described, published, status):
    assert _prop(described, "ArticleIn", "published")["anyOf"] == [{"format": "date"}, {"format": "date-time"}]
    response = api.post(
        "/articles",
        json={
            "title": f"Budget {published}",
            "published": published,
            "body": f"The mayor said taxes rose 4 percent last year ({published}).",
        },
    )
    assert response.status_code == status, response.get_json()


@pytest.mark.parametrize(
    "url", ["", " ", "example.org/report", "ftp://example.org/x", "https://", "https://ex ample.org"]
)
def test_a_source_address_the_description_refuses_is_refused(api, claim, described, url):
    assert not re.fullmatch(_prop(described, "SourceIn", "url")["pattern"], url)
    assert api.post(f"/claims/{claim['id']}/sources", json={"url": url}).status_code == 422


def test_an_out_of_range_claim_id_is_a_documented_404(api, described):
    assert "404" in described["paths"]["/claims/{claim_id}"]["patch"]["responses"]
    for method in ("get", "patch"):
        assert api.call(method.upper(), "/claims/2147483648", json={"version": 1}).status_code == 404
