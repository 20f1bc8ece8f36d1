"""A small newsroom for the hardening tests: one user per role, the example article
imported, and test clients logged in per role."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim

from ..conftest import EXAMPLE
from ..helpers import import_file, login, make_user

ROLES = ("viewer", "reviewer", "editor", "admin")


def claims_of(engine, article_id: int) -> list[Claim]:
    with session_scope(engine) as s:
        rows = list(s.exec(select(Claim).where(Claim.article_id == article_id).order_by(Claim.id)).all())
        for row in rows:
            s.expunge(row)
        return rows


@pytest.fixture
def newsroom(app, engine):
    users = {role: make_user(engine, role, role) for role in ROLES}
    article = import_file(engine, EXAMPLE)
    clients = {}
    for role in ROLES:
        client = app.test_client()
        assert login(client, role).status_code == 302
        clients[role] = client
    claims = claims_of(engine, article.article_id)
    assert len(claims) >= 3
    return SimpleNamespace(
        users=users, article=article.article_id, claims=claims, clients=clients, anonymous=app.test_client()
    )
