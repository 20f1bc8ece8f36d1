"""In a real browser: an editor publishes a verdict, then the public page carries a
valid ClaimReview in its DOM. Screenshots of the public pages and the dashboard at
desktop and phone widths go to test-output/screenshots/."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from ...browser.conftest import DESKTOP, PHONE, browser, demo_logins, live_server, shoot  # noqa: F401 - fixtures
from ...browser.pages import Session
from .conftest import assert_valid_claimreview

pytestmark = pytest.mark.browser


def test_editor_publishes_and_the_public_page_carries_claimreview(
    browser,  # noqa: F811
    live_server,  # noqa: F811
    demo_logins,  # noqa: F811
    newsroom,
    shoot,  # noqa: F811
):
    claim_id = newsroom.ids["a6"]  # submitted by rita, awaiting approval
    editor = Session(browser, live_server.url)
    page = editor.page
    editor.log_in("editor", demo_logins["editor"])
    page.goto(f"/claims/{claim_id}")
    panel = editor.panel()
    panel.get_by_role("button", name="Approve and publish").click()
    expect(panel.locator(".status-badge")).to_have_text("Published")

    page.goto("/reports/overview")
    expect(page.locator("h1")).to_have_text("Overview")
    expect(page.locator("svg.chart")).to_have_count(3)
    shoot(page, "dashboard")
    page.set_viewport_size(PHONE)
    shoot(page, "dashboard")
    page.set_viewport_size(DESKTOP)
    page.goto("/reports/conflicts")
    shoot(page, "conflicts")
    assert editor.errors == [], editor.failed
    editor.close()

    for viewport in (DESKTOP, PHONE):
        reader = Session(browser, live_server.url, viewport)
        page = reader.page
        page.goto(f"/fact-checks/{claim_id}")
        expect(page.locator("h1")).to_contain_text("Rents rose 10 percent in the spring.")
        expect(page.locator(".verdict-label")).to_contain_text("False")
        doc = json.loads(page.locator('script[type="application/ld+json"]').text_content())
        assert doc["url"] == f"https://factcheck.example.org/fact-checks/{claim_id}"
        assert doc["reviewRating"]["alternateName"] == "False"
        assert_valid_claimreview(doc)
        shoot(page, "fact-check")
        page.goto(f"/fact-checks/{newsroom.ids['a1']}")
        expect(page.locator(".corrections")).to_contain_text("We misread the revised table.")
        shoot(page, "fact-check-corrected")
        page.goto("/fact-checks")
        expect(page.locator(".fact-check-card")).to_have_count(4)
        shoot(page, "fact-checks")
        assert reader.errors == [], reader.failed
        reader.close()
