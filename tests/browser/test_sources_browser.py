"""The Sources pages and background jobs in a real browser, at 1280 and 390 px: an admin
adds and edits a source and polls it, the job page follows the poll by itself (and
after a reload); a viewer sees the source without the forms; a JSON Lines upload is
imported by a job with a result per item. Screenshots under test-output/screenshots/."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from claimtrack.jobs.queue import job_queue
from tests.fixtures.jobs import drain
from tests.monitoring.pages import article_html, rss

from .conftest import DESKTOP, PHONE
from .pages import Session

pytestmark = pytest.mark.browser


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FETCH_ALLOW_NETWORKS": "127.0.0.2/32", "FETCH_HOST_DELAY": 0}


_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _no_sideways_scroll(page) -> None:
    # Measured once the page has settled: an htmx swap still in progress on a loaded
    # machine is not the page a person reads. A page that stays wide still fails.
    try:
        page.wait_for_function(f"() => {_OVERFLOW} <= 1", timeout=3000)
    except PlaywrightTimeout:
        pass
    overflow = page.evaluate(_OVERFLOW)
    assert overflow <= 1, f"{page.url} scrolls sideways by {overflow}px at {page.viewport_size['width']}px"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_sources_and_jobs(browser, live_server, demo_logins, farm, tmp_path, shoot, viewport):
    farm.serve("/news/ferry", article_html("ferry"))
    farm.serve("/feed", rss([(farm.url("/news/ferry"), "")]), "application/rss+xml")
    queue = job_queue(live_server.app)
    admin = Session(browser, live_server.url, viewport)
    page = admin.page
    admin.log_in("admin", demo_logins["admin"])

    page.goto("/sources")
    page.get_by_label("Feed or sitemap address").fill("ftp://feeds.example.org/rss")
    page.locator("#source-form button[type=submit]").click()
    expect(page.locator("#source-form")).to_contain_text("an http:// or https:// address")
    _no_sideways_scroll(page)
    shoot(page, "sources-errors")
    page.get_by_label("Feed or sitemap address").fill(farm.url("/feed"))
    page.get_by_label("Name").fill("Coast Courier feed")
    page.locator("#source-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sources/\d+$"))
    page.get_by_label("Name").fill("Courier, renamed")
    page.locator("#source-form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Courier, renamed")
    _no_sideways_scroll(page)
    shoot(page, "source")

    page.get_by_role("button", name=re.compile("Poll now")).click()
    expect(page).to_have_url(re.compile(r"/jobs/\d+$"))
    expect(page.locator(".job")).to_contain_text("queued")
    page.reload()  # the job page is a plain URL: a reload shows the same job
    expect(page.locator(".job")).to_contain_text("queued")
    drain(queue)
    # The page polls every second and shows the result by itself.
    expect(page.locator(".job")).to_contain_text("done", timeout=5000)
    expect(page.locator(".job")).to_contain_text("new 1")
    _no_sideways_scroll(page)
    shoot(page, "job-poll")

    page.goto("/sources")
    expect(page.locator("#source-list")).to_contain_text("1 new")
    _no_sideways_scroll(page)
    shoot(page, "sources-admin")

    rows = [
        {
            "title": f"Harbour report {n}",
            "outlet": "Coast Courier",
            "published": "2026-11-30",
            "body": f"Harbour council leader Mara Ellison said on Monday that {n + 20} ferries were late in November.",
        }
        for n in range(3)
    ]
    upload = tmp_path / "reports.jsonl"
    upload.write_text("\n".join([json.dumps(r) for r in rows] + ["{broken"]), encoding="utf-8")
    page.goto("/articles/import")
    page.set_input_files("#import-file", str(upload))
    page.get_by_role("button", name="Import and extract claims").click()
    expect(page).to_have_url(re.compile(r"/jobs/\d+$"))
    drain(queue)
    expect(page.locator(".job")).to_contain_text("3 imported, 0 already stored, 1 failed", timeout=5000)
    expect(page.locator(".job-items")).to_contain_text("reports.jsonl:4")
    _no_sideways_scroll(page)
    shoot(page, "job-import")

    page.goto("/articles/import")
    page.get_by_label("Article text").fill("Ferry fares\n\n" + rows[0]["body"])
    page.get_by_role("button", name="Import and extract claims").click()
    expect(page.locator("#import-missing")).to_contain_text("No outlet and no publication date given")
    expect(page.locator("#import-outlet")).to_be_focused()
    _no_sideways_scroll(page)
    shoot(page, "import-missing")
    assert admin.errors == [], admin.errors
    admin.close()

    viewer = Session(browser, live_server.url, viewport)
    viewer.log_in("viewer", demo_logins["viewer"])
    viewer.page.goto("/sources")
    expect(viewer.page.locator("#source-list")).to_contain_text("Courier, renamed")
    assert viewer.page.locator("#source-form").count() == 0
    _no_sideways_scroll(viewer.page)
    shoot(viewer.page, "sources-viewer")
    assert viewer.errors == [], viewer.errors
    viewer.close()
