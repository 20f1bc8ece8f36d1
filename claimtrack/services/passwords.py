"""Password hashing and policy.

argon2id with the OWASP minimum parameters spelled out (19 MiB, 2 passes, 1 lane),
so a library default change can never weaken stored hashes silently.
"""
from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from ..errors import ValidationError

MIN_LENGTH = 12
MAX_LENGTH = 1024

_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32,
                         salt_len=16, type=Type.ID)


def hash_password(password: str) -> str:
    check_policy(password)
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


def check_policy(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"password must be at least {MIN_LENGTH} characters",
                              fields={"password": f"at least {MIN_LENGTH} characters"})
    if len(password) > MAX_LENGTH:
        raise ValidationError("password is too long", fields={"password": f"at most {MAX_LENGTH} characters"})
