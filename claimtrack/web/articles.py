"""Article list, article pages and the import form."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, make_response, redirect, request, url_for

from ..db import get_session
from ..errors import ValidationError
from ..http.access import allow, current_actor
from ..http.extensions import htmx
from ..http.writes import writing
from ..jobs.queue import job_queue
from ..services.articles.upload import ArticleForm, import_from_form
from ..services.articles.view import list_articles
from ..services.monitoring.batches import batch_params, missing_details
from ..services.monitoring.job_labels import describe_many
from ..services.monitoring.jobs import recent_jobs
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
    return render(
        "articles/index.html", "article_list", rows=page.rows, page=page.page, has_next=page.has_next, total=page.total
    )


@bp.route("/articles/<int:article_id>")
@allow("viewer")
def show(article_id: int):
    block = _REGIONS.get(htmx.target or "") if htmx else None
    return render("articles/show.html", block, **page_context(None, article_id))


def _my_jobs() -> dict:
    """The person's recent imports and fetches, so a reload of this page finds them."""
    me = current_actor()
    jobs = [j for j in recent_jobs(get_session(), 10, user_id=me.user_id) if j.kind in ("import", "fetch")][:5]
    return {"jobs": jobs, "job_labels": describe_many(get_session(), jobs)}


def _posted_article() -> ArticleForm:
    upload = request.files.get("file")
    has_file = upload is not None and bool(upload.filename)
    return ArticleForm(
        title=text("title", 2000),
        body=text("body", 10_000_000),
        url=text("url", 3000),
        outlet=text("outlet", 400),
        byline=text("byline", 600),
        published=text("published", 40),
        filename=storable(upload.filename, "file", "The file name") if has_file else "",
        data=upload.read() if has_file else None,
    )


@bp.route("/articles/import", methods=["GET", "POST"])
@allow("reviewer")
def import_form():
    if request.method == "GET":
        return render("articles/import.html", "import_form", form=BLANK, fetch_form=BLANK, **_my_jobs())
    try:
        form = _posted_article()
        batch = batch_params(current_actor(), form.filename, form.data) if form.filename and form.data else None
        if batch is not None:
            # Several articles: imported by a job whose page shows the progress and a
            # result per item (and survives a reload).
            job_id = job_queue(current_app).submit(current_actor(), "import", *batch, session=get_session())
            return _go(url_for("sources.job", job_id=job_id))
        with writing() as db:
            outcome = import_from_form(
                db, current_actor(), form, max_body_chars=int(current_app.config["MAX_BODY_CHARS"])
            )
    except ValidationError as exc:
        state = FormState("import", submitted(), dict(exc.fields), exc.message)
        return render("articles/import.html", "import_form", status=422, form=state, fetch_form=BLANK, **_my_jobs())
    if outcome.duplicate:
        flash(f"This article was imported before; here is the stored copy ({outcome.claims} claims).", "info")
    else:
        flash(f"Imported “{outcome.title}” with {outcome.claims} claims.", "info")
        missing = missing_details(get_session(), outcome.article_id)
        if missing:
            flash(
                f"No {' and no '.join(missing)} was given or found in the text: its claims are listed "
                "without them, and reports by outlet or date leave it out.",
                "warning",
            )
    return _go(url_for("articles.show", article_id=outcome.article_id))


def _go(target: str):
    if htmx:
        response = make_response("", 200)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, code=303)
