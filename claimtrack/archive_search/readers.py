"""Reading fact-check archives: ClaimReview JSON-LD and delimited tables.

Readers yield one :class:`ArchiveRow` or one :class:`RowError` per record, so a bad row
is reported with its place (``file:line`` for tables and JSON lines, ``file: item N`` for
JSON documents) and the rest still load.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # claims may be quoted multi-line essays


@dataclass(slots=True)
class ArchiveRow:
    where: str
    claim_text: str
    external_id: str | None = None
    title: str | None = None
    rating: str | None = None
    rating_value: float | None = None
    url: str | None = None
    publisher: str | None = None
    claimant: str | None = None
    claim_date: datetime | None = None
    review_date: datetime | None = None


@dataclass(slots=True)
class RowError:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class ArchiveFormatError(ValueError):
    """The whole file is unreadable (not JSON, no claim column…)."""


# Accepted header names, compared lowercased with everything but letters and digits
# removed ("Claim Text", "claim_text" and "claimText" are the same). Documented in README.
HEADERS: dict[str, tuple[str, ...]] = {
    "external_id": ("id", "vclaimid", "externalid", "claimid", "factcheckid", "identifier"),
    "claim_text": ("claim", "claimtext", "vclaim", "claimreviewed", "text", "statement"),
    "title": ("title", "headline", "name"),
    "rating": ("rating", "verdict", "textualrating", "alternatename", "label"),
    "rating_value": ("ratingvalue", "score"),
    "url": ("url", "link", "factcheckurl", "reviewurl", "pageurl"),
    "publisher": ("publisher", "factchecker", "organization", "organisation", "source"),
    "claimant": ("claimant", "speaker", "claimauthor", "saidby"),
    "claim_date": ("claimdate", "date"),
    "review_date": ("reviewdate", "datepublished", "published", "publishdate"),
}
_HEADER_FIELD = {alias: name for name, aliases in HEADERS.items() for alias in aliases}
_NON_ALNUM = re.compile(r"[^a-z0-9]")


def read_archive(data: bytes, where: str, suffix: str) -> Iterator[ArchiveRow | RowError]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArchiveFormatError(f"{where}: not UTF-8 text (byte {exc.start})") from None
    suffix = suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(text, where)
    if suffix in (".json", ".jsonld") or text.lstrip()[:1] in ("[", "{"):
        return _read_json(text, where)
    delimiter = "\t" if suffix == ".tsv" else "," if suffix == ".csv" else _sniff(text)
    return _read_table(text, where, delimiter)


# ---- tables -------------------------------------------------------------------------


def _sniff(text: str) -> str:
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") >= first.count(",") else ","


def _columns(header: list[str], where: str) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = _NON_ALNUM.sub("", cell.lower())
        # The CheckThat! layout leaves the id column's header empty.
        name = "external_id" if key == "" and i == 0 else _HEADER_FIELD.get(key)
        if name and name not in cols:
            cols[name] = i
    if "claim_text" not in cols:
        expected = ", ".join(HEADERS["claim_text"])
        raise ArchiveFormatError(f"{where}:1: no claim text column in the header (expected one of: {expected})")
    return cols


def _read_table(text: str, where: str, delimiter: str) -> Iterator[ArchiveRow | RowError]:
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ArchiveFormatError(f"{where}: empty file") from None
    except csv.Error as exc:
        raise ArchiveFormatError(f"{where}:1: {exc}") from None
    cols = _columns(header, where)
    width = len(header)

    def rows() -> Iterator[ArchiveRow | RowError]:
        line = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield RowError(f"{where}:{line}", str(exc))
                line = reader.line_num + 1
                continue
            here, line = f"{where}:{line}", reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != width:
                yield RowError(here, f"expected {width} fields, found {len(cells)}")
                continue
            yield _row(here, {name: cells[i] for name, i in cols.items()})

    return rows()


# ---- JSON ---------------------------------------------------------------------------


def _read_json(text: str, where: str) -> Iterator[ArchiveRow | RowError]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArchiveFormatError(f"{where}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    items = list(_flatten(doc))
    if not items:
        raise ArchiveFormatError(f"{where}: no ClaimReview objects found")
    return (_from_object(f"{where}: item {n}", item) for n, item in enumerate(items, 1))


def _read_jsonl(text: str, where: str) -> Iterator[ArchiveRow | RowError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RowError(f"{where}:{n}", f"not valid JSON ({exc.msg})")
            continue
        for item in _flatten(doc):
            yield _from_object(f"{where}:{n}", item)


def _flatten(doc: Any) -> Iterator[Any]:
    """ClaimReview objects from an object, a list, a feed (a schema.org DataFeed
    included, as our own /feeds/claimreview.json writes it) or a JSON-LD @graph."""
    if isinstance(doc, list):
        for item in doc:
            yield from _flatten(item)
        return
    if not isinstance(doc, dict):
        yield doc  # reported as a bad item
        return
    for key in ("@graph", "dataFeedElement", "itemListElement", "items", "claimReviews", "claims"):
        if isinstance(doc.get(key), list):
            yield from _flatten(doc[key])
            return
    if doc.get("@type") in ("ListItem", "DataFeedItem") and "item" in doc:
        yield from _flatten(doc["item"])
    elif isinstance(doc.get("claimReviewMarkups"), list):  # a Fact Check Tools write-API page
        for markup in doc["claimReviewMarkups"]:
            yield {"_markup": True, **markup, "_page": doc} if isinstance(markup, dict) else markup
    elif isinstance(doc.get("claimReview"), list):  # Google Fact Check Tools search result
        for review in doc["claimReview"]:
            yield {"_google": True, **review, "_claim": doc}
    else:
        yield doc


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _from_object(where: str, obj: Any) -> ArchiveRow | RowError:
    if not isinstance(obj, dict):
        return RowError(where, "not a JSON object")
    if obj.get("_google"):
        claim = obj["_claim"]
        return _row(
            where,
            {
                "claim_text": claim.get("text"),
                "claimant": claim.get("claimant"),
                "claim_date": claim.get("claimDate"),
                "title": obj.get("title"),
                "rating": obj.get("textualRating"),
                "url": obj.get("url"),
                "publisher": _name(obj.get("publisher")),
                "review_date": obj.get("reviewDate"),
            },
        )
    if obj.get("_markup"):
        page, raw_rating = obj["_page"], obj.get("rating")
        rating = raw_rating if isinstance(raw_rating, dict) else {}
        return _row(
            where,
            {
                "claim_text": obj.get("claimReviewed"),
                "claimant": _name(obj.get("claimAuthor")),
                "claim_date": obj.get("claimDate"),
                "rating": rating.get("textualRating"),
                "rating_value": rating.get("ratingValue"),
                "url": obj.get("url") or page.get("pageUrl"),
                "publisher": _name(page.get("claimReviewAuthor")),
                "review_date": page.get("publishDate"),
            },
        )
    kind = obj.get("@type")
    if kind is not None and "ClaimReview" not in (kind if isinstance(kind, list) else [kind]):
        return RowError(where, f"expected a ClaimReview, found @type {kind!r}")
    raw_rating, raw_item = obj.get("reviewRating"), obj.get("itemReviewed")
    rating = raw_rating if isinstance(raw_rating, dict) else {}
    item = raw_item if isinstance(raw_item, dict) else {}
    return _row(
        where,
        {
            "external_id": obj.get("@id") or obj.get("identifier"),
            "claim_text": obj.get("claimReviewed") or item.get("text") or item.get("name"),
            "title": obj.get("headline") or obj.get("name"),
            "rating": rating.get("alternateName") or rating.get("name"),
            "rating_value": rating.get("ratingValue"),
            "url": obj.get("url"),
            "publisher": _name(obj.get("author")) or _name(obj.get("publisher")),
            "claimant": _name(item.get("author")),
            "claim_date": item.get("datePublished"),
            "review_date": obj.get("datePublished"),
        },
    )


# ---- fields -------------------------------------------------------------------------


def _text(value: Any, limit: int | None = None) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return (text[:limit] if limit else text) or None


def _row(where: str, raw: dict[str, Any]) -> ArchiveRow | RowError:
    claim = _text(raw.get("claim_text"))
    if not claim:
        return RowError(where, "no claim text")
    try:
        rating_value = _number(raw.get("rating_value"))
        claim_date = _date(raw.get("claim_date"))
        review_date = _date(raw.get("review_date"))
    except ValueError as exc:
        return RowError(where, str(exc))
    url = _text(raw.get("url"), 2000)
    if url and not url.lower().startswith(("http://", "https://")):
        return RowError(where, f"URL must start with http:// or https:// (got {url[:60]!r})")
    return ArchiveRow(
        where=where,
        claim_text=claim,
        external_id=_text(raw.get("external_id"), 200),
        title=_text(raw.get("title"), 1000),
        rating=_text(raw.get("rating"), 200),
        rating_value=rating_value,
        url=url,
        publisher=_text(raw.get("publisher"), 300),
        claimant=_text(raw.get("claimant"), 300),
        claim_date=claim_date,
        review_date=review_date,
    )


def _number(value: Any) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"rating value is not a number: {str(value)[:40]!r}") from None


def _date(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        if len(text) == 10:
            d = date.fromisoformat(text)
            return datetime(d.year, d.month, d.day, tzinfo=UTC)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not an ISO 8601 date: {text[:40]!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
