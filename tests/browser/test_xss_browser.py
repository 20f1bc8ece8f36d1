"""Stored hostile input in a real browser: open the pages that show it, click around,
and check that nothing in it ran (no flag set, no dialog, no request it would make, no
script error or CSP report, and the hx-get/hx-post to /logout did not fire)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from ..helpers import PASSWORD
from ..security.world import build
from .pages import Session

pytestmark = pytest.mark.browser


def _payload_request(url: str) -> bool:
    """A request only a live payload would make (a search that carries one in its query
    string is the user's own)."""
    parts = urlsplit(url)
    return (
        "xss" in parts.path.lower() or parts.path.endswith(("/x", "/logout")) or parts.scheme in ("javascript", "data")
    )


def test_stored_payloads_never_run(browser, live_server, app, engine, tmp_path, cli_env):
    world = build(app, engine, tmp_path)
    who = Session(browser, live_server.url)
    page = who.page
    dialogs, requests = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    who.context.on("request", lambda r: requests.append(f"{r.method} {r.url}") if _payload_request(r.url) else None)
    page.goto("/login")
    page.get_by_label("Username").fill("eddie")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".who")).to_contain_text("eddie")

    def settle() -> None:
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__xss") == "undefined", page.url

    # The article page: open a hostile claim in the panel, let the related panel load,
    # and move the pointer over the text that carries the onmouseover payload.
    page.goto(f"/articles/{world.articles['pasted']}")
    settle()
    page.locator(f"#span-{world.claims['published']}").click()
    expect(who.panel()).to_be_visible()
    settle()
    page.get_by_role("link", name="Show related claims from other coverage").click()
    expect(page.locator(".related-list")).to_be_visible()
    settle()
    for text in ("xss-hx-on", "xss-js-link", "onmouseover"):
        target = page.get_by_text(text).first
        if target.count():
            target.hover()
    settle()

    for url in (
        f"/claims/{world.claims['returned']}",
        f"/claims/{world.claims['dismissed']}",
        "/",
        "/claimants",
        f"/claimants/{world.claimants[0]}",
        "/reports/claimants",
        "/checked?text=The+city+hired+300+new+teachers+last+year",
        f"/fact-checks/{world.published[0]}",
        f"/articles/{world.articles['api']}",
    ):
        page.goto(url)
        settle()
    # Search as the queue's box does, through htmx, with a payload typed in.
    page.goto("/")
    page.locator("#q").fill("<img src=x onerror=window.__xss=50>")
    settle()

    page.goto("/")
    expect(page.locator(".who")).to_contain_text("eddie")
    assert dialogs == [] and requests == [], (dialogs, requests)
    assert who.errors == []
    who.close()
