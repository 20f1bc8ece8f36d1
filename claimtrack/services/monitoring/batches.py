"""Batches started in the browser that run as background jobs: an uploaded JSON list or
JSON Lines file (one result per item), and re-extraction of stored articles.

The upload's bytes travel in the job's row (shared by every machine, like all job
state) and are dropped once the job is over. Each article is stored in its own
transaction and recognised as a duplicate by address and text, so a retried job
repeats nothing; each re-extraction is idempotent the same way.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from pathlib import PurePath

from sqlalchemy.engine import Engine
from sqlmodel import Session

from ...database import session_scope
from ...errors import NotFound, ValidationError
from ...ingest import IngestItem, read_bytes
from ...models import Article
from ..accounts.actors import Actor
from ..accounts.roles import require
from ..articles import reextract
from ..articles.bulk_import import import_items

BATCH_SUFFIXES = (".json", ".jsonl")
# Items listed one by one in a finished job's result; the counts cover all of them.
RESULT_ITEMS = 2000
Progress = Callable[[int, int | None, str | None], None]


def batch_params(actor: Actor, filename: str, data: bytes) -> tuple[str, dict] | None:
    """(job key, params) when an upload holds several articles (or is JSON Lines);
    None for a single article, which the form imports at once."""
    require(actor, "reviewer", "import articles")
    name = PurePath(filename).name or "upload"
    suffix = PurePath(name).suffix.lower()
    if suffix not in BATCH_SUFFIXES:
        return None
    items = _items(name, suffix, data)
    if suffix == ".json" and len(items) <= 1:
        return None
    if not items:
        raise ValidationError(f"{name}: the file holds no article.", fields={"file": "no article found"})
    digest = hashlib.sha256(data).hexdigest()
    return f"upload:{digest}", {
        "name": name,
        "suffix": suffix,
        "items": len(items),
        "data": base64.b64encode(data).decode("ascii"),
    }


def _items(name: str, suffix: str, data: bytes) -> list[IngestItem]:
    return list(read_bytes(data, where=name, suffix=suffix))


def run_upload(
    engine: Engine, actor: Actor, params: dict, *, max_body_chars: int, progress: Progress, workers: int | None = None
) -> tuple[dict, str]:
    """Import every item of the upload; the result has one line per item."""
    require(actor, "reviewer", "import articles")
    data = base64.b64decode(params["data"])
    items = _items(params["name"], params["suffix"], data)
    total = len(items)
    progress(0, total, f"0 of {total} articles")
    rows: list[dict] = []
    counts = {"imported": 0, "duplicates": 0, "failed": 0}
    for done, report in enumerate(
        import_items(engine, actor, items, max_body_chars=max_body_chars, workers=workers), start=1
    ):
        key = "failed" if report.error else "duplicates" if report.duplicate else "imported"
        counts[key] += 1
        if len(rows) < RESULT_ITEMS:
            rows.append(report.to_dict())
        progress(done, total, f"{done} of {total} articles")
    message = (
        f"{counts['imported']} imported, {counts['duplicates']} already stored, {counts['failed']} failed, of {total}"
    )
    return {"name": params["name"], "total": total, **counts, "items": rows}, message


def reextract_params(session: Session, actor: Actor, article_id: int | None = None) -> tuple[str, dict]:
    require(actor, "editor", "re-extract articles")
    if article_id is not None and session.get(Article, article_id) is None:
        raise NotFound(f"There is no article #{article_id}.")
    return (f"reextract:{article_id or 'all'}", {"article_id": article_id})


def run_reextract(engine: Engine, actor: Actor, params: dict, *, progress: Progress) -> tuple[dict, str]:
    """Re-extract the articles one transaction each (see ``articles.reextract``): one
    article (``article_id``) or every stored article."""
    require(actor, "editor", "re-extract articles")
    with Session(engine) as session:
        ids = reextract.article_ids(session, article_id=params.get("article_id"))
    total = len(ids)
    progress(0, total, f"0 of {total} articles")
    changes: list[reextract.ArticleChange] = []
    changed = 0
    for done, article_id in enumerate(ids, start=1):
        with session_scope(engine) as session:
            change = reextract.reextract_article(session, actor, article_id)
        changed += change.changed
        if change.changed and len(changes) < RESULT_ITEMS:
            changes.append(change)
        progress(done, total, f"{done} of {total} articles")
    result = {"articles": total, "changed": changed, "changes": [c.to_dict() for c in changes]}
    if params.get("article_id") is not None:
        return result, f"read again: {_one_change(changes[0] if changes else None)}"
    return result, f"{total} article{'' if total == 1 else 's'} read again, {changed} changed"


def _one_change(change: reextract.ArticleChange | None) -> str:
    if change is None:
        return "nothing changed"
    kept = f"; {len(change.touched)} reviewed claims kept as they were" if change.touched else ""
    return f"{len(change.added)} claims added, {len(change.updated)} updated, {len(change.removed)} removed{kept}"


def missing_details(session: Session, article_id: int) -> list[str]:
    """What a stored article lacks that desks sort and report by: its outlet, its date."""
    article = session.get(Article, article_id)
    if article is None:
        return []
    return [
        word
        for word, value in (("outlet", article.outlet_id), ("publication date", article.published_at))
        if value is None
    ]
