"""From a committed transaction to the job queue, without the services knowing the queue.

`emit` notes the new delivery ids on the session; once that session's outermost
transaction commits, the dispatcher the application registered for its database is
called with them (the job layer queues one task per delivery). A rolled-back
transaction dispatches nothing. Deliveries whose dispatch was missed (no dispatcher in
this process, a crash between commit and queue) are swept up by the worker's minute tick.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event
from sqlmodel import Session

KEY = "webhooks.pending"
Dispatcher = Callable[[list[int]], None]
_dispatchers: dict[str, Dispatcher] = {}


def database_key(bind) -> str:
    return bind.engine.url.render_as_string(hide_password=False)


def register(database_url_key: str, dispatcher: Dispatcher) -> None:
    _dispatchers[database_url_key] = dispatcher


def note(session: Session, delivery_ids: list[int]) -> None:
    session.info.setdefault(KEY, []).extend(delivery_ids)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    ids = session.info.pop(KEY, None)
    if not ids:
        return
    try:
        dispatcher = _dispatchers.get(database_key(session.get_bind()))
    except Exception:
        return
    if dispatcher is not None:
        dispatcher(list(ids))


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    if not session.in_transaction():
        session.info.pop(KEY, None)
