from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """Who performs a use case: a signed-in user, or a named system process."""

    user_id: int | None
    name: str
    role: str = "admin"

    @classmethod
    def system(cls, name: str = "cli") -> "Actor":
        return cls(user_id=None, name=name, role="admin")

    @classmethod
    def of(cls, user) -> "Actor":
        return cls(user_id=user.id, name=user.username, role=user.role)
