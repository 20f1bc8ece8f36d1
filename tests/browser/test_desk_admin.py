"""Running the desk from the browser on a fresh demo with nothing configured: the admin
adds a reviewer, who sets a password with the one-time link and submits a verdict; the
editor rewords the claim as reviewed, previews and publishes; readers see the edit."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import Claim
from claimtrack.services.demo.load import demo_users, load_demo

from .conftest import DESKTOP, PHONE, LiveServer
from .pages import Session

pytestmark = pytest.mark.browser
SENTENCE = "Prime Minister Adel Abdul-Mahdi said the U.S. had been moving troops"
PROPOSED = "The U.S. had been moving troops into the country and operating drones without authorization."
EDITED = "The U.S. moved troops into Iraq and flew drones there without Iraq's authorization."
PASSWORD = "tidal gantry lantern 59"


@pytest.fixture
def fresh_demo(app_config, engine):
    """`claimtrack demo` on an empty database, served with no publishing settings at all."""
    load_demo(engine, max_body_chars=2_000_000, workers=1)
    config = {
        **app_config,
        "WTF_CSRF_ENABLED": True,
        "TESTING": False,
        "PUBLIC_BASE_URL": None,
        "PUBLISHER_NAME": None,
        "PUBLISHER_URL": None,
    }
    server = LiveServer(create_app(config)).start()
    with session_scope(engine) as s:
        claim_id = s.exec(select(Claim.id).where(Claim.text.contains(SENTENCE))).first()
    yield server, {u["username"]: u["password"] for u in demo_users()}, claim_id
    server.stop()


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


def _both_widths(
    browser, url: str, path: str, shoot, name: str, login: tuple[str, str] | None, status: int = 200
) -> None:
    for size in (DESKTOP, PHONE):
        who = Session(browser, url, viewport=size)
        if login:
            who.log_in(*login)
        response = who.page.goto(path)
        assert response.status == status, path
        shoot(who.page, name)
        _no_sideways_scroll(who.page)
        # The browser reports an error page's own status as a failed load; nothing else may fail.
        assert [e for e in who.errors if f"status of {status} " not in e] == []
        who.close()


def test_fresh_demo_admin_to_published_edit(browser, fresh_demo, shoot):
    server, logins, claim_id = fresh_demo
    assert claim_id is not None

    # The admin adds a reviewer with a one-time link.
    admin = Session(browser, server.url)
    page = admin.page
    admin.log_in("admin", logins["admin"])
    page.get_by_role("link", name="Admin").click()
    expect(page.locator("h2#users-heading")).to_have_text("Users")
    form = page.locator("#users form.settings-form")
    form.get_by_label("Username").fill("nadia")
    form.get_by_label("Name shown").fill("Nadia Okafor")
    form.get_by_label("Role").select_option("reviewer")
    form.get_by_label("A one-time link to choose their own password").check()
    form.get_by_role("button", name="Add user").click()
    expect(page.locator("#users .flash")).to_contain_text("nadia is created as reviewer.")
    link = page.locator("#issued-link").input_value()
    assert link.startswith(server.url + "/set-password/")
    shoot(page, "admin-users-link")
    _no_sideways_scroll(page)
    assert admin.errors == []

    # Nadia chooses her password and logs in.
    nadia = Session(browser, server.url)
    nadia.page.goto(link)
    expect(nadia.page.locator("h1")).to_have_text("Choose your password")
    shoot(nadia.page, "set-password")
    nadia.page.get_by_label("New password", exact=False).first.fill(PASSWORD)
    nadia.page.get_by_label("New password again").fill(PASSWORD)
    nadia.page.get_by_role("button", name="Set password").click()
    expect(nadia.page).to_have_url(re.compile(r"/login$"))
    nadia.log_in("nadia", PASSWORD)

    # She reviews the claim: the archive already knows it; the proposed wording drops who said it.
    page = nadia.page
    page.goto(f"/claims/{claim_id}")
    panel = nadia.panel()
    panel.locator("section.related").scroll_into_view_if_needed()  # it loads when seen
    expect(page.locator(f"#prior-checks-{claim_id}")).to_contain_text("operating drones in Iraq without authorization")
    add = panel.locator("details.add-source")
    add.get_by_label("Address").fill("https://records.example.org/strategic-framework")
    add.get_by_label("Title").fill("Strategic Framework Agreement, 2008")
    add.get_by_role("button", name="Add source").click()
    expect(panel.locator(".source-list")).to_contain_text("Strategic Framework Agreement")
    verdict = panel.locator("form.verdict-form")
    expect(verdict.get_by_label("Claim as reviewed")).to_have_value(PROPOSED)
    verdict.get_by_label("Rating").select_option("mostly-false")
    verdict.get_by_label("Summary").fill("The flights were covered by the 2008 agreement's security clauses.")
    verdict.get_by_role("button", name="Submit for approval").click()
    expect(panel.locator(".status-badge")).to_have_text("Awaiting approval")
    assert nadia.errors == []
    nadia.close()

    # The editor rewords it, previews, and publishes with nothing configured.
    editor = Session(browser, server.url)
    page = editor.page
    editor.log_in("editor", logins["editor"])
    page.goto(f"/claims/{claim_id}")
    panel = editor.panel()
    approve = panel.locator("form.approve-form")
    expect(approve.get_by_label("Claim as reviewed")).to_have_value(PROPOSED)
    approve.get_by_label("Claim as reviewed").fill(EDITED)
    approve.get_by_role("button", name="Preview").click()
    preview = panel.locator(f"#preview-{claim_id}")
    expect(preview.locator("h4")).to_have_text(EDITED)
    expect(preview).to_contain_text("Fact check by Nadia Okafor")
    doc = json.loads(preview.locator("pre code").inner_text())
    assert doc["claimReviewed"] == EDITED and doc["url"] == f"{server.url}/fact-checks/{claim_id}"
    preview.scroll_into_view_if_needed()
    shoot(page, "editor-preview", full_page=False)
    _no_sideways_scroll(page)
    approve.get_by_role("button", name="Approve and publish").click()
    expect(panel.locator(".status-badge")).to_have_text("Published")
    assert editor.errors == []
    editor.close()

    # Readers see the edited text, on the page and in the feed.
    reader = Session(browser, server.url)
    page = reader.page
    page.goto(f"/fact-checks/{claim_id}")
    expect(page.locator("h1.claim-text")).to_have_text(f"Claim: {EDITED}")
    expect(page.locator(".byline")).to_have_text("Fact check by Nadia Okafor")
    shoot(page, "public-edited")
    feed = page.request.get(f"{server.url}/claimreview.json").json()
    ours = [item for item in feed["items"] if item["url"].endswith(f"/fact-checks/{claim_id}")]
    assert [item["claimReviewed"] for item in ours] == [EDITED]
    assert ours[0]["author"] == {"@type": "Organization", "name": "127.0.0.1", "url": server.url}
    reader.close()

    # Every admin page, the public page and the 404 page at both widths, no sideways scroll.
    admin_login = ("admin", logins["admin"])
    for path, name in [
        ("/admin/users", "admin-users"),
        ("/admin/publisher", "admin-publisher"),
        ("/admin/ratings", "admin-ratings"),
        ("/admin/archive", "admin-archive"),
        (f"/claims/{claim_id}", "claim-published"),
    ]:
        _both_widths(browser, server.url, path, shoot, name, admin_login)
    _both_widths(browser, server.url, "/no/such/page", shoot, "not-found", admin_login, 404)
    _both_widths(browser, server.url, f"/fact-checks/{claim_id}", shoot, "public-fact-check", None)
    _both_widths(browser, server.url, "/admin/users", shoot, "forbidden", ("viewer", logins["viewer"]), 403)
    admin.close()
