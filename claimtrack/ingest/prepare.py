"""Turn an ArticleInput into a checked, extracted article ready to store.

Pure (no database), so bulk imports can run it in worker processes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time

from .. import extraction
from ..errors import InputError
from .match_data import MatchData, match_data
from .model import ArticleInput

_SPACE_RE = re.compile(r"\s+")


@dataclass(slots=True)
class PreparedArticle:
    source: ArticleInput
    result: extraction.Extraction
    title: str
    byline: str | None
    published_at: datetime | None
    content_hash: str
    match: MatchData | None = None  # absent only when built by hand; then computed on store


def prepare(article: ArticleInput, *, max_body_chars: int) -> PreparedArticle:
    where = article.where
    if len(article.body) > max_body_chars:
        raise InputError(where, f"body has {len(article.body):,} characters, over the limit of {max_body_chars:,}")
    try:
        if article.layout == "text":
            result = extraction.extract_text(article.body)
        else:
            result = extraction.extract_parts(extraction.clean_body(article.title, article.body))
    except extraction.ExtractionError as exc:
        raise InputError(where, str(exc)) from None
    title = (article.title or result.title or "").strip()
    if not title:
        raise InputError(where, "missing title (the first line of a text file is its headline)")
    if not result.body.strip():
        raise InputError(where, "empty body: nothing is left once headline, byline and page junk are removed")
    published = parse_published(article.published or result.published, where)
    return PreparedArticle(
        source=article,
        result=result,
        title=title[:1000],
        byline=article.byline or result.byline,
        published_at=published,
        content_hash=content_hash(title, result.body),
        match=match_data(title[:1000], result.body, result.claims, published),
    )


def content_hash(title: str, body: str) -> str:
    """Hash of the text with white space folded, so re-wrapped copies count as one."""
    norm = _SPACE_RE.sub(" ", f"{title}\n{body}").strip().casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def parse_published(value: str | None, where: str) -> datetime | None:
    if not value:
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(where, f"field 'published' is not an ISO 8601 date: {text[:40]!r}") from None
    if len(text) <= 10:  # a bare date: noon UTC keeps it on the same day in most zones
        parsed = datetime.combine(parsed.date(), time(12, 0))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
