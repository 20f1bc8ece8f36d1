"""Article list, article pages and the import form."""
from __future__ import annotations

from flask import Blueprint, current_app, flash, make_response, redirect, request, url_for

from ..db import get_session
from ..errors import ValidationError
from ..services.articles.upload import ArticleForm, import_from_form
from ..services.articles.view import list_articles
from ..http.extensions import htmx
from ..http.access import allow, current_actor
from ..http.writes import writing
from .forms import BLANK, FormState, page_arg, storable, submitted, text
from .panel import page_context
from .rendering import render

bp = Blueprint("articles", __name__)

# htmx asks for one region of the article page by naming it as its target.
_REGIONS = {"article-body": "article_body", "claim-panel": "claim_panel"}


@bp.route("/articles")
@allow("viewer")
def index():
    page = list_articles(get_session(), page=page_arg(), size=int(current_app.config["PAGE_SIZE"]))
    return render("articles/index.html", "article_list", rows=page.rows, page=page.page,
                  has_next=page.has_next, total=page.total)


@bp.route("/articles/<int:article_id>")
@allow("viewer")
def show(article_id: int):
    block = _REGIONS.get(htmx.target or "") if htmx else None
    return render("articles/show.html", block, **page_context(None, article_id))


def _posted_article() -> ArticleForm:
    upload = request.files.get("file")
    has_file = upload is not None and bool(upload.filename)
    return ArticleForm(title=text("title", 2000), body=text("body", 10_000_000), url=text("url", 3000),
                       outlet=text("outlet", 400), byline=text("byline", 600), published=text("published", 40),
                       filename=storable(upload.filename, "file", "The file name") if has_file else "",
                       data=upload.read() if has_file else None)


@bp.route("/articles/import", methods=["GET", "POST"])
@allow("reviewer")
def import_form():
    if request.method == "GET":
        return render("articles/import.html", "import_form", form=BLANK, fetch_form=BLANK)
    try:
        with writing() as db:
            outcome = import_from_form(db, current_actor(), _posted_article(),
                                       max_body_chars=int(current_app.config["MAX_BODY_CHARS"]))
    except ValidationError as exc:
        state = FormState("import", submitted(), dict(exc.fields), exc.message)
        return render("articles/import.html", "import_form", status=422, form=state, fetch_form=BLANK)
    if outcome.duplicate:
        flash(f"This article was imported before; here is the stored copy ({outcome.claims} claims).", "info")
    else:
        flash(f"Imported “{outcome.title}” with {outcome.claims} claims.", "info")
    target = url_for("articles.show", article_id=outcome.article_id)
    if htmx:
        response = make_response("", 200)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, code=303)
