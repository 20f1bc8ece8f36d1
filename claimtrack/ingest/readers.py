"""File readers. Each yields one IngestItem per article so that one bad record never
stops the rest of a batch; every error names the file, and the line for JSONL."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from collections.abc import Iterator

from ..errors import InputError
from .html import article_from_html
from .model import ArticleInput, IngestItem
from .walk import SUPPORTED_SUFFIXES

TEXT_FIELDS = ("title", "body", "url", "outlet", "byline", "published")


def read_path(path: Path, meta: dict[str, Any] | None = None) -> Iterator[IngestItem]:
    where = str(path)
    if not path.exists():
        yield _fail(where, "no such file or folder")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _fail(where, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_bytes(data, where=where, suffix=path.suffix.lower(), meta=meta)


def read_bytes(data: bytes, *, where: str, suffix: str, meta: dict[str, Any] | None = None) -> Iterator[IngestItem]:
    if suffix not in SUPPORTED_SUFFIXES:
        yield _fail(where, f"unsupported file type {suffix or '(none)'}; use .txt, .html, .json or .jsonl")
        return
    try:
        text = decode(data, where)
    except InputError as exc:
        yield IngestItem(where, error=exc)
        return
    if suffix == ".txt":
        yield _checked(ArticleInput(body=text, where=where, layout="text", source_format="txt", **_meta(meta)))
    elif suffix in (".html", ".htm"):
        try:
            article = article_from_html(text, where)
        except InputError as exc:
            yield IngestItem(where, error=exc)
            return
        for key, value in _meta(meta).items():  # the manifest wins over page metadata
            setattr(article, key, value)
        yield _checked(article)
    elif suffix == ".json":
        yield from _read_json(text, where)
    else:
        yield from _read_jsonl(text, where)


def decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(where, "looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(where, f"not valid UTF-8 at line {line} (byte offset {exc.start})") from None


def _read_json(text: str, where: str) -> Iterator[IngestItem]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield _fail(where, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        return
    records = doc if isinstance(doc, list) else [doc]
    for index, record in enumerate(records, start=1):
        item_where = f"{where}[{index}]" if isinstance(doc, list) else where
        yield _from_record(record, item_where)


def _read_jsonl(text: str, where: str) -> Iterator[IngestItem]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        item_where = f"{where}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _fail(item_where, f"malformed JSON at column {exc.colno}: {exc.msg}")
            continue
        yield _from_record(record, item_where)


def _from_record(record: Any, where: str) -> IngestItem:
    if not isinstance(record, dict):
        return _fail(where, "expected a JSON object with title and body")
    for field in TEXT_FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            return _fail(where, f"field '{field}' must be a string")
    if not (record.get("title") or "").strip():
        return _fail(where, "missing title")
    return _checked(ArticleInput(
        body=record.get("body") or "", where=where, layout="fields", source_format="json",
        title=record["title"].strip(), url=_clean(record.get("url")), outlet=_clean(record.get("outlet")),
        byline=_clean(record.get("byline")), published=_clean(record.get("published")),
    ))


def _checked(article: ArticleInput) -> IngestItem:
    if not article.body.strip():
        return _fail(article.where, "empty body")
    return IngestItem(article.where, article=article)


def _meta(meta: dict[str, Any] | None) -> dict[str, Any]:
    if not meta:
        return {}
    return {k: _clean(meta.get(k)) for k in ("url", "outlet", "byline", "published", "title") if meta.get(k)}


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _fail(where: str, message: str) -> IngestItem:
    return IngestItem(where, error=InputError(where, message))
