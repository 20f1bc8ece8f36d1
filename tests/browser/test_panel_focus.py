"""Focus and feedback in the claim panel: a failed submit puts focus on the first
problem; a split says what happened where it was done and opens the text for rewording;
a correction is confirmed where it was published. No console errors throughout."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.accounts.users import find_user
from claimtrack.services.demo.workflow import DEMO_CONFIG
from claimtrack.services.publishing import publish
from claimtrack.services.review import sources, verdicts

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


def _claim_containing(engine, article_id: int, text: str) -> int:
    with session_scope(engine) as s:
        return s.exec(select(Claim.id).where(Claim.article_id == article_id, Claim.text.contains(text))).one()


def _published(engine, claim_id: int) -> None:
    """A fact-check published through the services, ready for a correction."""
    with session_scope(engine) as s:
        rita, eddie = Actor.of(find_user(s, "reviewer")), Actor.of(find_user(s, "editor"))
        source = sources.SourceInput("https://stats.example/troops", "Troop figures", "Stats Office", "supports")
        sources.add_source(s, rita, claim_id, source)
        data = verdicts.VerdictInput("mostly-true", "Close to the official count.", "The office counts about 5,200.")
        row = verdicts.save_draft(s, rita, claim_id, data, verdict_id=None, version=None, config=DEMO_CONFIG)
        row = verdicts.submit(s, rita, claim_id, data, verdict_id=row.id, version=row.version, config=DEMO_CONFIG)
        publish.publish(s, eddie, claim_id, verdict_id=row.id, version=row.version, config=DEMO_CONFIG)


def _notice_here(page, panel, section: str, words: str):
    """The success notice sits in the section acted in, has focus, is on screen and was announced."""
    done = panel.locator(f".{section} .form-done")
    expect(done).to_be_focused()
    expect(done).to_contain_text(words)
    expect(done).to_be_in_viewport()
    expect(page.locator("#announce")).to_contain_text(words)
    return done


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_notices_after_merge_correction_and_a_draft_saved_after_a_conflict(
    browser, live_server, demo_logins, engine, shoot, viewport
):
    outcome = import_file(engine, REPO / "fixtures" / "articles" / "iraq-withdrawal-nbc.txt")
    troops = _claim_containing(engine, outcome.article_id, "6,000 or so")
    rita = Session(browser, live_server.url, viewport)
    eddie = Session(browser, live_server.url, viewport)
    rita.log_in("reviewer", demo_logins["reviewer"])
    eddie.log_in("editor", demo_logins["editor"])

    # Merge: said in the edit section, and the other claim says where it went.
    rita.page.goto(f"/claims/{troops}")
    panel = rita.panel()
    panel.locator("summary", has_text="Merge another claim").click()
    other = _claim_containing(engine, outcome.article_id, "That coalition stood down")
    chosen = panel.locator("select[name=other] option", has_text="That coalition stood down")
    panel.locator("select[name=other]").select_option(chosen.get_attribute("value"))
    panel.get_by_role("button", name="Merge", exact=True).click()
    _notice_here(rita.page, panel, "edit-claim", "Merged:")
    shoot(rita.page, "panel-after-merge", full_page=False)
    rita.page.goto(f"/claims/{other}")
    expect(rita.panel().locator(".status-badge")).to_have_text(f"Merged into #{troops}")
    expect(rita.panel().get_by_role("link", name=f"claim #{troops}")).to_be_visible()

    # A draft saved after a conflict: the conflict first takes focus, then the saved draft.
    eddie.page.goto(f"/claims/{troops}")
    rita.page.goto(f"/claims/{troops}")
    mine = rita.panel().locator("form.verdict-form")
    mine.get_by_label("Summary").fill("Roughly right.")
    mine.get_by_role("button", name="Save draft").click()
    _notice_here(rita.page, rita.panel(), "verdict", "Draft saved")
    theirs = eddie.panel().locator("form.verdict-form")
    theirs.get_by_label("Summary").fill("About right, by the office's count.")
    theirs.get_by_role("button", name="Save draft").click()
    conflict = eddie.panel().locator(".verdict .conflict")
    expect(conflict).to_be_focused()
    expect(conflict).to_contain_text("Changed by Rita Reviewer")
    eddie.panel().locator("form.verdict-form").get_by_role("button", name="Save draft").click()
    _notice_here(eddie.page, eddie.panel(), "verdict", "Draft saved")
    expect(eddie.panel().locator(".verdict .conflict")).to_have_count(0)
    shoot(eddie.page, "panel-draft-after-conflict", full_page=False)

    # Publish correction: confirmed in the verdict section where it was published.
    fact = _claim_containing(engine, outcome.article_id, "3,000 more troops")
    _published(engine, fact)
    eddie.page.goto(f"/claims/{fact}")
    panel = eddie.panel()
    panel.locator("summary", has_text="Issue a correction").click()
    panel.get_by_label("Summary").last.fill("Close: the office now counts about 5,400.")
    panel.get_by_label("Correction note").fill("The office revised its count.")
    panel.get_by_role("button", name="Publish correction").click()
    _notice_here(eddie.page, panel, "verdict", "orrect")
    shoot(eddie.page, "panel-after-correction", full_page=False)
    assert rita.errors == [] and eddie.errors == [], (rita.errors, eddie.errors)
    rita.close()
    eddie.close()
