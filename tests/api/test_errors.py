"""Every error is JSON with the right status; bad input never reaches a 500."""

from __future__ import annotations

import pytest

from claimtrack import create_app

from .conftest import new_token


def _code(response, status: int) -> str:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()["error"]["code"]


@pytest.mark.parametrize("body", [b"{", b"not json", b'{"title": "a",}', b"[" * 100_000])
def test_malformed_json_is_400(api, body):
    response = api.post("/articles", "reviewer", data=body, content_type="application/json")
    assert _code(response, 400) == "malformed_json"


def test_non_utf8_body_is_400(api):
    response = api.post("/articles", "reviewer", data=b'{"title": "\xff"}', content_type="application/json")
    assert _code(response, 400) == "malformed_json"


@pytest.mark.parametrize(
    "body, field",
    [
        ([], "body"),
        ({"title": 5, "body": "x"}, "title"),
        ({"title": "x"}, "body"),
        ({"title": "x", "body": "y", "extra": 1}, "extra"),
        ({"title": "x\u0000", "body": "y"}, "title"),
        ({"title": "x", "body": "\ud800"}, "body"),
    ],
)
def test_wrong_shapes_are_422_naming_the_field(api, body, field):
    response = api.post("/articles", "reviewer", json=body)
    assert _code(response, 422) == "validation"
    assert field in response.get_json()["error"]["fields"]


@pytest.mark.parametrize(
    "path",
    [
        "/nowhere",
        "/claims/abc",
        "/claims/99999999999999999999999999",
        "/claims/-1",
        "/claims/2147483647",
        "/articles/0",
    ],
)
def test_unknown_paths_and_ids_are_json_404(api, path):
    assert _code(api.get(path), 404) == "not_found"


def test_wrong_method_is_json_405(api):
    response = api.call("PUT", "/claims")
    assert _code(response, 405) == "method_not_allowed"
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=201",
        "limit=99999999999999999999",
        "limit=x",
        "after=-5",
        "status=nope",
        "has_conflict=maybe",
        "article=0",
        "q=a%00b",
    ],
)
def test_bad_query_values_are_422(api, query):
    assert _code(api.get(f"/claims?{query}"), 422) == "validation"


def test_too_large_is_413(app_config, engine, users):
    app = create_app({**app_config, "API_MAX_BODY_BYTES": 1000})
    _, token = new_token(engine, "reviewer")
    response = app.test_client().post(
        "/api/v1/articles", json={"title": "x", "body": "y" * 2000}, headers={"Authorization": f"Bearer {token}"}
    )
    assert _code(response, 413) == "too_large"


def test_rate_limit_is_429_with_retry_after(app_config, engine, users):
    app = create_app({**app_config, "API_RATE_LIMIT": 3, "API_RATE_WINDOW": 60})
    _, token = new_token(engine, "viewer")
    _, other = new_token(engine, "viewer")
    client = app.test_client()
    statuses = [
        client.get("/api/v1/rating-scale", headers={"Authorization": f"Bearer {token}"}).status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/rating-scale", headers={"Authorization": f"Bearer {token}"})
    assert _code(response, 429) == "rate_limited"
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    # The limit is per token.
    assert client.get("/api/v1/rating-scale", headers={"Authorization": f"Bearer {other}"}).status_code == 200


def test_unexpected_errors_are_json_500(api, monkeypatch):
    from claimtrack.api import queries

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(queries, "claims", broken)
    response = api.get("/claims")
    assert _code(response, 500) == "internal"
    assert "boom" not in response.get_data(as_text=True)
