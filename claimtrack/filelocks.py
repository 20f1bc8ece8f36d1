"""An exclusive lock on a file, shared by every process of the machine (flock): the
kernel hands it to the next waiter the moment it is free."""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def locked(path: str | Path) -> Iterator[IO[bytes]]:
    """Hold ``path`` (created when missing) for the block; yields it open for reading
    and writing, so the holder may keep a little state in it."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
