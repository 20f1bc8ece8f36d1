"""Web fixtures: one user per role, a logged-in test client per role, an article."""
from __future__ import annotations

import pytest

from ..conftest import EXAMPLE
from ..helpers import import_file, login, make_user
from ..services.conftest import claim_id_containing

ROLES = ("viewer", "reviewer", "editor", "admin")
HX = {"HX-Request": "true"}


@pytest.fixture
def users(engine) -> dict[str, int]:
    return {role: make_user(engine, role, role) for role in ROLES}


@pytest.fixture
def article(engine):
    return import_file(engine, EXAMPLE)


@pytest.fixture
def troops(engine, article) -> int:
    return claim_id_containing(engine, article.article_id, "6,000 or so")


@pytest.fixture
def as_role(app, users):
    """as_role("editor") -> a test client logged in as that role; None -> anonymous."""
    clients = {}

    def get(role: str | None):
        if role not in clients:
            client = app.test_client()
            if role:
                assert login(client, role).status_code == 302
            clients[role] = client
        return clients[role]

    return get
