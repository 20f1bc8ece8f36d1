"""Articles: list, read with claims, import."""

from __future__ import annotations

from flask import current_app, jsonify

from ..db import get_session
from ..http.access import allow, current_actor
from ..http.writes import writing
from ..services.articles import upload as article_upload
from ..services.articles import view as article_view
from . import queries, render
from .blueprint import ID, bp
from .parsing import json_body, page, query
from .schemas import ArticleIn, ArticleQuery


@bp.get("/articles")
@allow("viewer")
def list_articles():
    args = query(ArticleQuery)
    rows = queries.articles(get_session(), args)
    items = [render.article_summary(*row) for row in rows]
    return jsonify(page(items, args.limit, rows[-1][0].id if rows else None))


def _detail(article_id: int) -> dict:
    view = article_view.load_article(get_session(), article_id)
    return render.article_detail(view.article, view.outlet.name if view.outlet else None, view.claims, view.speakers)


@bp.get(f"/articles/<{ID}:article_id>")
@allow("viewer")
def show_article(article_id: int):
    return jsonify(_detail(article_id))


@bp.post("/articles")
@allow("reviewer")
def import_article():
    """Extract and store one article; the same article again is reported, not stored."""
    data = json_body(ArticleIn)
    form = article_upload.ArticleForm(
        title=data.title,
        body=data.body,
        url=data.url or "",
        outlet=data.outlet or "",
        byline=data.byline or "",
        published=data.published or "",
    )
    max_chars = int(current_app.config["MAX_BODY_CHARS"])
    with writing() as db:
        outcome = article_upload.import_from_form(db, current_actor(), form, max_body_chars=max_chars)
    if outcome.duplicate:
        return jsonify(duplicate=True, id=outcome.article_id, title=outcome.title), 200
    return jsonify(duplicate=False, **_detail(outcome.article_id)), 201
