from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError


@dataclass(slots=True)
class ArticleInput:
    """One article as read from a file, before extraction.

    `layout` is "text" when `body` is a whole article laid out as plain text (headline
    first, then dek, byline, paragraphs and page junk) and "fields" when the title and
    body came apart already (JSON, HTML, forms).
    """

    body: str
    where: str
    layout: str = "fields"
    source_format: str = "txt"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None


@dataclass(slots=True)
class IngestItem:
    """What a reader yields per article: the input, or the error that stopped it."""

    where: str
    article: ArticleInput | None = None
    error: InputError | None = None
