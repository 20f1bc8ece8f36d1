"""The settings page in headless Chromium at desktop and phone widths: the htmx forms
swap their own section (CSRF on, as in production), nothing overflows sideways, and
screenshots are saved under test-output/screenshots/ for review."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, browser, demo_logins, live_server, shoot  # noqa: F401 - fixtures
from tests.browser.pages import Session

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_settings_page_tokens_and_password(browser, live_server, demo_logins, shoot, viewport):  # noqa: F811
    user = Session(browser, live_server.url, viewport)
    page = user.page
    user.log_in("reviewer", demo_logins["reviewer"])
    page.get_by_role("link", name="Settings").click()
    expect(page).to_have_url(re.compile(r"/settings$"))
    expect(page.get_by_role("heading", name="Account settings")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("Rita Reviewer")

    page.get_by_label("Name").fill("newsroom dashboard")
    page.get_by_role("button", name="Create token").click()
    value = page.locator("#new-token-value")
    expect(value).to_be_visible()
    token = value.input_value()
    assert len(token) >= 40
    expect(page.locator("#tokens tbody tr")).to_have_count(1)
    assert page.evaluate("document.querySelectorAll('#tokens').length") == 1  # swapped, not nested
    shoot(page, "settings-token-created")

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke newsroom dashboard").click()
    expect(page.locator("#tokens tbody tr").first).to_contain_text("revoked")
    expect(page.locator("#new-token-value")).to_have_count(0)

    page.get_by_label("Current password").fill("not my password at all")
    page.get_by_label("New password", exact=False).first.fill("plum orbit glacier 42")
    page.get_by_label("New password again").fill("plum orbit glacier 42")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator("#current-password-error")).to_have_text("not your current password")
    expect(page.get_by_label("Current password")).to_have_attribute("aria-invalid", "true")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"settings scrolls sideways by {overflow}px at {viewport['width']}px"
    shoot(page, "settings-password-error")

    page.get_by_label("Current password").fill(demo_logins["reviewer"])
    page.get_by_label("New password", exact=False).first.fill("plum orbit glacier 42")
    page.get_by_label("New password again").fill("plum orbit glacier 42")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator("#password")).to_contain_text("Your password is changed.")
    page.reload()  # the fresh session cookie set by the htmx answer keeps the user in
    expect(page.get_by_role("heading", name="Account settings")).to_be_visible()
    assert user.errors == []
    user.close()
