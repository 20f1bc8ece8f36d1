"""Role checks inside services, so every caller (web, API, CLI) gets the same rules."""

from __future__ import annotations

from ...errors import PermissionDenied
from ...models import ROLES
from .actors import Actor


def at_least(role: str | None, level: str) -> bool:
    return role in ROLES and ROLES.index(role) >= ROLES.index(level)


def require(actor: Actor, level: str, what: str) -> None:
    if not at_least(actor.role, level):
        raise PermissionDenied(f"Only a{'n' if level[0] in 'aeiou' else ''} {level} or above can {what}.")
