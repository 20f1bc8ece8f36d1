"""Focus and feedback in the claim panel: a failed submit puts focus on the first
problem; a split says what happened where it was done and opens the text for rewording;
a correction is confirmed where it was published. No console errors throughout."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim

from ..helpers import import_file
from .conftest import DESKTOP, PHONE, REPO
from .pages import Session

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_focus_after_failed_submit_and_after_split(browser, live_server, demo_logins, engine, shoot, viewport):
    outcome = import_file(engine, REPO / "fixtures" / "articles" / "iraq-withdrawal-nbc.txt")
    with session_scope(engine) as s:
        claim_id = s.exec(
            select(Claim.id).where(Claim.article_id == outcome.article_id, Claim.text.contains("6,000 or so"))
        ).one()
    rita = Session(browser, live_server.url, viewport)
    page = rita.page
    rita.log_in("reviewer", demo_logins["reviewer"])
    page.goto(f"/claims/{claim_id}")
    panel = rita.panel()
    verdict = panel.locator("form.verdict-form")
    verdict.get_by_label("Summary").fill("Close to the official figure.")
    verdict.get_by_role("button", name="Submit for approval").click()
    problem = panel.locator(".verdict .form-error, .verdict [aria-invalid]").first
    expect(problem).to_be_focused()
    expect(problem).to_be_in_viewport()
    shoot(page, "panel-failed-submit", full_page=False)

    panel.locator("summary", has_text="Split in two").click()
    panel.get_by_role("button", name="Split", exact=True).click()
    done = panel.locator(".edit-claim .form-done")
    expect(done).to_be_focused()
    expect(done).to_contain_text("the rest became claim #")
    expect(done).to_be_in_viewport()
    expect(page.locator("#announce")).to_contain_text("Split:")
    expect(panel.locator(".edit-claim details[open] textarea[name='text']")).to_be_visible()
    shoot(page, "panel-after-split", full_page=False)
    assert rita.errors == [], rita.errors
    rita.close()
