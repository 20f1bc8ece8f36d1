"""One article by its address: fetched through the guarded client, read with the same
HTML reader and stored with the same import as `claimtrack import`.

Fetching and extraction happen before any transaction (`fetch_article`); storing is
`store_article`, which tells a new article from a copy already stored (same address or
same text) and from a stored article whose text has since changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ...errors import InputError
from ...fetch import FetchClient, FetchError
from ...ingest.html import article_from_html
from ...ingest.prepare import PreparedArticle, prepare
from ...ingest.readers import looks_like_html
from ...models import Article, ArticleChange, Claim
from .. import audit
from ..accounts.actors import Actor
from ..articles.importing import import_article
from . import alerts

HTML_TYPES = ("text/html", "application/xhtml+xml")
ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


@dataclass(slots=True)
class Hints:
    """What a feed entry says about the article, used where the page is silent."""

    outlet: str | None = None
    published: str | None = None
    title: str | None = None


@dataclass(slots=True)
class FetchedArticle:
    url: str  # the address asked for
    prepared: PreparedArticle


@dataclass(slots=True)
class StoredArticle:
    url: str
    status: str  # new, unchanged (same address or same text), changed
    article_id: int
    title: str
    claims: int
    indexed: Any = None  # with links_later: the claims whose links are still to find

    def to_dict(self) -> dict:
        # The keys of `claimtrack import --format json`, plus what happened.
        return {
            "path": self.url,
            "article_id": self.article_id,
            "title": self.title,
            "claims": self.claims,
            "duplicate": self.status != "new",
            "error": None,
            "status": self.status,
        }


@dataclass(slots=True)
class Page:
    """A fetched HTML page, before extraction (plain data: it may cross to a worker process)."""

    url: str
    answered_url: str
    html: str
    hints: Hints


PagePreparer = Callable[[Page, int], PreparedArticle]


def fetch_article(
    client: FetchClient,
    url: str,
    *,
    max_body_chars: int,
    hints: Hints | None = None,
    prepare_page: PagePreparer | None = None,
) -> FetchedArticle:
    """Fetch and extract; raises FetchError or InputError naming the address.
    ``prepare_page`` runs the CPU part (:func:`prepare_page_here`), perhaps in a worker process."""
    result = client.fetch(url, accept=ACCEPT_HTML)
    kind = result.content_type
    text = result.text()
    if kind not in HTML_TYPES and not (not kind and looks_like_html(text)):
        raise InputError(
            url,
            f"not an HTML page (the server says {kind or 'nothing about its type'}); "
            "only web pages are imported by address",
        )
    page = Page(url=url, answered_url=result.url, html=text, hints=hints or Hints())
    prepared = (prepare_page or prepare_page_here)(page, max_body_chars)
    return FetchedArticle(url=url, prepared=prepared)


def prepare_page_here(page: Page, max_body_chars: int) -> PreparedArticle:
    """Read the page's text (trafilatura) and extract its claims."""
    hints = page.hints
    article = article_from_html(page.html, where=page.url)
    # The page's canonical address when it gives one, else the one that answered.
    article.url = (article.url or page.answered_url)[:2000]
    article.outlet = article.outlet or hints.outlet
    article.published = article.published or hints.published
    article.source_format = "html"
    try:
        return prepare(article, max_body_chars=max_body_chars)
    except InputError as exc:
        if "'published'" not in exc.reason or not hints.published or article.published != hints.published:
            raise
        # A feed's date in a form the importer does not read is dropped, not fatal.
        article.published = None
        return prepare(article, max_body_chars=max_body_chars)


def store_article(
    session: Session, actor: Actor, fetched: FetchedArticle, *, links_later: bool = False
) -> StoredArticle:
    """Store a fetched article once. The caller owns the transaction.

    ``links_later``: its links are not suggested here (nor its alerts raised); the
    result's ``indexed`` is what :func:`pipeline.link_article` needs to do both."""
    prepared = fetched.prepared
    urls = {u for u in (prepared.source.url, fetched.url) if u}
    by_url = session.exec(select(Article).where(or_(*[Article.url == u for u in urls]))).first()
    if by_url is not None and by_url.content_hash != prepared.content_hash:
        _record_change(session, actor, by_url, prepared)
        return _stored(session, fetched.url, "changed", by_url)
    outcome = import_article(session, actor, prepared, links_later=links_later)
    if not outcome.duplicate and not links_later:
        # New coverage: does it bring back a claim that has a published verdict?
        alerts.scan_article(session, outcome.article_id)
    return StoredArticle(
        fetched.url,
        "unchanged" if outcome.duplicate else "new",
        outcome.article_id,
        outcome.title,
        outcome.claims,
        indexed=outcome.indexed,
    )


def import_url(
    session: Session, actor: Actor, client: FetchClient, url: str, *, max_body_chars: int, hints: Hints | None = None
) -> StoredArticle:
    return store_article(session, actor, fetch_article(client, url, max_body_chars=max_body_chars, hints=hints))


def _record_change(session: Session, actor: Actor, article: Article, prepared: PreparedArticle) -> None:
    """Note the new text once per version; the stored text and its claims stay as reviewed."""
    seen = session.exec(
        select(ArticleChange.id).where(
            ArticleChange.article_id == article.id, ArticleChange.content_hash == prepared.content_hash
        )
    ).first()
    if seen is not None:
        return
    try:
        with session.begin_nested():
            session.add(
                ArticleChange(article_id=article.id, content_hash=prepared.content_hash, url=prepared.source.url)
            )
    except IntegrityError:
        return  # another worker noted the same version first
    audit.record(
        session,
        actor,
        "article.changed",
        "article",
        article.id,
        after={"content_hash": prepared.content_hash, "url": prepared.source.url},
    )


def _stored(session: Session, url: str, status: str, article: Article) -> StoredArticle:
    claims = len(session.exec(select(Claim.id).where(Claim.article_id == article.id)).all())
    return StoredArticle(url, status, article.id, article.title, claims)


__all__ = [
    "FetchError",
    "FetchedArticle",
    "Hints",
    "Page",
    "prepare_page_here",
    "StoredArticle",
    "fetch_article",
    "import_url",
    "store_article",
]
