"""Readers' feeds of published fact-checks: JSON Feed 1.1 and Atom (RFC 4287), newest
change first, built from a page of `feeds.changes`."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET  # nosec B405 - writes XML only, never parses any

from ...ratings import RatingScale
from .feed import Published, Settings

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_NS = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot carry at all (control characters but tab and line ends).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _label(row: Published, scale: RatingScale) -> str:
    found = scale.get(row.rating)
    return found.label if found else row.rating


def _title(row: Published, scale: RatingScale) -> str:
    return f"{_label(row, scale)}: {row.reviewed_text}"


def _text(row: Published) -> str:
    parts = [row.summary.strip(), row.rationale.strip()]
    if row.correction_note:
        parts.append("Correction: " + row.correction_note.strip())
    return "\n\n".join(p for p in parts if p)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def json_feed(
    rows: list[Published], settings: Settings, lang: str, *, home_url: str, feed_url: str, next_url: str | None
) -> dict[str, Any]:
    items = []
    for row in rows:
        url = settings.public_url(row.claim_id)
        item: dict[str, Any] = {
            "id": url,
            "url": url,
            "title": _title(row, settings.scale),
            "content_text": _text(row),
            "summary": row.summary or None,
            "date_published": _stamp(row.first_published_at or row.published_at),
            "date_modified": _stamp(row.published_at),
            "tags": [_label(row, settings.scale)],
            "language": lang,
        }
        if row.reviewer_name:
            item["authors"] = [{"name": row.reviewer_name}]
        if row.article_url:
            item["external_url"] = row.article_url
        items.append({k: v for k, v in item.items() if v is not None})
    doc: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": f"{settings.publisher.name} fact-checks",
        "home_page_url": home_url,
        "feed_url": feed_url,
        "language": lang,
        "authors": [{"name": settings.publisher.name, "url": settings.publisher.url}],
        "items": items,
    }
    if settings.publisher.logo:
        doc["icon"] = settings.publisher.logo
    if next_url:
        doc["next_url"] = next_url
    return doc


def atom_feed(
    rows: list[Published],
    settings: Settings,
    lang: str,
    *,
    home_url: str,
    feed_url: str,
    next_url: str | None,
    updated: datetime | None,
) -> bytes:
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            node.text = _NOT_XML.sub("", text)
        return node

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    sub(feed, "id", feed_url)
    sub(feed, "title", f"{settings.publisher.name} fact-checks")
    sub(feed, "updated", _stamp(updated or datetime(1970, 1, 1, tzinfo=UTC)))
    author = sub(feed, "author")
    sub(author, "name", settings.publisher.name)
    if settings.publisher.url:
        sub(author, "uri", settings.publisher.url)
    sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(feed, "link", rel="alternate", type="text/html", href=home_url)
    if next_url:
        sub(feed, "link", rel="next", type="application/atom+xml", href=next_url)
    if settings.license:
        sub(feed, "rights", settings.license)
    for row in rows:
        url = settings.public_url(row.claim_id)
        entry = sub(feed, "entry")
        sub(entry, "id", url)
        sub(entry, "title", _title(row, settings.scale))
        sub(entry, "updated", _stamp(row.published_at))
        sub(entry, "published", _stamp(row.first_published_at or row.published_at))
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        if row.reviewer_name:
            sub(sub(entry, "author"), "name", row.reviewer_name)
        sub(entry, "category", term=row.rating, label=_label(row, settings.scale))
        if row.summary:
            sub(entry, "summary", row.summary)
        sub(entry, "content", _text(row), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
