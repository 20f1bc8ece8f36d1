"""Each endpoint against each role: below its least role is 403, at or above is not
refused; without a token everything but the description is 401."""
from __future__ import annotations

import pytest

from .conftest import ROLES

# (method, path, body, least role); {claim} and {article} are filled in per test.
ENDPOINTS = [
    ("GET", "/articles", None, "viewer"),
    ("POST", "/articles", {"title": "T", "body": "The mayor said taxes rose 5 percent."}, "reviewer"),
    ("GET", "/articles/{article}", None, "viewer"),
    ("GET", "/claims", None, "viewer"),
    ("GET", "/claims/{claim}", None, "viewer"),
    ("PATCH", "/claims/{claim}", {"version": 1, "claimant_title": "x"}, "reviewer"),
    ("POST", "/claims/{claim}/sources", {"url": "https://example.org/a"}, "reviewer"),
    ("DELETE", "/claims/{claim}/sources/{link}", None, "reviewer"),
    ("POST", "/claims/{claim}/verdicts", {"rating": "false", "version": None}, "reviewer"),
    ("POST", "/claims/{claim}/publish", None, "editor"),
    ("GET", "/claims/{claim}/related", None, "viewer"),
    ("POST", "/links/{link}", {"state": "dismissed"}, "reviewer"),
    ("GET", "/claimants", None, "viewer"),
    ("GET", "/claimants/{claimant}", None, "viewer"),
    ("GET", "/rating-scale", None, "viewer"),
    ("GET", "/claimreview", None, "viewer"),
    ("GET", "/match?q=troops", None, "viewer"),
]


def _path(template: str, claim: dict) -> str:
    return template.format(claim=claim["id"], article=claim["article_id"], link=1,
                           claimant=(claim["claimant"] or {"id": 1})["id"])


@pytest.mark.parametrize("method, template, body, least", ENDPOINTS)
@pytest.mark.parametrize("role", ROLES)
def test_role_table(api, claim, method, template, body, least, role):  # noqa: ANN001
    response = api.call(method, _path(template, claim), role, json=body)
    if ROLES.index(role) < ROLES.index(least):
        assert response.status_code == 403, response.get_data(as_text=True)
        assert response.get_json()["error"]["code"] == "forbidden"
    else:
        assert response.status_code not in (401, 403, 500), response.get_data(as_text=True)


@pytest.mark.parametrize("method, template, body, least", ENDPOINTS)
def test_no_token_is_401(api, claim, method, template, body, least):  # noqa: ANN001
    response = api.call(method, _path(template, claim), None, json=body)
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "unauthorized"


def test_description_is_public(api):  # noqa: ANN001
    response = api.get("/openapi.json", None)
    assert response.status_code == 200 and response.get_json()["openapi"].startswith("3.1")
