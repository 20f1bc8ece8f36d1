"""The claim panel: rendering it as a fragment or inside its article page, and running
the writes made from it with one rule for every outcome.

- success: htmx gets the panel again (with `HX-Trigger: claims-changed`, so the article
  body re-colours its highlights); a plain form post is redirected to the claim page;
- validation error: 422 and the panel with the form as typed and field messages;
- edit conflict (stale version) or a refused move: 409 and the panel with the form as
  typed, and for a conflict both versions side by side;
- unknown claim or missing permission: the plain error page (404, 403).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import redirect, url_for
from sqlmodel import Session

from ..db import get_session
from ..errors import Conflict, StaleVersion, ValidationError
from ..http.access import current_actor
from ..http.extensions import htmx
from ..http.instance import desk_config
from ..http.writes import writing
from ..services.accounts.actors import Actor
from ..services.articles.view import load_article
from ..services.review.panel import ClaimPanel, load_panel
from .forms import BLANK, ConflictInfo, Done, FormState, submitted
from .highlight import paragraphs
from .rendering import render

CLAIMS_CHANGED = "claims-changed"

FIELD_LABELS = {
    "text": "Text",
    "start": "Start",
    "end": "End",
    "speaker": "Speaker",
    "speaker_title": "Title",
    "assignee": "Assignee",
    "status": "Status",
    "reason": "Reason",
    "rating": "Rating",
    "summary": "Summary",
    "rationale": "Rationale",
    "url": "Address",
    "title": "Title",
    "publisher": "Publisher",
    "stance": "Stance",
    "excerpt": "Excerpt",
    "note": "Correction note",
    "comment": "Comment",
    "claim_reviewed": "Claim as reviewed",
}


def _current_values(panel: ClaimPanel, form: str) -> dict[str, Any]:
    claim = panel.claim
    if form == "text":
        return {"text": claim.text, "start": claim.start_offset, "end": claim.end_offset}
    if form == "speaker":
        return {"speaker": panel.claimant.name if panel.claimant else "", "speaker_title": claim.speaker_title or ""}
    if form == "assign":
        return {"assignee": panel.user_label(claim.assignee_id)}
    if form in ("status", "dismiss"):
        return {"status": claim.status, "reason": claim.dismissed_reason or ""}
    if form in ("verdict", "approve", "return", "reuse", "withdraw"):
        v = panel.open_verdict
        return (
            {
                "rating": v.rating,
                "summary": v.summary,
                "rationale": v.rationale,
                "claim_reviewed": v.claim_reviewed or "",
            }
            if v
            else {}
        )
    if form in ("correct", "retract"):
        v = panel.published_verdict
        return {"rating": v.rating, "summary": v.summary, "rationale": v.rationale} if v else {}
    if form.startswith("source-"):
        for s in panel.sources:
            if f"source-{s.link.id}" == form:
                return {
                    "url": s.source.url,
                    "title": s.source.title,
                    "publisher": s.source.publisher or "",
                    "stance": s.link.stance,
                    "excerpt": s.link.excerpt or "",
                }
        return {"url": "(removed)"}
    return {}


def _conflict(panel: ClaimPanel, form: str, exc: StaleVersion, mine: dict[str, str]) -> ConflictInfo:
    theirs = _current_values(panel, form)
    diffs = []
    for key, value in theirs.items():
        if key in mine and str(mine[key]).strip() != str(value).strip():
            diffs.append((FIELD_LABELS.get(key, key), value, mine[key]))
    if not diffs and form.startswith("source-") and theirs.get("url") == "(removed)":
        diffs.append(("Source", "removed", mine.get("url", "")))
    return ConflictInfo(exc.changed_by or "someone", exc.changed_at, diffs)


def page_context(panel: ClaimPanel | None, article_id: int, **extra: Any) -> dict[str, Any]:
    view = load_article(get_session(), article_id)
    return {
        "article": view.article,
        "outlet": view.outlet,
        "claims": view.claims,
        "speakers": view.speakers,
        "coverage": view.coverage,
        "paragraphs": paragraphs(view.article.body, view.claims),
        "panel": panel,
        "selected_id": panel.claim.id if panel else None,
        "add_form": BLANK,
        "form": _form_lookup({}),
        **extra,
    }


def panel_response(
    claim_id: int,
    *,
    status: int = 200,
    forms: dict[str, FormState] | None = None,
    changed: bool = False,
    panel: ClaimPanel | None = None,
    done: Done | None = None,
):
    panel = panel or load_panel(get_session(), claim_id, desk_config())
    form = _form_lookup(forms or {})
    if htmx and not htmx.history_restore_request:
        response = render("claims/_panel.html", status=status, panel=panel, form=form, done=done)
        if changed:
            response.headers["HX-Trigger"] = CLAIMS_CHANGED
        return response
    return render("articles/show.html", status=status, **page_context(panel, panel.claim.article_id, form=form))


def _form_lookup(forms: dict[str, FormState]) -> Callable[[str], FormState]:
    return lambda name: forms.get(name, BLANK)


def run(
    claim_id: int,
    form: str,
    action: Callable[[Session, Actor], Any],
    *,
    show: Callable[[Any], int] | None = None,
    done: str | Callable[[Any], str] = "Saved.",
):
    """Run one write from the panel and answer it. `show` picks the claim to show after
    success from the action's result (the same claim by default); `done` is the notice
    shown where the person acted (a sentence, or one made from the result)."""
    mine = submitted()
    try:
        with writing() as db:
            result = action(db, current_actor())
    except StaleVersion as exc:
        panel = load_panel(get_session(), claim_id, desk_config())
        state = FormState(form, mine, dict(exc.fields), exc.message, _conflict(panel, form, exc, mine))
        return panel_response(claim_id, status=409, forms={form: state}, panel=panel)
    except ValidationError as exc:
        return panel_response(claim_id, status=422, forms={form: FormState(form, mine, dict(exc.fields), exc.message)})
    except Conflict as exc:
        return panel_response(claim_id, status=409, forms={form: FormState(form, mine, {}, exc.message)})
    target = show(result) if show else claim_id
    if htmx:
        message = done(result) if callable(done) else done
        response = panel_response(target, changed=True, done=Done(form, message))
        if target != claim_id:
            response.headers["HX-Push-Url"] = url_for("claims.show", claim_id=target)
        return response
    return redirect(url_for("claims.show", claim_id=target), code=303)
