"""An export as a stream of bytes: the response body (or file) is written as rows are
read, in pieces of about 64 KiB, so neither the server nor the CLI ever holds more
than one batch of rows and one piece of output.

`open_export` checks everything that can fail (the role, the dataset, the format, the
publishing settings) before the first byte, so a refused export is a clear error and
never a half-written file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from ...claimreview import claim_review, embeddable_json, factcheck_api_page
from ...errors import ValidationError
from ..accounts.actors import Actor
from ..accounts.roles import require
from ..publishing import feeds
from ..publishing.feed import Settings, review_of
from ..reports.csv_export import iter_csv
from ..review.queue import QueueFilters
from .datasets import DATASETS, factcheck_row, plain, published

PIECE = 64 * 1024
ROW_FORMATS = ("csv", "jsonl")
FACTCHECK_FORMATS = ("claimreview", "factcheck-api", "datafeed")
FORMATS = ROW_FORMATS + FACTCHECK_FORMATS
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "claimreview": "application/ld+json; charset=utf-8",
    "factcheck-api": "application/json; charset=utf-8",
    "datafeed": "application/ld+json; charset=utf-8",
}
SUFFIXES = {
    "csv": ".csv",
    "jsonl": ".jsonl",
    "claimreview": "-claimreview.json",
    "factcheck-api": "-factcheck-api.json",
    "datafeed": "-datafeed.jsonld",
}


@dataclass(frozen=True, slots=True)
class Export:
    dataset: str
    fmt: str
    content_type: str
    filename: str
    chunks: Iterator[bytes]


def formats_for(dataset: str) -> tuple[str, ...]:
    return FORMATS if dataset == "factchecks" else ROW_FORMATS


def open_export(
    session: Session,
    actor: Actor,
    dataset: str,
    fmt: str,
    filters: QueueFilters,
    config: Mapping[str, Any],
    *,
    feed_url: str | None = None,
) -> Export:
    """Exports hold unpublished work (drafts, return comments, assignees): editors and up."""
    require(actor, "editor", "export the desk's data")
    if dataset not in DATASETS:
        raise ValidationError(
            f"There is no export called {dataset[:40]!r}: use {', '.join(DATASETS)}.", fields={"dataset": "unknown"}
        )
    if fmt not in formats_for(dataset):
        raise ValidationError(
            f"The {dataset} export comes as {', '.join(formats_for(dataset))}, not {fmt[:40]!r}.",
            fields={"format": "not offered for this export"},
        )
    pieces = _pieces(session, dataset, fmt, filters, config, feed_url)
    return Export(dataset, fmt, CONTENT_TYPES[fmt], f"claimtrack-{dataset}{SUFFIXES[fmt]}", _bytes(pieces))


def _pieces(
    session: Session, dataset: str, fmt: str, filters: QueueFilters, config: Mapping[str, Any], feed_url: str | None
) -> Iterator[str]:
    spec = DATASETS[dataset]
    if dataset == "factchecks":
        settings = Settings.from_config(config)  # a missing base URL fails here, before any output
        rows = published(session, filters)
        if fmt == "claimreview":
            return json_array(claim_review(review_of(row, settings)) for row in rows)
        if fmt == "factcheck-api":
            return json_array(factcheck_api_page(review_of(row, settings)) for row in rows)
        if fmt == "datafeed":
            head = feeds.datafeed_head(settings, feed_url or settings.base_url + "/feeds/claimreview.json", None)
            lang = feeds.language(config)
            return json_object_with_array(
                head, "dataFeedElement", (feeds.datafeed_item(row, settings, lang) for row in rows)
            )
        tuples: Iterable[tuple] = (factcheck_row(row, settings) for row in rows)
    elif spec.rows is not None:
        tuples = spec.rows(session, filters)
    else:  # a dataset without rows of its own is fact-checks, handled above
        raise ValidationError(f"The {dataset} export has no rows.")
    if fmt == "csv":
        return iter_csv(spec.columns, spec.cells(tuples), chunk=PIECE)
    return json_lines(spec.columns, tuples)


def json_lines(columns: tuple[str, ...] | Any, rows: Iterable[tuple]) -> Iterator[str]:
    dumps = json.JSONEncoder(ensure_ascii=False, default=plain).encode
    for row in rows:
        yield dumps(dict(zip(columns, row, strict=True)))
        yield "\n"


def json_array(items: Iterable[Any]) -> Iterator[str]:
    """A JSON array written one element at a time (HTML-safe escapes, as the single
    ClaimReview downloads are)."""
    count = 0
    yield "["
    for item in items:
        yield ",\n" if count else "\n"
        yield embeddable_json(item)
        count += 1
    yield "\n]\n" if count else "]\n"


def json_object_with_array(head: dict[str, Any], key: str, items: Iterable[Any]) -> Iterator[str]:
    """`head` with one more member, an array streamed element by element."""
    opening = embeddable_json(head)
    yield opening[:-1] + ("," if head else "") + json.dumps(key) + ":"
    for piece in json_array(items):
        yield piece.rstrip("\n") if piece.endswith("]\n") else piece
    yield "}\n"


def _bytes(pieces: Iterable[str]) -> Iterator[bytes]:
    """Pieces gathered to about PIECE characters, encoded: fewer, larger writes."""
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= PIECE:
            yield "".join(held).encode("utf-8")
            held, size = [], 0
    if held:
        yield "".join(held).encode("utf-8")
