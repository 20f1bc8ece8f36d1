"""Browser tests: the real UI in headless Chromium (Debian's package) through Playwright.

The app is served by waitress in a background thread on 127.0.0.1 and a free port, on
this test's database, with CSRF protection on as in production. Screenshots go to
test-output/screenshots/ (ignored by git).
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from collections.abc import Iterator

import pytest

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.services.actors import Actor
from claimtrack.services.demo import demo_users
from claimtrack.services.users import create_user

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _ensure_playwright() -> None:
    if importlib.util.find_spec("playwright") is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "playwright>=1.48,<2"], check=True)


def _ensure_chromium() -> str | None:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    subprocess.run([str(REPO / "scripts" / "ensure-chromium")], check=False)
    return shutil.which("chromium")


# Installed before the test modules (which import Playwright) are collected.
_ensure_playwright()


class _SharedBrowser:
    """One Playwright driver and one Chromium per test process. Other test packages
    import the `browser` fixture, which makes pytest keep a second session-scoped copy;
    both copies share this instance (two sync Playwright drivers cannot coexist)."""

    def __init__(self) -> None:
        self.users = 0
        self.driver = None
        self.chromium = None

    def acquire(self):  # noqa: ANN201 - playwright Browser
        if self.chromium is None:
            executable = _ensure_chromium()
            if executable is None:
                pytest.skip("chromium is not installed (run scripts/ensure-chromium as root)")
            from playwright.sync_api import sync_playwright

            self.driver = sync_playwright().start()
            self.chromium = self.driver.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        self.users += 1
        return self.chromium

    def release(self) -> None:
        self.users -= 1
        if self.users == 0 and self.chromium is not None:
            self.chromium.close()
            self.driver.stop()
            self.chromium = self.driver = None


_SHARED = _SharedBrowser()


@pytest.fixture(scope="session")
def browser():  # noqa: ANN201
    chromium = _SHARED.acquire()
    yield chromium
    _SHARED.release()


class LiveServer:
    def __init__(self, app) -> None:  # noqa: ANN001
        from waitress.server import create_server

        self.server = create_server(app, host="127.0.0.1", port=0, threads=4, asyncore_loop_timeout=0.2,
                                    clear_untrusted_proxy_headers=True)
        self.url = f"http://127.0.0.1:{self.server.effective_port}"
        self.thread = threading.Thread(target=self.server.run, name="waitress", daemon=True)

    def start(self) -> "LiveServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        from waitress import wasyncore

        done = threading.Event()

        def close() -> None:
            self.server.task_dispatcher.shutdown()
            wasyncore.close_all(self.server._map)
            done.set()

        self.server.trigger.pull_trigger(close)
        done.wait(5)
        self.thread.join(5)


@pytest.fixture
def live_server(app_config, engine) -> Iterator[LiveServer]:  # noqa: ANN001
    app = create_app({**app_config, "WTF_CSRF_ENABLED": True, "TESTING": False})
    server = LiveServer(app).start()
    yield server
    server.stop()


@pytest.fixture
def demo_logins(engine) -> dict[str, str]:  # noqa: ANN001
    """The demo accounts (one per role), without the demo articles."""
    logins = {}
    with session_scope(engine) as session:
        for spec in demo_users():
            create_user(session, Actor.system("test"), spec["username"], spec["password"], role=spec["role"],
                        display_name=spec.get("display_name", ""))
            logins[spec["username"]] = spec["password"]
    return logins


@pytest.fixture
def shoot():  # noqa: ANN201
    """shoot(page, name): a full-page screenshot at the page's current width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, *, full_page: bool = True) -> Path:  # noqa: ANN001
        path = SCREENSHOTS / f"{name}-{page.viewport_size['width']}.png"
        # caret="initial": hiding the caret leaves style="" on inputs, which htmx then
        # copies while settling and the CSP rightly reports.
        page.screenshot(path=str(path), full_page=full_page, caret="initial")
        return path

    take.folder = SCREENSHOTS
    return take
