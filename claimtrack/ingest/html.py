"""HTML pages reduced to their main text and metadata.

trafilatura finds the article text and drops navigation, footers and widgets; nothing of
the page's markup survives, so imported HTML can never be rendered as HTML later.
"""

from __future__ import annotations

import trafilatura
from trafilatura.settings import Document

from ..errors import InputError
from .model import ArticleInput


def article_from_html(html: str, where: str) -> ArticleInput:
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
    )
    # bare_extraction answers a dict only when asked to (as_dict=True), never here.
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        raise InputError(where, "no article text found in the HTML")
    title = (doc.title or "").strip()
    if not title:
        raise InputError(where, "missing title (no <title>, og:title or <h1> in the HTML)")
    lines = [line.strip() for line in (doc.text or "").splitlines() if line.strip()]
    # trafilatura repeats the headline as the first line of the text.
    if lines and lines[0] == title:
        lines = lines[1:]
    return ArticleInput(
        body="\n\n".join(lines),
        where=where,
        layout="fields",
        source_format="html",
        title=title,
        url=doc.url or None,
        outlet=doc.sitename or None,
        byline=doc.author or None,
        published=doc.date or None,
    )
