"""The published ClaimReview feed, the same items as the public /claimreview.json."""

from __future__ import annotations

from flask import jsonify, request, url_for

from ..db import get_session
from ..http.access import allow
from ..http.instance import desk_config
from ..services.publishing import feed as publishing
from .blueprint import bp
from .parsing import query
from .schemas import Query


@bp.get("/claimreview")
@allow("viewer")
def claimreview_feed():
    args = query(Query)
    page = publishing.feed_page(get_session(), desk_config(), after=args.after, size=args.limit)
    next_url = None
    if page.next_after is not None:
        next_url = url_for(
            request.endpoint, **{**request.args.to_dict(), "after": page.next_after, "limit": args.limit}
        )
    return jsonify(items=page.items, next=next_url)
