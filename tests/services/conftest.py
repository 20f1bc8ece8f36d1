"""Service-level fixtures: one actor per role (the imported article and its troops claim
come from tests/fixtures/desk.py).

Setup runs in its own transactions before a test touches the `session` fixture (a
SQLite writer holds the lock from its first statement until it commits)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from claimtrack.services.accounts.actors import Actor

from ..clients import claim_id_containing  # noqa: F401 - imported by tests
from ..helpers import make_user

CONFIG = {"PUBLIC_BASE_URL": "https://factcheck.example.org", "RATING_SCALE_PATH": None}
ROLES = {"viewer": "viewer", "reviewer": "reviewer", "reviewer2": "reviewer", "editor": "editor", "admin": "admin"}


@pytest.fixture
def people(engine):
    """An Actor per role (plus a second reviewer), named like `reviewer1`."""
    actors = {}
    for name, role in ROLES.items():
        username = name if name[-1].isdigit() else f"{name}1"
        actors[name] = Actor(user_id=make_user(engine, username, role), name=username, role=role)
    return SimpleNamespace(**actors)


@pytest.fixture
def config() -> dict:
    return dict(CONFIG)
