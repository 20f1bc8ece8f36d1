"""Two people edit one claim at once: the second save is refused with both versions
shown and the second person's words kept; nothing is overwritten silently."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim

from ..helpers import import_file
from .conftest import PHONE, REPO
from .pages import Session

pytestmark = pytest.mark.browser


def _claim_about_troops(engine, article_id: int) -> int:
    with session_scope(engine) as s:
        return s.exec(select(Claim.id).where(Claim.article_id == article_id, Claim.text.contains("6,000 or so"))).one()


def _open_text_editor(person: Session, claim_id: int):
    person.page.goto(f"/claims/{claim_id}")
    panel = person.panel()
    panel.get_by_text("Edit the text or span").click()
    return panel


def test_second_save_sees_the_conflict_and_keeps_its_text(browser, live_server, demo_logins, engine, shoot):
    outcome = import_file(engine, REPO / "fixtures" / "articles" / "iraq-withdrawal-nbc.txt")
    claim_id = _claim_about_troops(engine, outcome.article_id)
    rita = Session(browser, live_server.url)
    eddie = Session(browser, live_server.url)
    rita.log_in("reviewer", demo_logins["reviewer"])
    eddie.log_in("editor", demo_logins["editor"])

    first = _open_text_editor(rita, claim_id)
    second = _open_text_editor(eddie, claim_id)
    rita_text = "Removing the roughly 6,000 U.S. troops in Iraq would affect Operation Inherent Resolve."
    eddie_text = "About 6,000 American troops are in Iraq, and their removal would hit the coalition against ISIS."

    first.get_by_label("Claim text").fill(rita_text)
    first.get_by_role("button", name="Save text").click()
    expect(first.locator(".claim-text")).to_have_text(rita_text)

    second.get_by_label("Claim text").fill(eddie_text)
    second.get_by_role("button", name="Save text").click()
    conflict = second.locator(".conflict")
    expect(conflict).to_contain_text("Changed by Rita Reviewer")
    expect(conflict.locator(".versions")).to_contain_text(rita_text)
    expect(conflict.locator(".versions")).to_contain_text(eddie_text)
    expect(second.get_by_label("Claim text")).to_have_value(eddie_text)
    expect(second.locator(".claim-text")).to_have_text(rita_text)
    shoot(eddie.page, "conflict")
    eddie.page.set_viewport_size(PHONE)
    conflict.scroll_into_view_if_needed()
    eddie.page.screenshot(path=str(shoot.folder / "conflict-panel-390.png"), caret="initial")

    with session_scope(engine) as s:
        assert s.get(Claim, claim_id).text == rita_text

    # Having seen both, the second person may save deliberately.
    second.get_by_role("button", name="Save text").click()
    expect(second.locator(".claim-text")).to_have_text(eddie_text)
    expect(second.locator(".conflict")).to_have_count(0)
    expect(second.locator(".timeline")).to_contain_text("Edited the text or span")

    # The first person's next edit from their old page is refused the same way.
    first.get_by_text("Change the speaker").click()
    first.locator("input[name=speaker]").fill("Patrick Smith")
    first.get_by_role("button", name="Save speaker").click()
    expect(first.locator(".conflict")).to_contain_text("Changed by Eddie Editor")
    expect(first.locator("input[name=speaker]")).to_have_value("Patrick Smith")
    expect(rita.page).to_have_url(re.compile(rf"/claims/{claim_id}$"))
    assert rita.errors == [] and eddie.errors == [], (rita.failed, eddie.failed)
    rita.close()
    eddie.close()
