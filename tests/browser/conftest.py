"""Browser tests: the real UI in headless Chromium. The fixtures live in
tests/fixtures/browser.py; these names stay importable from here."""

from __future__ import annotations

from tests.fixtures.browser import (  # noqa: F401 - re-exported
    CHROMIUM,
    DESKTOP,
    LAUNCH_ARGS,
    PHONE,
    REPO,
    SCREENSHOTS,
    LiveServer,
    browser,
    demo_logins,
    live_server,
    shoot,
)
