"""The API tests use the shared fixtures of tests/fixtures/desk.py (users, api,
article_id, claim); the names below are kept for the tests that import them from here."""

from __future__ import annotations

from tests.clients import ROLES, Api, new_token  # noqa: F401 - imported by tests
