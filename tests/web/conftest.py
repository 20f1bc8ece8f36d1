"""The web tests use the shared fixtures of tests/fixtures/desk.py (users, as_role,
article, troops); the names below are kept for the tests that import them from here."""

from __future__ import annotations

from tests.clients import HX, ROLES  # noqa: F401 - imported by tests
