"""The key screens at desktop (1280 px) and phone (390 px) widths, saved for review
under test-output/screenshots/, with checks that nothing overflows sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.accounts.users import find_user
from claimtrack.services.review import sources, verdicts

from ..helpers import import_file
from .conftest import DESKTOP, PHONE, REPO
from .pages import Session

pytestmark = pytest.mark.browser


def _prepare(engine, app_config) -> tuple[int, int]:
    outcome = import_file(engine, REPO / "fixtures" / "articles" / "iraq-withdrawal-nbc.txt")
    import_file(engine, REPO / "fixtures" / "articles" / "iraq-pentagon-dispatch.txt")
    with session_scope(engine) as s:
        rita = Actor.of(find_user(s, "reviewer"))
        claim = s.exec(
            select(Claim).where(Claim.article_id == outcome.article_id, Claim.text.contains("3,000 more troops"))
        ).one()
        sources.add_source(
            s,
            rita,
            claim.id,
            sources.SourceInput(
                "https://www.defense.gov/News/Releases/deployment",
                "Pentagon announces deployment",
                "U.S. Department of Defense",
                "supports",
                "About 3,000 soldiers from the 82nd Airborne Division.",
            ),
        )
        verdicts.save_draft(
            s,
            rita,
            claim.id,
            verdicts.VerdictInput("true", "The Pentagon confirmed it.", ""),
            verdict_id=None,
            version=None,
            config=app_config,
        )
        return outcome.article_id, claim.id


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{page.url} scrolls sideways by {overflow}px at {page.viewport_size['width']}px"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_key_screens(browser, live_server, demo_logins, engine, app_config, shoot, viewport):
    article_id, claim_id = _prepare(engine, app_config)
    rita = Session(browser, live_server.url, viewport)
    page = rita.page
    page.goto("/login")
    shoot(page, "login")
    rita.log_in("reviewer", demo_logins["reviewer"])
    for path, name in [("/", "queue"), ("/articles", "articles"), ("/claimants", "claimants")]:
        page.goto(path)
        _no_sideways_scroll(page)
        shoot(page, name)

    page.goto("/articles/import")
    page.get_by_label("Original address").fill("ftp://example.org/story")
    page.get_by_role("button", name="Import and extract claims").click()
    expect(page.locator("#import-form .form-error")).to_contain_text("correct")
    expect(page.locator("#import-body-error")).to_be_visible()
    _no_sideways_scroll(page)
    shoot(page, "import-errors")

    page.goto(f"/articles/{article_id}")
    _no_sideways_scroll(page)
    shoot(page, "article-top", full_page=False)
    page.goto(f"/claims/{claim_id}")
    panel = rita.panel()
    expect(panel.locator(".verdict-form")).to_be_visible()
    _no_sideways_scroll(page)
    if viewport is PHONE:
        panel.scroll_into_view_if_needed()
    shoot(page, "claim", full_page=False)
    # A tall window, so the whole panel (a scrolling column on wide screens) is shown.
    page.set_viewport_size({"width": viewport["width"], "height": 3200})
    if page.locator("section.related").count():
        expect(panel.locator(".related-list")).to_be_visible()
    panel.screenshot(path=str(shoot.folder / f"claim-panel-{viewport['width']}.png"), caret="initial")
    page.set_viewport_size(viewport)

    page.locator(".facts dd a[href^='/claimants/']").first.click()
    expect(page.locator("h1")).to_have_text("United States")
    _no_sideways_scroll(page)
    shoot(page, "claimant")
    assert rita.errors == [], rita.failed
    rita.close()
