"""Service-level fixtures: an imported article and one actor per role.

Setup runs in its own transactions before a test touches the `session` fixture (a
SQLite writer holds the lock from its first statement until it commits)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim
from claimtrack.services.accounts.actors import Actor

from ..conftest import EXAMPLE
from ..helpers import import_file, make_user

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
def article(engine):
    return import_file(engine, EXAMPLE)


def claim_id_containing(engine, article_id: int, text: str) -> int:
    with session_scope(engine) as s:
        return s.exec(select(Claim.id).where(Claim.article_id == article_id, Claim.text.contains(text))).one()


@pytest.fixture
def troops(engine, article) -> int:
    """The id of the claim about the 6,000 or so American troops."""
    return claim_id_containing(engine, article.article_id, "6,000 or so")


@pytest.fixture
def config() -> dict:
    return dict(CONFIG)
