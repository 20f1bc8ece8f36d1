"""Feeds and news sitemaps read into the list of articles they point at.

RSS 2.0 and Atom are parsed with feedparser; JSON Feed 1.1 is plain JSON and read by
hand; news sitemaps and sitemap indexes are read with lxml, with entities and network
access switched off. Pure: bytes in, dataclasses out; every problem is an InputError.
"""

from __future__ import annotations

import calendar
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser
from lxml import etree  # nosec B410 - the parser below resolves no entities and reads no network

from ..errors import InputError
from .readers import looks_like_html

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# feedparser marks these as "bozo" although the document itself parsed fine.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
# A feed lists a day or two of articles; more than this is not a feed we should follow whole.
MAX_ENTRIES = 5000


@dataclass(slots=True)
class FeedItem:
    url: str | None
    title: str | None = None
    published: str | None = None  # ISO 8601
    stamp: str | None = None  # the entry's own "last changed" mark, compared between polls
    outlet: str | None = None


@dataclass(slots=True)
class ParsedFeed:
    kind: str  # rss, atom, jsonfeed, sitemap, sitemapindex
    title: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index


def parse_feed(data: bytes, where: str) -> ParsedFeed:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:2000]
    if not head:
        raise InputError(where, "the feed is empty (no bytes)")
    if head.startswith((b"{", b"[")):
        return parse_json_feed(data, where)
    lowered = head.lower()
    if b"<urlset" in lowered or b"<sitemapindex" in lowered:
        return parse_sitemap(data, where)
    return _parse_xml_feed(data, where)


def _parse_xml_feed(data: bytes, where: str) -> ParsedFeed:
    doc = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    error = doc.get("bozo_exception") if doc.get("bozo") else None
    if not doc.version:
        text = data[:5000].decode("utf-8", errors="replace")
        if looks_like_html(text):
            raise InputError(where, "this address gives an HTML page, not a feed (RSS, Atom, JSON Feed or sitemap)")
        if error is not None:
            raise InputError(where, f"not a readable feed ({_describe(error)})")
        raise InputError(where, "not a feed: no RSS, Atom, JSON Feed or sitemap found")
    if error is not None and not isinstance(error, _HARMLESS):
        # A feed broken halfway could be read in part; nothing is taken from it so a
        # later poll of the repaired feed sees every entry as it really is.
        raise InputError(where, f"malformed feed ({_describe(error)})")
    kind = "atom" if doc.version.startswith("atom") else "rss"
    title = (doc.feed.get("title") or "").strip() or None
    items = []
    for entry in doc.entries[:MAX_ENTRIES]:
        link = (entry.get("link") or "").strip() or None
        # dict.get: feedparser's own get maps a missing "updated" to "published" with a warning.
        published = _iso(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed"))
        stamp = dict.get(entry, "updated") or dict.get(entry, "published") or None
        items.append(
            FeedItem(
                url=link,
                title=(entry.get("title") or "").strip() or None,
                published=published,
                stamp=stamp[:100] if stamp else None,
                outlet=title,
            )
        )
    return ParsedFeed(kind=kind, title=title, items=items)


def parse_json_feed(data: bytes, where: str) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(where, f"JSON Feed is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON Feed: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise InputError(where, 'JSON that is not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")')
    raw_items = doc.get("items")
    if not isinstance(raw_items, list):
        raise InputError(where, "JSON Feed field 'items' is missing or not a list")
    title = doc.get("title") if isinstance(doc.get("title"), str) else None
    items = []
    for i, item in enumerate(raw_items[:MAX_ENTRIES]):
        if not isinstance(item, dict):
            raise InputError(where, f"JSON Feed item {i} is not an object")
        url = item.get("url") if isinstance(item.get("url"), str) else None
        published = _str(item.get("date_published"))
        stamp = _str(item.get("date_modified")) or published
        items.append(
            FeedItem(
                url=(url or "").strip() or None,
                title=_str(item.get("title")),
                published=published,
                stamp=stamp[:100] if stamp else None,
                outlet=title,
            )
        )
    return ParsedFeed(kind="jsonfeed", title=title, items=items)


def parse_sitemap(data: bytes, where: str) -> ParsedFeed:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)  # nosec B320 - entities and network are off
    except etree.XMLSyntaxError as exc:
        raise InputError(where, f"malformed sitemap XML: {exc}") from None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        locs = [_text(node, "loc") for node in root if etree.QName(node).localname == "sitemap"]
        return ParsedFeed(kind="sitemapindex", sitemaps=[loc for loc in locs if loc][:MAX_ENTRIES])
    if tag != "urlset":
        raise InputError(where, f"not a sitemap: the root element is <{tag}>")
    items = []
    for node in root:
        if etree.QName(node).localname != "url":
            continue
        news = node.find(f"{{{NEWS_NS}}}news")
        title = outlet = published = None
        if news is not None:
            title = _text(news, "title", NEWS_NS)
            published = _text(news, "publication_date", NEWS_NS)
            pub = news.find(f"{{{NEWS_NS}}}publication")
            outlet = _text(pub, "name", NEWS_NS) if pub is not None else None
        lastmod = _text(node, "lastmod")
        items.append(
            FeedItem(
                url=_text(node, "loc"),
                title=title,
                published=published or lastmod,
                stamp=(lastmod or published or None),
                outlet=outlet,
            )
        )
        if len(items) >= MAX_ENTRIES:
            break
    return ParsedFeed(kind="sitemap", items=items)


def _text(node, name: str, ns: str = SITEMAP_NS) -> str | None:
    child = node.find(f"{{{ns}}}{name}")
    if child is None:
        child = node.find(name)  # sitemaps written without the namespace
    value = (child.text or "").strip() if child is not None else ""
    return value or None


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _describe(error: Exception) -> str:
    line = getattr(error, "getLineNumber", None)
    where = f" at line {line()}" if callable(line) else ""
    return f"{error}{where}".strip() or type(error).__name__
