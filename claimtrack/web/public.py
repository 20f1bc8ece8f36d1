"""Public fact-check pages and the ClaimReview downloads: no login needed.

Everything here reads through services.publishing, which only ever returns published
fact-checks; anything else answers 404 exactly like a missing id.
"""

from __future__ import annotations

import re

from flask import Blueprint, current_app, jsonify, request, url_for

from ..claimreview import embeddable_json
from ..db import get_session
from ..http.access import PUBLIC, allow
from ..http.instance import desk_config
from ..services.publishing import feed as publishing
from ..services.publishing import pages as public_pages
from .converters import MAX_ID
from .forms import arg_int, page_arg
from .rendering import render

bp = Blueprint("public", __name__)
FEED_PAGE_SIZE = 100


@bp.context_processor
def _publisher() -> dict:
    config = desk_config()
    name = config.get("PUBLISHER_NAME") or "claimtrack"
    return {"publisher_name": name, "publisher_url": config.get("PUBLISHER_URL")}


@bp.app_template_filter("paragraphs")
def paragraphs(text: str | None) -> list[str]:
    """Plain text split into paragraphs at blank lines (rendered escaped, never as HTML)."""
    blocks = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip())
    return [block.strip() for block in blocks if block.strip()]


@bp.route("/fact-checks")
@allow(PUBLIC)
def index():
    rating = request.args.get("verdict", "").strip()[:64] or None
    result = public_pages.fact_check_index(
        get_session(), desk_config(), claimant_id=arg_int("claimant"), rating=rating, page=page_arg()
    )
    return render("public/index.html", "results", result=result)


@bp.route("/fact-checks/<int:claim_id>")
@allow(PUBLIC)
def show(claim_id: int):
    page = public_pages.fact_check_page(get_session(), claim_id, desk_config())
    return render("public/show.html", page=page)


@bp.route("/claims/<int:claim_id>/claimreview.json")
@allow(PUBLIC)
def claimreview(claim_id: int):
    doc = publishing.claimreview_for(get_session(), claim_id, desk_config())
    # Escaped for HTML: this document is made to be pasted into a <script> block.
    response = current_app.response_class(embeddable_json(doc), mimetype="application/ld+json")
    response.headers["Content-Disposition"] = f'inline; filename="claimreview-{claim_id}.json"'
    return response


@bp.route("/claimreview.json")
@allow(PUBLIC)
def feed():
    """All published ClaimReviews, a page at a time; `after` is the cursor that the
    previous page's `next` link carries (claim ids, so pages stay stable as items are
    added)."""
    raw = request.args.get("after", "0").strip()
    if not raw.isdigit():
        return jsonify(error="`after` must be a claim id from a previous page's `next` link."), 400
    if int(raw) > MAX_ID:
        return jsonify(error="`after` is out of range: it must be a claim id from a previous page's `next` link."), 422
    page = publishing.feed_page(get_session(), desk_config(), after=int(raw), size=FEED_PAGE_SIZE)
    next_url = url_for("public.feed", after=page.next_after, _external=False) if page.next_after is not None else None
    if next_url:
        next_url = desk_config()["PUBLIC_BASE_URL"].rstrip("/") + next_url
    response = current_app.response_class(
        embeddable_json({"items": page.items, "count": len(page.items), "next": next_url}), mimetype="application/json"
    )
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response
