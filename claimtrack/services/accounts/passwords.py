"""Password hashing and policy.

argon2id with the OWASP minimum parameters spelled out (19 MiB, 2 passes, 1 lane),
so a library default change can never weaken stored hashes silently.
"""

from __future__ import annotations

from collections.abc import Iterable

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

from ...errors import ValidationError

MIN_LENGTH = 12
MAX_LENGTH = 1024
# zxcvbn scores 0-4; below 3 a password is on its common-password lists, or a keyboard
# walk, repetition or dictionary phrase that falls quickly to guessing.
MIN_STRENGTH = 3

_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


def check_policy(password: str, user_inputs: Iterable[str] = ()) -> None:
    """Refuse short passwords, and common or guessable ones (checked against zxcvbn's
    lists of common passwords, names and words, and the user's own names)."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            f"password must be at least {MIN_LENGTH} characters",
            fields={"password": f"at least {MIN_LENGTH} characters"},
        )
    if len(password) > MAX_LENGTH:
        raise ValidationError("password is too long", fields={"password": f"at most {MAX_LENGTH} characters"})
    # zxcvbn's cost grows with length; the first 100 characters decide well enough.
    result = zxcvbn(password[:100], user_inputs=[u for u in user_inputs if u] + ["claimtrack"])
    if result["score"] < MIN_STRENGTH:
        hint = result["feedback"].get("warning") or "it is too easy to guess"
        raise ValidationError(
            f"password is too common or easy to guess: {hint.rstrip('.')}",
            fields={"password": "too common or easy to guess"},  # nosec B105 - a message
        )
