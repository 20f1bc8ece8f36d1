"""URL converters for ids in paths.

A database id is a 32-bit integer on both backends, so a path id beyond that range
names nothing: it is "not found" (404), never an overflow in the database driver.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter, ValidationError

from ..models.base import MAX_ID


class IdConverter(IntegerConverter):
    """`int`, bounded to MAX_ID unless a rule asks for other bounds."""

    def __init__(
        self,
        map,
        fixed_digits: int = 0,
        min: int | None = None,  # werkzeug's names
        max: int | None = MAX_ID,
        signed: bool = False,
    ) -> None:
        super().__init__(map, fixed_digits, min, max, signed)

    def to_python(self, value: str) -> Any:
        try:
            return super().to_python(value)
        except ValidationError:
            # Werkzeug turns a refused value into "no match" but keeps the methods of
            # the other rules on the same path, so PATCH /claims/<too big> would be a
            # 405 naming GET. A number out of range names no row: 404.
            raise NotFound() from None


def init_app(app: Flask) -> None:
    """Replace the stock `int` converter; must run before any route is registered."""
    app.url_map.converters["int"] = IdConverter
