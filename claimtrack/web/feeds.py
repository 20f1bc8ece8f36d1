"""Public data feeds of published fact-checks, no login needed: a schema.org DataFeed of
ClaimReview items for machines, JSON Feed 1.1 and Atom for readers.

Each answers conditional requests (ETag and Last-Modified, 304 when nothing changed),
takes `since` (only what changed at or after that time) and pages with a `cursor` that
the previous page's next link carries.
"""

from __future__ import annotations

import hashlib
import json
from urllib.parse import urlencode

from flask import Blueprint, Response, request, url_for

from ..claimreview import embeddable_json
from ..db import get_session
from ..errors import ValidationError
from ..http.access import PUBLIC, allow
from ..http.instance import desk_config
from ..services.publishing import feeds, syndication
from ..services.publishing.feed import Settings

bp = Blueprint("feeds", __name__)
DATAFEED_PAGE = 100
READER_PAGE = 50
MAX_AGE = 300
TYPES = {
    "datafeed": "application/ld+json; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}


def _absolute(endpoint: str, **args: str) -> str:
    base = desk_config()["PUBLIC_BASE_URL"].rstrip("/")
    query = {k: v for k, v in args.items() if v}
    return base + url_for(endpoint) + ("?" + urlencode(query) if query else "")


def _page(newest_first: bool, default_size: int) -> tuple[Settings, feeds.Changes, str, str | None]:
    since_raw = request.args.get("since", "")
    since = feeds.parse_since(since_raw)
    cursor = feeds.parse_cursor(request.args.get("cursor"))
    raw_limit = request.args.get("limit", "").strip()
    if raw_limit and (not raw_limit.isdigit() or not 1 <= int(raw_limit) <= feeds.MAX_PAGE):
        raise ValidationError(
            f"'limit' must be a whole number from 1 to {feeds.MAX_PAGE}.", fields={"limit": "out of range"}
        )
    size = int(raw_limit) if raw_limit else default_size
    settings = Settings.from_config(desk_config())
    page = feeds.changes(get_session(), since=since, cursor=cursor, size=size, newest_first=newest_first)
    keep = {"since": since_raw.strip(), "limit": raw_limit}
    self_url = _absolute(request.endpoint, **keep, cursor=request.args.get("cursor", "").strip())
    next_url = _absolute(request.endpoint, **keep, cursor=page.next_cursor) if page.next_cursor else None
    return settings, page, self_url, next_url


def _answer(body: bytes, kind: str, page: feeds.Changes, next_url: str | None) -> Response:
    response = Response(body, content_type=TYPES[kind])
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    if page.last_modified is not None:
        response.last_modified = page.last_modified
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    response.vary.add("Accept-Encoding")
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response.make_conditional(request)


def _refused(exc: ValidationError) -> Response:
    return Response(
        json.dumps({"error": exc.message, "fields": exc.fields}), status=400, content_type="application/json"
    )


@bp.route("/feeds/claimreview.json")
@allow(PUBLIC)
def datafeed():
    """Oldest change first, so a consumer walks forward and remembers where it stopped."""
    try:
        settings, page, self_url, next_url = _page(False, DATAFEED_PAGE)
    except ValidationError as exc:
        return _refused(exc)
    doc = feeds.datafeed(page, settings, feeds.language(desk_config()), self_url)
    return _answer(embeddable_json(doc).encode("utf-8"), "datafeed", page, next_url)


@bp.route("/feeds/fact-checks.json")
@allow(PUBLIC)
def json_feed():
    try:
        settings, page, self_url, next_url = _page(True, READER_PAGE)
    except ValidationError as exc:
        return _refused(exc)
    doc = syndication.json_feed(
        page.rows,
        settings,
        feeds.language(desk_config()),
        home_url=_absolute("public.index"),
        feed_url=self_url,
        next_url=next_url,
    )
    return _answer(json.dumps(doc, ensure_ascii=False).encode("utf-8"), "json", page, next_url)


@bp.route("/feeds/fact-checks.atom")
@allow(PUBLIC)
def atom():
    try:
        settings, page, self_url, next_url = _page(True, READER_PAGE)
    except ValidationError as exc:
        return _refused(exc)
    body = syndication.atom_feed(
        page.rows,
        settings,
        feeds.language(desk_config()),
        home_url=_absolute("public.index"),
        feed_url=self_url,
        next_url=next_url,
        updated=page.last_modified,
    )
    return _answer(body, "atom", page, next_url)
