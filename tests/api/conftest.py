"""API fixtures: one user and token per role, and the example article imported."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from claimtrack.db import session_scope
from claimtrack.models import User
from claimtrack.services.accounts import tokens
from claimtrack.services.accounts.actors import Actor
from tests.conftest import EXAMPLE
from tests.helpers import import_file, make_user

ROLES = ("viewer", "reviewer", "editor", "admin")


@dataclass
class Api:
    """A test client that speaks JSON with a bearer token."""

    client: object
    tokens: dict[str, str]

    def call(self, method: str, path: str, role: str | None = "admin", *, token: str | None = None,
             **kwargs):
        headers = dict(kwargs.pop("headers", {}))
        token = token or (self.tokens[role] if role else None)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return self.client.open("/api/v1" + path, method=method, headers=headers, **kwargs)

    def get(self, path: str, role: str | None = "admin", **kwargs):
        return self.call("GET", path, role, **kwargs)

    def post(self, path: str, role: str | None = "admin", **kwargs):
        return self.call("POST", path, role, **kwargs)

    def patch(self, path: str, role: str | None = "admin", **kwargs):
        return self.call("PATCH", path, role, **kwargs)

    def delete(self, path: str, role: str | None = "admin", **kwargs):
        return self.call("DELETE", path, role, **kwargs)


def new_token(engine, username: str, name: str = "test") -> tuple[int, str]:
    with session_scope(engine) as s:
        user = s.exec(User.__table__.select().where(User.username == username)).first()
        row, token = tokens.create_token(s, Actor.system("test"), s.get(User, user.id), name=name)
        return row.id, token


@pytest.fixture
def users(engine) -> dict[str, int]:
    return {role: make_user(engine, role, role) for role in ROLES}


@pytest.fixture
def api(client, engine, users) -> Api:
    return Api(client, {role: new_token(engine, role)[1] for role in ROLES})


@pytest.fixture
def article_id(engine) -> int:
    return import_file(engine, EXAMPLE).article_id


@pytest.fixture
def claim(api, article_id) -> dict:
    """The example article's first claim, as the API shows it."""
    first = api.get(f"/articles/{article_id}").get_json()["claims"][0]
    return api.get(f"/claims/{first['id']}").get_json()
