"""Talking to the app as its users do: one user per role, the JSON API with a bearer
token, and htmx requests. Plain helpers (the fixtures built on them live in
tests/fixtures/desk.py), so any test module can import them."""

from __future__ import annotations

import io
from dataclasses import dataclass

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim, User
from claimtrack.services.accounts import tokens
from claimtrack.services.accounts.actors import Actor

ROLES = ("viewer", "reviewer", "editor", "admin")
HX = {"HX-Request": "true"}


@dataclass
class Api:
    """A test client that speaks JSON with a bearer token."""

    client: object
    tokens: dict[str, str]

    def call(self, method: str, path: str, role: str | None = "admin", *, token: str | None = None, **kwargs):
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


def claim_id_containing(engine, article_id: int, text: str) -> int:
    with session_scope(engine) as s:
        return s.exec(select(Claim.id).where(Claim.article_id == article_id, Claim.text.contains(text))).one()


def run_cli(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    """Run `claimtrack ARGV...` in this process: (exit code, stdout, stderr)."""
    from claimtrack.cli import main

    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out = capsys.readouterr()
    return code, out.out, out.err
