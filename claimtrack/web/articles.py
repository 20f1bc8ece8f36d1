"""Article list and article pages."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, request
from sqlalchemy import func
from sqlmodel import select

from ..db import get_session
from ..models import Article, Claim, Claimant, Outlet
from .access import allow
from .highlight import paragraphs
from .rendering import render

bp = Blueprint("articles", __name__)


@bp.route("/")
@allow("viewer")
def home():
    return index()


@bp.route("/articles")
@allow("viewer")
def index():
    db = get_session()
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    size = int(current_app.config["PAGE_SIZE"])
    claim_counts = (select(Claim.article_id, func.count(Claim.id).label("n"))
                    .group_by(Claim.article_id).subquery())
    rows = db.exec(
        select(Article, Outlet.name, func.coalesce(claim_counts.c.n, 0))
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(claim_counts, claim_counts.c.article_id == Article.id)
        .order_by(Article.published_at.desc().nulls_last(), Article.id.desc())
        .offset((page - 1) * size).limit(size + 1)
    ).all()
    has_next = len(rows) > size
    total = db.exec(select(func.count(Article.id))).one()
    return render("articles/index.html", "article_list", rows=rows[:size], page=page,
                  has_next=has_next, total=total)


@bp.route("/articles/<int:article_id>")
@allow("viewer")
def show(article_id: int):
    db = get_session()
    article = db.get(Article, article_id)
    if article is None:
        abort(404)
    outlet = db.get(Outlet, article.outlet_id) if article.outlet_id else None
    rows = db.exec(
        select(Claim, Claimant).outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .where(Claim.article_id == article_id).order_by(Claim.start_offset)
    ).all()
    claims = [claim for claim, _ in rows]
    speakers = {claim.id: claimant for claim, claimant in rows}
    return render("articles/show.html", article=article, outlet=outlet, claims=claims,
                  speakers=speakers, paragraphs=paragraphs(article.body, claims))
