"""What each kind of job does. A handler takes the application, the job's parameters
and a progress callback, calls the services, and returns a small result to show.

Errors that another attempt cannot fix (a refused address, a page that is not an
article) are `Permanent`: the job fails at once with the reason, without retries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import Session

from ..database import session_scope
from ..errors import DomainError, InputError
from ..fetch import FetchError
from ..fetch_client import fetch_client
from ..models import User
from ..services.accounts.actors import Actor
from ..services.linking import settings as linking_settings
from ..services.linking.related import reindex
from ..services.monitoring import batches
from ..services.monitoring.articles import import_url
from ..services.monitoring.fleet import poll_many
from ..services.monitoring.polling import poll_source

Progress = Callable[[int, int | None, str | None], None]


class Permanent(Exception):
    """A job error no retry can cure."""


def _actor(engine: Any, user_id: int | None, name: str) -> Actor:
    if user_id is None:
        return Actor.system(name)
    with Session(engine) as session:
        user = session.get(User, user_id)
        if user is None or not user.is_active:
            raise Permanent("the user who started this job no longer has an active account")
        return Actor.of(user)


def run_fetch(app: Any, engine: Any, params: dict, user_id: int | None, progress: Progress) -> tuple[dict, str]:
    url = params["url"]
    actor = _actor(engine, user_id, "jobs")
    progress(0, 1, f"fetching {url}")
    try:
        with session_scope(engine) as session:
            stored = import_url(
                session, actor, fetch_client(app), url, max_body_chars=int(app.config["MAX_BODY_CHARS"])
            )
    except FetchError as exc:
        if exc.kind in ("timeout", "connect", "retry_later") or (exc.status or 0) >= 500:
            raise  # the server may answer next time
        raise Permanent(exc.reason) from None
    except (InputError, DomainError) as exc:
        raise Permanent(getattr(exc, "reason", exc.message)) from None
    progress(1, 1, None)
    words = {"new": "imported", "unchanged": "already stored", "changed": "stored before; its text has changed"}
    return stored.to_dict(), f"{words[stored.status]}: {stored.title}"


def run_poll(app: Any, engine: Any, params: dict, user_id: int | None, progress: Progress) -> tuple[dict, str]:
    actor = _actor(engine, user_id, "poller")
    try:
        report = poll_source(
            engine,
            actor,
            fetch_client(app),
            int(params["source_id"]),
            max_body_chars=int(app.config["MAX_BODY_CHARS"]),
            progress=lambda done, total: progress(done, total, f"{done} of {total} entries"),
        )
    except DomainError as exc:
        raise Permanent(exc.message) from None
    result = report.to_dict()
    result["entries"] = result["entries"][:200]
    message = (
        f"{report.status}: new {report.new}, changed {report.changed}, unchanged {report.unchanged}, "
        f"failed {report.failed}"
    )
    if report.error:
        message += f" ({report.error})"
    return result, message


def run_poll_due(app: Any, engine: Any, params: dict, user_id: int | None, progress: Progress) -> tuple[dict, str]:
    """The sources that were due, many hosts at once (see ``fleet.poll_many``). A retry
    after a crash polls them again: known entries are skipped, stored articles found."""
    actor = _actor(engine, user_id, "poller")
    ids = [int(i) for i in params.get("source_ids", [])]
    progress(0, len(ids), f"0 of {len(ids)} sources")
    reports = poll_many(
        engine,
        actor,
        fetch_client(app),
        ids,
        max_body_chars=int(app.config["MAX_BODY_CHARS"]),
        workers=params.get("workers"),
        progress=lambda done, total, _r: progress(done, total, f"{done} of {total} sources"),
    )
    summary = [{k: v for k, v in r.to_dict().items() if k != "entries"} for r in reports]
    totals = {k: sum(r[k] for r in summary) for k in ("new", "changed", "unchanged", "failed")}
    failed = sum(1 for r in summary if r["status"] == "failed")
    message = (
        f"{len(summary)} sources polled ({failed} failed): new {totals['new']}, changed {totals['changed']}, "
        f"unchanged {totals['unchanged']}, failed entries {totals['failed']}"
    )
    return {"sources": summary, **totals}, message


def run_import(app: Any, engine: Any, params: dict, user_id: int | None, progress: Progress) -> tuple[dict, str]:
    actor = _actor(engine, user_id, "jobs")
    if "data" not in params:
        raise Permanent("the uploaded file is no longer kept; upload it again")
    return batches.run_upload(
        engine,
        actor,
        params,
        max_body_chars=int(app.config["MAX_BODY_CHARS"]),
        progress=progress,
        workers=params.get("workers"),
    )


def run_reextract(app: Any, engine: Any, params: dict, user_id: int | None, progress: Progress) -> tuple[dict, str]:
    try:
        return batches.run_reextract(engine, _actor(engine, user_id, "jobs"), params, progress=progress)
    except DomainError as exc:
        raise Permanent(exc.message) from None


def run_reindex(app: Any, engine: Any, params: dict, user_id: int | None, progress: Progress) -> tuple[dict, str]:
    """Bring the matching index up to date, a batch per transaction: a retry after a
    crash starts from the claims still stale, so nothing is indexed twice."""
    settings = linking_settings.from_config(app.config)
    done = 0
    while True:
        with session_scope(engine) as session:
            n = reindex(session, settings, batch=int(params.get("batch", 200)))
        if n == 0:
            break
        done += n
        progress(done, None, f"{done} claims indexed")
    return {"indexed": done}, f"{done} claims indexed"


HANDLERS: dict[str, Callable[..., tuple[dict, str]]] = {
    "fetch": run_fetch,
    "poll": run_poll,
    "poll_due": run_poll_due,
    "reindex": run_reindex,
    "import": run_import,
    "reextract": run_reextract,
}
