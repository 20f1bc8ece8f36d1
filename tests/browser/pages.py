"""Small helpers for driving claimtrack pages in the browser tests."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import DESKTOP

EXPECTED = re.compile(r"status of (409|422) ")


class Session:
    """One browser context (one person), collecting script errors and CSP violations."""

    def __init__(self, browser: Browser, base_url: str, viewport: dict | None = None) -> None:
        self.context: BrowserContext = browser.new_context(viewport=viewport or DESKTOP, base_url=base_url)
        self.context.set_default_timeout(8000)
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.failed: list[str] = []
        self.page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    def _console(self, msg) -> None:
        # 409 and 422 answers are expected (a conflict, a refused form) and carry a page.
        if msg.type == "error" and not EXPECTED.search(msg.text):
            self.errors.append(f"{msg.text} at {msg.location}")

    def log_in(self, username: str, password: str) -> None:
        page = self.page
        page.goto("/login")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        expect(page.locator(".who")).to_contain_text(username.capitalize()[:3])

    def log_out(self) -> None:
        self.page.get_by_role("button", name="Log out").click()
        expect(self.page).to_have_url(re.compile(r"/login"))

    def panel(self):
        return self.page.locator("#claim-panel .claim-panel")

    def close(self) -> None:
        self.context.close()
