"""The exports in the browser, over the API and on the command line: who may use them,
what they stream, and how bad input is refused."""

import csv
import io
import json

import pytest

from tests.clients import run_cli as run

from ...api.conftest import new_token
from ...helpers import login, make_user
from .conftest import assert_valid_claimreview
from .test_never_leak import assert_clean

ROLES = ("viewer", "reviewer", "editor", "admin")


@pytest.fixture
def clients(app, engine, newsroom):
    out = {None: app.test_client()}
    for role in ROLES:
        make_user(engine, f"x-{role}", role)
        client = app.test_client()
        assert login(client, f"x-{role}").status_code == 302
        out[role] = client
    return out


@pytest.mark.parametrize("path", ["/exports", "/exports/download?dataset=claims&format=csv"])
def test_only_editors_and_admins_export_in_the_browser(clients, path):
    assert clients[None].get(path).status_code == 302  # to the log-in page
    for role in ("viewer", "reviewer"):
        assert clients[role].get(path).status_code == 403
    for role in ("editor", "admin"):
        assert clients[role].get(path).status_code == 200


def test_the_export_page_offers_every_dataset_and_format(clients):
    html = clients["editor"].get("/exports").get_data(as_text=True)
    for value in (
        "claims",
        "verdicts",
        "links",
        "factchecks",
        "csv",
        "jsonl",
        "claimreview",
        "factcheck-api",
        "datafeed",
    ):
        assert f'value="{value}"' in html
    assert 'action="/exports/download"' in html


def test_browser_download_streams_with_the_queue_filters(clients, newsroom):
    response = clients["editor"].get("/exports/download?dataset=claims&format=csv&status=published")
    assert response.is_streamed
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="claimtrack-claims.csv"'
    assert response.headers["Cache-Control"] == "no-store"
    ids = {int(r["id"]) for r in csv.DictReader(io.StringIO(response.get_data(as_text=True)))}
    assert ids == {newsroom.ids[k] for k in ("a1", "a2", "a4")}
    mine = clients["editor"].get("/exports/download?dataset=claims&format=jsonl&assignee=me")
    assert mine.get_data(as_text=True) == ""  # the editor has no claims assigned


def test_browser_fact_check_export_is_valid_claimreview(clients):
    response = clients["admin"].get("/exports/download?dataset=factchecks&format=claimreview")
    assert response.mimetype == "application/ld+json"
    docs = json.loads(response.get_data(as_text=True))
    assert len(docs) == 3
    for doc in docs:
        assert_valid_claimreview(doc)
    assert_clean(json.dumps(docs))


@pytest.mark.parametrize(
    "query", ["dataset=nothing", "dataset=claims&format=claimreview", "status=lost", "from=yesterday", "outlet=abc"]
)
def test_bad_browser_requests_are_named_not_500(clients, query):
    response = clients["editor"].get(f"/exports/download?{query}")
    assert response.status_code == 422


@pytest.fixture
def tokens(engine, newsroom):
    out = {}
    for role in ROLES:
        make_user(engine, f"api-{role}", role)
        out[role] = {"Authorization": f"Bearer {new_token(engine, f'api-{role}', 'export')[1]}"}
    return out


def test_api_exports_for_editors(client, tokens, newsroom):
    assert client.get("/api/v1/exports/claims").status_code == 401
    for role in ("viewer", "reviewer"):
        response = client.get("/api/v1/exports/claims", headers=tokens[role])
        assert response.status_code == 403 and response.get_json()["error"]["code"] == "forbidden"
    response = client.get("/api/v1/exports/verdicts?format=jsonl&has_conflict=true", headers=tokens["editor"])
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    rows = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert {r["claim_id"] for r in rows} == {newsroom.ids["a1"]}
    feed = client.get("/api/v1/exports/factchecks?format=datafeed", headers=tokens["admin"])
    assert feed.mimetype == "application/ld+json" and len(feed.get_json(force=True)["dataFeedElement"]) == 3
    links = client.get("/api/v1/exports/links?format=csv&assignee=none", headers=tokens["editor"])
    assert len(list(csv.DictReader(io.StringIO(links.get_data(as_text=True))))) == 1


@pytest.mark.parametrize("query", ["format=claimreview", "status=lost", "from=2026-02-30", "outlet=0", "format=xml"])
def test_api_refuses_bad_queries_with_the_field(client, tokens, query):
    response = client.get(f"/api/v1/exports/claims?{query}", headers=tokens["editor"])
    assert response.status_code == 422
    assert response.get_json()["error"]["fields"]


def test_openapi_describes_the_exports(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    for dataset in ("claims", "verdicts", "links", "factchecks"):
        op = doc["paths"][f"/exports/{dataset}"]["get"]
        assert "text/csv" in op["responses"]["200"]["content"]
    formats = {p["name"]: p for p in doc["paths"]["/exports/factchecks"]["get"]["parameters"]}["format"]
    assert formats["schema"]["enum"] == ["csv", "jsonl", "claimreview", "factcheck-api", "datafeed"]


def test_cli_exports_each_dataset(newsroom, cli_env, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMTRACK_PUBLIC_BASE_URL", "https://factcheck.example.org")
    code, out, err = run(capsys, "export", "claims", "--status", "unreviewed")
    assert code == 0, err
    assert [int(r["id"]) for r in csv.DictReader(io.StringIO(out))] == [newsroom.ids["b1"]]
    assert "claims exported as csv" in err
    path = tmp_path / "verdicts.jsonl"
    code, _, err = run(capsys, "export", "verdicts", "--format", "jsonl", "--out", str(path), "--conflict")
    assert code == 0, err
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2
    code, out, _ = run(capsys, "export", "factchecks", "--format", "jsonl", "--q", "bridge")
    assert json.loads(out)["rating"] == "half-true"


def test_cli_bad_filter_is_a_one_line_error_and_leaves_no_file(newsroom, cli_env, capsys, tmp_path):
    path = tmp_path / "claims.csv"
    code, _, err = run(capsys, "export", "claims", "--from", "last week", "--out", str(path))
    assert code == 1 and "error: 'from' must be a date like 2026-01-31" in err
    assert not path.exists() and not (tmp_path / "claims.csv.part").exists()
    code, _, err = run(capsys, "export", "links", "--format", "datafeed")
    assert code == 2 and "datafeed" in err


def test_the_queue_links_editors_to_the_export_of_its_filters(clients):
    html = clients["editor"].get("/?status=published&q=teachers").get_data(as_text=True)
    assert "/exports/download?dataset=claims&amp;format=csv&amp;q=teachers&amp;status=published" in html
    assert "/exports/download" not in clients["reviewer"].get("/").get_data(as_text=True)


def test_a_finished_export_gives_its_database_connection_back(app, clients):
    """The body is written after the view returns, when Flask has already run the teardown
    that closes the request's session: the export must close it itself, or every download
    keeps a connection until the garbage collector finds it and the pool runs dry."""
    import gc

    from claimtrack.db import engine_for

    pool = engine_for(app).pool
    gc.disable()
    try:
        for dataset in ("claims", "verdicts", "links", "factchecks"):
            for fmt in ("csv", "jsonl"):
                response = clients["editor"].get(f"/exports/download?dataset={dataset}&format={fmt}")
                assert response.status_code == 200 and response.get_data()
                response.close()
        assert pool.checkedout() == 0
    finally:
        gc.enable()
