"""The article page in a real browser: keyboard navigation, and turning a text
selection into a claim whose offsets index the stored body exactly."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Article, Claim

from ..helpers import import_file, import_text
from .conftest import DESKTOP, PHONE, REPO
from .pages import Session

pytestmark = pytest.mark.browser

# Characters outside the Basic Multilingual Plane count twice in the DOM and once in
# Python: the offsets must still come out right after them.
ARTICLE = """Harbour plans 🚢 split the council

The council voted on Tuesday to expand the harbour. Mayor Ana Müller said the project would create 1,200 jobs 🎉 within five years.

Opposition councillors said the cost had doubled to €40 million since 2021.

Residents 👪 near the quay said they had not been consulted about the plans.
"""


def _select(page, first: str, last: str | None = None) -> None:
    """Select from the start of `first` to the end of `last` (or of `first`) in the
    article body, as a user dragging the mouse would."""
    page.evaluate(
        """([first, last]) => {
        const body = document.getElementById('article-body');
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        const nodes = []; let all = '';
        while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
        const at = all.indexOf(first);
        const end = last ? all.indexOf(last, at) + last.length : at + first.length;
        const locate = (pos) => {
            for (let i = nodes.length - 1; i >= 0; i--) { if (nodes[i][1] <= pos) return [nodes[i][0], pos - nodes[i][1]]; }
            return [nodes[0][0], 0];
        };
        const [sn, so] = locate(at); const [en, eo] = locate(end);
        const range = document.createRange(); range.setStart(sn, so); range.setEnd(en, eo);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""",
        [first, last],
    )


def test_selection_becomes_a_claim_at_exact_offsets(browser, live_server, demo_logins, engine):
    outcome = import_text(engine, ARTICLE, where="harbour.txt")
    rita = Session(browser, live_server.url)
    page = rita.page
    rita.log_in("reviewer", demo_logins["reviewer"])
    page.goto(f"/articles/{outcome.article_id}")

    wanted = "Residents 👪 near the quay said they had not been consulted"
    _select(page, wanted)
    form = page.locator("#add-claim")
    expect(form.locator("[data-selection-preview]")).to_contain_text("Residents")
    form.get_by_role("button", name="Add as claim").click()
    expect(rita.panel().locator(".claim-text")).to_have_text(wanted)
    expect(page).to_have_url(re.compile(r"/claims/\d+$"))
    claim_id = int(page.url.rsplit("/", 1)[1])
    expect(page.locator(f"#span-{claim_id}")).to_have_text(wanted)

    with session_scope(engine) as s:
        claim = s.get(Claim, claim_id)
        body = s.get(Article, outcome.article_id).body
        assert body[claim.start_offset : claim.end_offset] == wanted
        assert claim.created_by_id is not None

    # A selection that crosses a paragraph break is trimmed and still indexes the body.
    _select(page, "since 2021.", "Residents")
    expect(form.locator("[data-selection-preview]")).to_contain_text("since 2021. Residents")
    form.get_by_role("button", name="Add as claim").click()
    expect(rita.panel().locator(".claim-text")).to_contain_text("since 2021.")
    with session_scope(engine) as s:
        newest = s.exec(select(Claim).order_by(Claim.id.desc())).first()
        body = s.get(Article, outcome.article_id).body
        assert body[newest.start_offset : newest.end_offset].startswith("since 2021.")
        assert body[newest.start_offset : newest.end_offset].endswith("Residents")
    assert rita.errors == [], rita.failed
    rita.close()


def test_j_and_k_move_between_claims(browser, live_server, demo_logins, engine):
    outcome = import_text(engine, ARTICLE, where="harbour.txt")
    with session_scope(engine) as s:
        ids = [
            c.id
            for c in s.exec(
                select(Claim).where(Claim.article_id == outcome.article_id).order_by(Claim.start_offset)
            ).all()
        ]
    assert len(ids) >= 2
    viewer = Session(browser, live_server.url)
    page = viewer.page
    viewer.log_in("viewer", demo_logins["viewer"])
    page.goto(f"/articles/{outcome.article_id}")
    page.keyboard.press("j")
    expect(page).to_have_url(re.compile(rf"/claims/{ids[0]}$"))
    expect(page.locator(f"#span-{ids[0]}")).to_have_class(re.compile("is-selected"))
    page.keyboard.press("j")
    expect(page).to_have_url(re.compile(rf"/claims/{ids[1]}$"))
    expect(viewer.panel()).to_have_attribute("data-claim-id", str(ids[1]))
    page.keyboard.press("k")
    expect(page).to_have_url(re.compile(rf"/claims/{ids[0]}$"))
    page.go_back()
    expect(page).to_have_url(re.compile(rf"/claims/{ids[1]}$"))
    page.reload()
    expect(viewer.panel()).to_have_attribute("data-claim-id", str(ids[1]))
    # A viewer sees no editing controls.
    expect(page.locator("#add-claim")).to_have_count(0)
    expect(viewer.panel().locator("form")).to_have_count(0)
    assert viewer.errors == [], viewer.failed
    viewer.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_claims_with_other_coverage_are_flagged_in_the_text(browser, live_server, demo_logins, engine, shoot, viewport):
    first = import_file(engine, REPO / "fixtures" / "articles" / "iraq-withdrawal-nbc.txt")
    import_file(engine, REPO / "fixtures" / "articles" / "iraq-delegation-wire.txt")
    viewer = Session(browser, live_server.url, viewport)
    viewer.log_in("viewer", demo_logins["viewer"])
    viewer.page.goto(f"/articles/{first.article_id}")
    flagged = viewer.page.locator("#article-body a.claim-mark.flag-conflict, #article-body a.claim-mark.flag-related")
    expect(flagged.first).to_be_visible()
    described = flagged.first.get_attribute("aria-describedby")
    expect(viewer.page.locator(f"#{described}")).to_be_visible()  # the legend says what the sign means
    # the sign is drawn by CSS: the text (and selection offsets) stay the article's own
    body_text = viewer.page.locator("#article-body").text_content()
    assert "\u2260" not in body_text and "\u2194" not in body_text
    flagged.first.scroll_into_view_if_needed()
    shoot(viewer.page, "article-coverage-flags", full_page=False)
    assert viewer.errors == [], viewer.errors
    viewer.close()
