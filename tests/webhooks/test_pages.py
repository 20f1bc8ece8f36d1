"""The admin pages for webhooks, with the Flask test client."""

from __future__ import annotations

import re

from tests.fixtures.jobs import drain
from tests.helpers import login, make_user


def _admin(client, engine):
    make_user(engine, "boss", "admin")
    assert login(client, "boss").status_code == 302


def test_add_shows_the_secret_once(client, engine, receiver):
    _admin(client, engine)
    page = client.post(
        "/admin/webhooks",
        data={
            "url": receiver.url(),
            "events": ["factcheck.published", "coverage.conflict"],
            "description": "Chat room",
            "active": "1",
        },
    )
    assert page.status_code == 201
    html = page.get_data(as_text=True)
    secret = re.search(r'id="new-secret" value="(whsec_[^"]+)"', html).group(1)
    assert "shown only this once" in html and "Chat room" in html
    again = client.get("/admin/webhooks").get_data(as_text=True)
    assert secret not in again and receiver.url() in again
    detail = client.get("/admin/webhooks/1").get_data(as_text=True)
    assert secret not in detail and "Nothing delivered yet" in detail


def test_a_refused_address_keeps_the_form(client, engine):
    _admin(client, engine)
    page = client.post(
        "/admin/webhooks", data={"url": "http://10.9.8.7/in", "events": ["article.imported"], "description": "typed"}
    )
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    assert "10.9.8.7 is a private address" in html and 'value="typed"' in html
    assert re.search(r'value="article.imported" checked', html)


def test_log_rotate_deactivate_and_redeliver(client, engine, receiver, job_queue):
    from tests.conftest import EXAMPLE
    from tests.helpers import import_file

    _admin(client, engine)
    client.post("/admin/webhooks", data={"url": receiver.url(), "events": ["article.imported"], "active": "1"})
    import_file(engine, EXAMPLE)
    drain(job_queue)
    html = client.get("/admin/webhooks/1").get_data(as_text=True)
    assert "article.imported" in html and "delivered" in html and " ms" in html
    rotated = client.post("/admin/webhooks/1/rotate").get_data(as_text=True)
    assert 'id="new-secret"' in rotated and "keeps signing beside it" in rotated
    redo = client.post("/admin/webhooks/deliveries/1/redeliver")
    assert redo.status_code == 303
    drain(job_queue)
    assert (
        len(receiver.received) == 2 and receiver.received[0][0]["webhook-id"] == receiver.received[1][0]["webhook-id"]
    )
    off = client.post("/admin/webhooks/1/deactivate", follow_redirects=True).get_data(as_text=True)
    assert "deactivated" in off and ">off<" in off


def test_not_for_editors(client, engine):
    make_user(engine, "ed", "editor")
    login(client, "ed")
    assert client.get("/admin/webhooks").status_code == 403
