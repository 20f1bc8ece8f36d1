"""Demo data: the fixture articles and one user per role. Safe to run again."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from sqlalchemy.engine import Engine

from ...archive_search.readers import read_archive
from ...database import session_scope
from ...resources import fixtures_dir
from ..accounts.actors import Actor
from ..accounts.users import create_user, find_user
from ..archive.factchecks import import_factchecks
from ..articles.bulk_import import ImportReport, collect, import_items
from .workflow import seed_workflow


@dataclass(slots=True)
class DemoLogin:
    username: str
    password: str
    role: str
    created: bool


def demo_users() -> list[dict]:
    data = tomllib.loads((fixtures_dir() / "demo_users.toml").read_text(encoding="utf-8"))
    return data["users"]


def load_demo(
    engine: Engine, *, max_body_chars: int, workers: int | None = None
) -> tuple[list[DemoLogin], list[ImportReport]]:
    actor = Actor.system("demo")
    logins = []
    with session_scope(engine) as session:
        for spec in demo_users():
            exists = find_user(session, spec["username"]) is not None
            if not exists:
                create_user(
                    session,
                    actor,
                    spec["username"],
                    spec["password"],
                    role=spec["role"],
                    display_name=spec.get("display_name", ""),
                )
            logins.append(DemoLogin(spec["username"], spec["password"], spec["role"], created=not exists))
    items = collect([fixtures_dir() / "articles"])
    reports = list(import_items(engine, actor, items, max_body_chars=max_body_chars, workers=workers))
    seed_workflow(engine)
    load_demo_archive(engine, actor)
    return logins, reports


def demo_archive_path():
    return fixtures_dir() / "factchecks" / "demo_archive.json"


def load_demo_archive(engine: Engine, actor: Actor) -> int:
    """A small archive of fact-checks (our own writing, about the demo articles' claims) so
    "Previously fact-checked" has something to show; re-loading it changes nothing."""
    path = demo_archive_path()
    with session_scope(engine) as session:
        summary = import_factchecks(
            session, actor, read_archive(path.read_bytes(), path.name, path.suffix), source="demo archive"
        )
    return summary.created
