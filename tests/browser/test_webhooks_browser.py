"""An admin adds a webhook in the browser and copies the secret shown once; a fact-check
is published; the receiver on loopback verifies the delivery with the reference
`standardwebhooks` verifier, and the delivery log shows it. At 1280 and 390 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from standardwebhooks.webhooks import Webhook

from claimtrack import create_app
from claimtrack.jobs.queue import job_queue
from tests.fixtures.jobs import drain
from tests.helpers import make_user
from tests.webhooks.receiver import Receiver
from tests.webhooks.world import a_claim, publish

from .conftest import DESKTOP, PHONE, LiveServer
from .pages import Session

pytestmark = pytest.mark.browser


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def served(app_config, engine):
    app = create_app({**app_config, "WTF_CSRF_ENABLED": True, "TESTING": False, "FETCH_ALLOW_NETWORKS": "127.0.0.3/32"})
    server = LiveServer(app).start()
    yield app, server
    server.stop()


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_an_admin_subscribes_and_the_receiver_verifies(browser, served, engine, receiver, shoot, size):
    app, server = served
    make_user(engine, "Chief", "admin")
    who = Session(browser, server.url, viewport=size)
    who.log_in("Chief", "correct horse battery")
    page = who.page
    page.goto("/admin/webhooks")
    page.get_by_label("Receiver address").fill("http://10.20.30.40/hook")
    page.get_by_label("factcheck.published").check()
    page.get_by_role("button", name="Add subscription").click()
    expect(page.locator(".form-error, .field-error").first).to_contain_text("10.20.30.40 is a private address")
    page.get_by_label("Receiver address").fill(receiver.url())
    page.get_by_label("Description").fill("Newsroom chat")
    page.get_by_role("button", name="Add subscription").click()
    secret = page.get_by_label("Signing secret").input_value()
    assert secret.startswith("whsec_")
    shoot(page, "webhook-added")
    _fits(page)
    page.goto("/admin/webhooks")
    expect(page.locator("table.webhooks")).to_contain_text("Newsroom chat")
    assert secret not in page.content()

    claim_id = a_claim(engine)
    publish(engine, claim_id)
    drain(job_queue(app))
    headers, body, _at = receiver.received[-1]
    event = Webhook(secret).verify(body, headers)
    assert event["type"] == "factcheck.published" and event["data"]["claim_id"] == claim_id

    page.get_by_role("link", name=receiver.url()).click()
    expect(page.locator("table.deliveries")).to_contain_text("factcheck.published")
    expect(page.locator("table.deliveries")).to_contain_text("delivered")
    shoot(page, "webhook-log")
    _fits(page)
    assert who.errors == []
    who.close()
