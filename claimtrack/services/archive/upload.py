"""The fact-check archive from the browser: upload a file of published fact-checks (what
`claimtrack import-factchecks` reads) and see what happened to each item.

Reading and loading are the command's own (archive_search.readers, services.archive.factchecks), so
the browser and the command line accept exactly the same files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

import sqlalchemy as sa
from sqlmodel import Session

from ...archive_search.readers import ArchiveFormatError, ArchiveRow, RowError, read_archive
from ...errors import ValidationError
from ...models import FactCheck
from ..accounts.actors import Actor
from ..accounts.roles import require
from .factchecks import ImportSummary, import_factchecks

SUFFIXES = (".json", ".jsonld", ".jsonl", ".tsv", ".csv")
SHOWN = 200  # items listed on the results page; the counts cover them all


@dataclass(frozen=True, slots=True)
class ItemResult:
    where: str
    text: str
    ok: bool
    message: str = ""


@dataclass(slots=True)
class UploadResult:
    summary: ImportSummary
    items: list[ItemResult] = field(default_factory=list)
    more: int = 0


def loaded_count(session: Session) -> int:
    return session.execute(sa.select(sa.func.count()).select_from(FactCheck)).scalar_one()


def upload(session: Session, actor: Actor, filename: str, data: bytes, *, publisher: str | None = None) -> UploadResult:
    """Load one file; bad items are listed with where they are, the rest load."""
    require(actor, "admin", "load fact-check archives")
    name = PurePath(filename or "").name
    if not name:
        raise ValidationError("Choose a file to upload.", fields={"file": "no file chosen"})
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(
            f"{name}: not a fact-check archive; upload ClaimReview JSON or JSON-LD (.json, "
            ".jsonld, .jsonl) or a table (.tsv, .csv).",
            fields={"file": "unsupported file type"},
        )
    if not data.strip():
        raise ValidationError(f"{name} is empty.", fields={"file": "the file is empty"})
    try:
        rows = list(read_archive(data, name, suffix))
    except ArchiveFormatError as exc:
        raise ValidationError(str(exc), fields={"file": "cannot be read"}) from None
    if not rows:
        raise ValidationError(f"{name}: no fact-checks found in the file.", fields={"file": "no fact-checks"})
    result = UploadResult(import_factchecks(session, actor, rows, source=name, publisher=(publisher or None)))
    for row in rows[:SHOWN]:
        if isinstance(row, RowError):
            result.items.append(ItemResult(row.where, "", False, row.message))
        elif isinstance(row, ArchiveRow):
            result.items.append(ItemResult(row.where, row.claim_text, True))
    result.more = max(0, len(rows) - SHOWN)
    return result
