"""The one blueprint every API module adds its views to."""

from __future__ import annotations

from flask import Blueprint

PREFIX = "/api/v1"
bp = Blueprint("api", __name__, url_prefix=PREFIX)

# Ids in paths are bounded like ids in bodies: a 40-digit id is "not found", not an
# integer overflow in the database driver.
ID = "int(max=2147483647)"
