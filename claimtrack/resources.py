"""Locate the data folders that ship with claimtrack.

From a source checkout (or an editable install) templates, migrations and fixtures sit at
the top of the repository; a built wheel carries them inside the package. Look inside
the package first so an installed wheel never reads a stray checkout.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"claimtrack data folder {name!r} is missing from this installation")


def templates_dir() -> Path:
    return resource_dir("templates")


def migrations_dir() -> Path:
    return resource_dir("migrations")


def fixtures_dir() -> Path:
    return resource_dir("fixtures")


def static_dir() -> Path:
    return PACKAGE_DIR / "static"
