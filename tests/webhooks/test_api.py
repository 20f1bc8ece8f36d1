"""The webhook API: admins add (the secret in that answer only), edit, rotate, read the
log and redeliver; the OpenAPI description documents every event under `webhooks`."""

from __future__ import annotations

import pytest

from claimtrack.models import WEBHOOK_EVENTS
from tests.api.conftest import Api, new_token
from tests.helpers import make_user


@pytest.fixture
def api(client, engine):
    make_user(engine, "admin", "admin")
    make_user(engine, "editor", "editor")
    return Api(client, {"admin": new_token(engine, "admin")[1], "editor": new_token(engine, "editor")[1]})


def test_add_edit_rotate_and_list(api, receiver):
    made = api.post("/webhooks", json={"url": receiver.url(), "events": ["factcheck.published"]})
    assert made.status_code == 201
    doc = made.get_json()
    assert doc["secret"].startswith("whsec_") and doc["active"] is True
    listed = api.get("/webhooks").get_json()["items"]
    assert [d["id"] for d in listed] == [doc["id"]] and "secret" not in listed[0]
    edited = api.patch(f"/webhooks/{doc['id']}", json={"active": False, "description": "CMS"}).get_json()
    assert edited["active"] is False and edited["description"] == "CMS" and "secret" not in edited
    rotated = api.post(f"/webhooks/{doc['id']}/rotate").get_json()
    assert rotated["secret"] != doc["secret"] and rotated["rotation_ends"]
    assert api.get(f"/webhooks/{doc['id']}/deliveries").get_json() == {"items": []}


def test_bad_subscriptions_are_422_with_the_field(api):
    answer = api.post("/webhooks", json={"url": "http://192.168.1.10/hook", "events": ["article.imported"]})
    assert answer.status_code == 422
    assert "192.168.1.10 is a private address" in answer.get_json()["error"]["fields"]["url"]
    answer = api.post("/webhooks", json={"url": "http://hooks.newsroom.invalid/x", "events": ["article.imported"]})
    assert answer.status_code == 422 and "could not be resolved" in answer.get_json()["error"]["fields"]["url"]
    answer = api.post("/webhooks", json={"url": "http://127.0.0.3/", "events": ["claim.eaten"]})
    assert answer.status_code == 422


def test_only_admins(api):
    assert api.get("/webhooks", "editor").status_code == 403


def test_the_description_documents_each_event(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert set(spec["webhooks"]) == set(WEBHOOK_EVENTS)
    published = spec["webhooks"]["factcheck.published"]["post"]
    assert {p["name"] for p in published["parameters"]} == {"webhook-id", "webhook-timestamp", "webhook-signature"}
    body = published["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["type", "version", "timestamp", "data"]
    assert body["properties"]["data"]["$ref"].endswith("/FactCheckData")
    assert "FactCheckData" in spec["components"]["schemas"]
    assert "/webhooks/{sub_id}/deliveries" in spec["paths"]
