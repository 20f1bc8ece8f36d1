"""The related-claims panel loads by itself when the reviewer scrolls to it, also inside
the article page's side panel, which scrolls on its own rather than with the window."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim

from ..helpers import import_text
from .pages import Session

pytestmark = pytest.mark.browser

FIRST = """U.S. weighs troop drawdown in Iraq

Defense officials in Washington said on Tuesday that the 6,000 or so American troops in Iraq could begin leaving Baghdad next spring under a plan discussed with the Iraqi government.

Talks between Pentagon negotiators and Iraqi ministers about the coalition mission continued in Baghdad this week.
"""
SECOND = FIRST.replace("6,000 or so", "some 5,200").replace("this week", "on Friday")


def test_related_panel_loads_when_scrolled_into_view(browser, live_server, demo_logins, engine):
    import_text(engine, FIRST, where="first.txt", outlet="Northern Ledger")
    second = import_text(engine, SECOND, where="second.txt", outlet="Harbour Times")
    with session_scope(engine) as s:
        claim_id = s.exec(
            select(Claim.id).where(Claim.article_id == second.article_id, Claim.text.contains("5,200"))
        ).one()
    rita = Session(browser, live_server.url)
    page = rita.page
    rita.log_in("reviewer", demo_logins["reviewer"])
    page.goto(f"/articles/{second.article_id}")
    page.locator(f"#span-{claim_id}").click()
    panel = rita.panel()
    expect(panel).to_be_visible()
    related = panel.locator("section.related")
    expect(related.locator(".related-list")).to_have_count(0)  # not loaded before it is seen
    # Scroll the side panel itself (the window does not move), as a reviewer reading down would.
    page.locator(".side-panel").evaluate("el => el.scrollTo(0, el.scrollHeight)")
    expect(related.locator(".related-list")).to_be_visible()
    expect(related).to_contain_text("numbers conflict")
    assert rita.errors == [], rita.errors
    rita.close()
