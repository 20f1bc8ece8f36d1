"""The write helper: a block that ends commits, a block that raises keeps nothing,
unless the error is one the caller asked to keep."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.db import get_session
from claimtrack.errors import ValidationError
from claimtrack.http.writes import writing
from claimtrack.models import Outlet


class Refused(ValidationError):
    pass


def _names(app) -> list[str]:
    with app.test_request_context(method="POST"):
        return sorted(o.name for o in get_session().exec(select(Outlet)))


def test_a_block_that_ends_is_committed(app):
    with app.test_request_context(method="POST"):
        with writing() as db:
            db.add(Outlet(name="Harbour Gazette"))
    assert "Harbour Gazette" in _names(app)


def test_a_block_that_raises_keeps_nothing(app):
    with app.test_request_context(method="POST"):
        with pytest.raises(ValidationError), writing() as db:
            db.add(Outlet(name="Valley Courier"))
            db.flush()
            raise ValidationError("refused")
    assert "Valley Courier" not in _names(app)


def test_an_error_named_to_keep_still_commits(app):
    with app.test_request_context(method="POST"):
        with pytest.raises(Refused), writing(keep_on=(Refused,)) as db:
            db.add(Outlet(name="Lakeside Herald"))
            raise Refused("wrong password, but the attempt counts")
    assert "Lakeside Herald" in _names(app)
