"""The queue worked as a desk in the browser: tick rows, assign them in bulk, undo; move
with j/k and open with Enter; nothing scrolls sideways at phone width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ..helpers import import_file
from .conftest import DESKTOP, PHONE, REPO
from .pages import Session

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_bulk_assign_undo_and_keyboard(browser, live_server, demo_logins, engine, shoot, viewport):
    import_file(engine, REPO / "fixtures" / "articles" / "iraq-withdrawal-nbc.txt")
    rita = Session(browser, live_server.url, viewport)
    page = rita.page
    rita.log_in("reviewer", demo_logins["reviewer"])
    page.goto("/")
    boxes = page.locator("input.queue-select")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Apply to selected").click()
    notice = page.locator(".bulk-notice")
    expect(notice).to_contain_text("Assignment changed on 2 claims.")
    expect(notice).to_be_focused()
    expect(page.locator("#mine-heading .count")).to_have_text("2")
    shoot(page, "queue-bulk-assigned")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the queue scrolls sideways by {overflow}px"
    notice.get_by_role("button", name="Undo").click()
    expect(page.locator(".bulk-notice")).to_contain_text("Undone: 2 claims put back")
    expect(page.locator("#mine-heading .count")).to_have_text("0")

    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("j")
    page.keyboard.press("j")
    current = page.locator(".queue-item.current a.queue-claim")
    expect(current).to_be_focused()
    href = current.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    assert rita.errors == [], rita.errors
    rita.close()
