"""One write per request, in one place: the route calls a service inside `writing()`,
which commits when the block ends and rolls back when it raises, so no route holds a
commit or a rollback of its own. The route then answers (page, fragment or JSON) from
the result, or from the error it catches after the rollback.

    try:
        with writing() as db:
            claim = claims.create_claim(db, current_actor(), ...)
    except ValidationError as exc:
        return render(..., status=422)  # nothing of the attempt is kept
    return redirect(...)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session

from ..db import get_session


@contextmanager
def writing(*, keep_on: tuple[type[BaseException], ...] = ()) -> Iterator[Session]:
    """The request's session for one write. `keep_on` names errors after which the work
    done so far is still committed (a refused log-in still counts towards the lock-out)."""
    db = get_session()
    try:
        yield db
    except keep_on:
        db.commit()
        raise
    except BaseException:
        db.rollback()
        raise
    db.commit()
