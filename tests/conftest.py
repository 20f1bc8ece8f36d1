"""Shared fixtures live in tests/fixtures/ (databases, the app, the browser, the desk of
users, articles and clients); this file loads them for every test package and keeps the names
tests import from here (from modules that are not plugins, so pytest can still rewrite the
plugins' asserts)."""

from __future__ import annotations

from tests.fixtures.backend import PG_URL, backend  # noqa: F401 - imported by tests
from tests.fixtures.paths import EXAMPLE, FIXTURES, REPO  # noqa: F401 - imported by tests

pytest_plugins = [
    "tests.fixtures.databases",
    "tests.fixtures.app",
    "tests.fixtures.browser",
    "tests.fixtures.loopback",
    "tests.fixtures.jobs",
    "tests.fixtures.desk",
]
