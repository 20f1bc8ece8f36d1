"""File readers. Each yields one IngestItem per article so that one bad record never
stops the rest of a batch; every error names the file, and the line for JSONL."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from .html import article_from_html
from .model import ArticleInput, IngestItem
from .walk import SUPPORTED_SUFFIXES

TEXT_FIELDS = ("title", "body", "url", "outlet", "byline", "published")
# A JSON Lines feed above this size is read line by line: a whole archive in memory
# (and its lines split once more) would grow the importer with the size of the feed.
STREAM_JSONL_BYTES = 8 << 20


def read_path(path: Path, meta: dict[str, Any] | None = None) -> Iterator[IngestItem]:
    where = str(path)
    if not path.exists():
        yield _fail(where, "no such file or folder")
        return
    if path.suffix.lower() == ".jsonl" and _size(path) > STREAM_JSONL_BYTES and not (meta or {}).get("url"):
        yield from _stream_jsonl(path, where)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _fail(where, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_bytes(data, where=where, suffix=path.suffix.lower(), meta=meta)


def read_bytes(data: bytes, *, where: str, suffix: str, meta: dict[str, Any] | None = None) -> Iterator[IngestItem]:
    """Read by content, not by name: the suffix picks the format, but a file whose bytes
    say otherwise (an image, a PDF, a zip renamed .txt) is refused, and a saved web page
    named .txt is read as HTML so its markup and scripts never become article text."""
    if suffix not in SUPPORTED_SUFFIXES:
        yield _fail(where, f"unsupported file type {suffix or '(none)'}; use .txt, .html, .json or .jsonl")
        return
    url = (meta or {}).get("url") or ""
    if url.strip() and not _web_url(url):
        yield _fail(where, "'url' must be an http:// or https:// address")
        return
    binary = sniff_binary(data)
    if binary:
        yield _fail(where, f"looks like {binary} (a binary file), not a text article")
        return
    try:
        text = decode(data, where, html=suffix in (".html", ".htm"))
    except InputError as exc:
        yield IngestItem(where, error=exc)
        return
    if suffix == ".txt" and looks_like_html(text):
        suffix = ".html"
    if suffix == ".txt":
        yield _checked(ArticleInput(body=text, where=where, layout="text", source_format="txt", **_meta(meta)))
    elif suffix in (".html", ".htm"):
        try:
            article = article_from_html(text, where)
        except InputError as exc:
            yield IngestItem(where, error=exc)
            return
        if article.url and not _web_url(article.url):
            article.url = None  # a page's own canonical link is metadata we can do without
        for key, value in _meta(meta).items():  # the manifest wins over page metadata
            setattr(article, key, value)
        yield _checked(article)
    elif suffix == ".json":
        yield from _read_json(text, where)
    else:
        yield from _read_jsonl(text, where)


# Leading bytes of formats people upload by mistake (or disguise), and what to call them.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or Word/ODF file)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "a SQLite database"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def sniff_binary(data: bytes) -> str | None:
    """What a non-text file is, from its first bytes; None when it may be text."""
    head = data[:16]
    for magic, name in _SIGNATURES:
        if head.startswith(magic):
            return name
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        return "a WebP image"
    return None


def looks_like_html(text: str) -> bool:
    """A whole HTML document (not prose that mentions a tag): it starts with a doctype,
    an <html> tag or an HTML comment followed by one."""
    head = text[:1024].lstrip().lower()
    while head.startswith("<!--") and "-->" in head:
        head = head[head.index("-->") + 3 :].lstrip()
    return head.startswith(("<!doctype html", "<html"))


_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode(data: bytes, where: str, *, html: bool = False) -> str:
    """UTF-8 (with or without a byte-order mark); UTF-16/32 when a byte-order mark says so;
    for HTML, the charset its <meta> tag declares. Anything else is refused, naming where
    decoding failed, rather than guessed at: a wrong guess corrupts quotes silently."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _no_nul(data.decode(codec), where)
            except UnicodeDecodeError as exc:
                raise InputError(where, f"not valid {codec.upper()} text (byte offset {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError(where, "looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        error = exc
    declared = _CHARSET_RE.search(data[:4096]) if html else None
    if declared:
        try:
            return _no_nul(data.decode(declared.group(1).decode("ascii")), where)
        except (LookupError, UnicodeDecodeError):
            pass
    line = data[: error.start].count(b"\n") + 1
    raise InputError(where, f"not valid UTF-8 at line {line} (byte offset {error.start})") from None


def _no_nul(text: str, where: str) -> str:
    if "\x00" in text:
        raise InputError(where, "looks like a binary file (NUL characters), not text")
    return text


def _web_url(value: str) -> bool:
    return value.strip().lower().startswith(("http://", "https://"))


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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _stream_jsonl(path: Path, where: str) -> Iterator[IngestItem]:
    """A large UTF-8 JSON Lines file one line at a time; a line that is not valid
    UTF-8 or JSON is reported with its number and the others are read on."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
            binary = sniff_binary(head)
            if binary:
                yield _fail(where, f"looks like {binary} (a binary file), not a text article")
                return
            if head.startswith(tuple(bom for bom, codec in _BOMS if codec != "utf-8-sig")):
                # UTF-16/32 feeds are rare: read whole, as smaller files are.
                fh.seek(0)
                data = fh.read()
                yield from read_bytes(data, where=where, suffix=".jsonl")
                return
            fh.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
            for lineno, raw in enumerate(fh, start=1):
                yield from _stream_line(raw, f"{where}:{lineno}")
    except OSError as exc:
        yield _fail(where, f"cannot read file ({exc.strerror or exc})")


def _stream_line(raw: bytes, where: str) -> Iterator[IngestItem]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield _fail(where, f"not valid UTF-8 (byte offset {exc.start} of the line)")
        return
    if not line.strip():
        return
    if "\x00" in line:
        yield _fail(where, "looks like a binary file (NUL characters), not text")
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield _fail(where, f"malformed JSON at column {exc.colno}: {exc.msg}")
        return
    yield _from_record(record, where)


def _from_record(record: Any, where: str) -> IngestItem:
    if not isinstance(record, dict):
        return _fail(where, "expected a JSON object with title and body")
    for field in TEXT_FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            return _fail(where, f"field '{field}' must be a string")
    if not (record.get("title") or "").strip():
        return _fail(where, "missing title")
    if (record.get("url") or "").strip() and not _web_url(record["url"]):
        return _fail(where, "field 'url' must be an http:// or https:// address")
    return _checked(
        ArticleInput(
            body=record.get("body") or "",
            where=where,
            layout="fields",
            source_format="json",
            title=record["title"].strip(),
            url=_clean(record.get("url")),
            outlet=_clean(record.get("outlet")),
            byline=_clean(record.get("byline")),
            published=_clean(record.get("published")),
        )
    )


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
