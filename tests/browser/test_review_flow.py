"""The whole review in a real browser: a reviewer imports, checks and submits; an
editor approves and publishes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import REPO
from .pages import Session

pytestmark = pytest.mark.browser
EXAMPLE = REPO / "fixtures" / "articles" / "iraq-withdrawal-nbc.txt"


def test_reviewer_submits_and_editor_publishes(browser, live_server, demo_logins, shoot):
    rita = Session(browser, live_server.url)
    page = rita.page
    rita.log_in("reviewer", demo_logins["reviewer"])

    page.goto("/articles")
    page.get_by_role("link", name="Import an article").click()
    shoot(page, "import-form")
    page.get_by_label("Or a file").set_input_files(str(EXAMPLE))
    page.get_by_role("button", name="Import and extract claims").click()
    expect(page).to_have_url(re.compile(r"/articles/\d+$"))
    expect(page.locator("h1")).to_have_text(re.compile("Iraq asks United States"))
    shoot(page, "article", full_page=False)

    page.locator("a.claim-mark", has_text="6,000 or so").click()
    panel = rita.panel()
    expect(panel.locator(".claim-text")).to_contain_text("6,000 or so American troops")
    expect(page).to_have_url(re.compile(r"/claims/\d+$"))
    claim_url = page.url
    claim_id = claim_url.rsplit("/", 1)[1]
    expect(page.locator(f"#span-{claim_id}")).to_have_class(re.compile("is-selected"))

    add = panel.locator("details.add-source")
    add.get_by_label("Address").fill("https://www.defense.gov/News/troop-levels-iraq")
    add.get_by_label("Title").fill("Pentagon: U.S. troop levels in Iraq")
    add.get_by_label("Publisher").fill("U.S. Department of Defense")
    add.get_by_label("Stance").select_option("supports")
    add.get_by_label("Excerpt").fill("About 5,200 U.S. troops are stationed in Iraq.")
    add.get_by_role("button", name="Add source").click()
    expect(panel.locator(".source-list")).to_contain_text("Pentagon: U.S. troop levels in Iraq")

    verdict = panel.locator("form.verdict-form")
    verdict.get_by_label("Rating").select_option("mostly-true")
    verdict.get_by_label("Summary").fill("Roughly right: the Pentagon put the figure at about 5,200.")
    verdict.get_by_label("Rationale").fill("Official figures give about 5,200 troops, so 'about 6,000' is close.")
    verdict.get_by_role("button", name="Save draft").click()
    expect(panel.locator(".status-badge")).to_have_text("In review")
    expect(panel.locator(".verdict .form-done")).to_be_focused()
    expect(page.locator("#announce")).to_have_text("Draft saved.")
    panel.locator("form.verdict-form").get_by_role("button", name="Submit for approval").click()
    expect(panel.locator(".status-badge")).to_have_text("Awaiting approval")
    expect(panel.locator(".verdict .form-done")).to_be_focused()
    expect(panel.locator(".verdict .form-done")).to_contain_text("Submitted for approval")
    expect(panel.locator(".verdict .form-done")).to_be_in_viewport()
    expect(page.locator(f"#span-{claim_id}")).to_have_class(re.compile("status-awaiting_approval"))
    shoot(page, "claim-submitted", full_page=False)
    rita.log_out()

    rita.log_in("editor", demo_logins["editor"])
    page.goto(claim_url)
    panel = rita.panel()
    expect(panel.locator(".verdict-card.submitted")).to_contain_text("Roughly right")
    panel.get_by_role("button", name="Approve and publish").click()
    expect(panel.locator(".status-badge")).to_have_text("Published")
    expect(panel.locator(".verdict .form-done")).to_be_focused()
    expect(page.locator("#announce")).to_contain_text("Published:")
    expect(panel.locator(".verdict-card.published")).to_contain_text("Mostly true")
    expect(page.locator(f"#span-{claim_id}")).to_have_class(re.compile("status-published"))
    expect(panel.locator(".timeline")).to_contain_text("Approved and published the verdict")
    shoot(page, "claim-published", full_page=False)

    page.goto("/")
    expect(page.locator("#ranked-heading")).to_contain_text("Unreviewed claims")
    shoot(page, "queue")
    page.get_by_label("Search claims, speakers and article titles").fill("Milley")
    expect(page).to_have_url(re.compile(r"q=Milley"))
    expect(page.locator("#queue-results .queue-item")).to_have_count(1)
    expect(page.locator("#queue-results")).to_contain_text("Mark Milley")
    assert rita.errors == [], rita.failed
    rita.close()
