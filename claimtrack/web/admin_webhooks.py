"""Webhook subscriptions from the browser (admins): list and add, edit, deactivate,
rotate the secret, read the delivery log and redeliver one delivery.

A new secret is shown on the page that answers the add or rotate form, once: it never
travels through a redirect or the session."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, request, url_for

from ..db import get_session
from ..errors import NotFound
from ..http.access import allow
from ..jobs.webhooks import url_policy
from ..models import WEBHOOK_EVENTS
from ..services.webhooks import subscriptions as subs
from ..services.webhooks.events import EVENT_LABELS
from ..services.webhooks.settings import WebhookSettings
from .admin import ADMIN_PAGES, attempt, bp
from .forms import BLANK, FormState, text
from .rendering import render


def _form() -> subs.SubscriptionForm:
    return subs.SubscriptionForm(
        url=text("url", 2001),
        events=request.form.getlist("events"),
        description=text("description", 501),
        active=request.form.get("active") == "1",
    )


def _typed(failed: FormState) -> FormState:
    failed.values["events"] = request.form.getlist("events")
    return failed


def _list(*, status: int = 200, form: FormState = BLANK, secret: tuple | None = None):
    return render(
        "admin/webhooks.html",
        status=status,
        hooks=subs.list_subscriptions(get_session()),
        events=WEBHOOK_EVENTS,
        labels=EVENT_LABELS,
        form=form,
        secret=secret,
        pages=ADMIN_PAGES,
    )


def _show(sub_id: int, *, status: int = 200, form: FormState = BLANK, secret: str | None = None):
    db = get_session()
    try:
        sub = subs.get_subscription(db, sub_id)
    except NotFound:
        abort(404)
    rows = subs.deliveries(db, sub_id, limit=100)
    log = subs.attempts_for(db, [r.id for r in rows])
    overlap = WebhookSettings.from_config(current_app.config).overlap_hours
    return render(
        "admin/webhook.html",
        status=status,
        hook=subs.subscription_dict(sub),
        sub=sub,
        rows=rows,
        log=log,
        events=WEBHOOK_EVENTS,
        labels=EVENT_LABELS,
        form=form,
        secret=secret,
        overlap=overlap,
        pages=ADMIN_PAGES,
    )


@bp.route("/webhooks")
@allow("admin")
def webhooks():
    return _list()


@bp.route("/webhooks", methods=["POST"])
@allow("admin")
def add_webhook():
    sub, failed, status = attempt(
        "add", lambda db, who: subs.add_subscription(db, who, _form(), url_policy(current_app))
    )
    if failed:
        return _list(status=status, form=_typed(failed))
    return _list(status=201, secret=(sub.id, sub.url, sub.secret))


@bp.route("/webhooks/<int:sub_id>")
@allow("admin")
def webhook(sub_id: int):
    return _show(sub_id)


@bp.route("/webhooks/<int:sub_id>", methods=["POST"])
@allow("admin")
def edit_webhook(sub_id: int):
    _sub, failed, status = attempt(
        "edit", lambda db, who: subs.update_subscription(db, who, sub_id, _form(), url_policy(current_app))
    )
    if failed:
        return _show(sub_id, status=status, form=_typed(failed))
    flash("Subscription saved.", "info")
    return redirect(url_for("admin.webhook", sub_id=sub_id), code=303)


@bp.route("/webhooks/<int:sub_id>/deactivate", methods=["POST"])
@allow("admin")
def deactivate_webhook(sub_id: int):
    _sub, failed, status = attempt("deactivate", lambda db, who: subs.deactivate(db, who, sub_id))
    if failed:
        return _show(sub_id, status=status, form=failed)
    flash("Subscription deactivated: nothing more is sent to it.", "info")
    return redirect(url_for("admin.webhook", sub_id=sub_id), code=303)


@bp.route("/webhooks/<int:sub_id>/rotate", methods=["POST"])
@allow("admin")
def rotate_webhook(sub_id: int):
    hours = WebhookSettings.from_config(current_app.config).overlap_hours
    sub, failed, status = attempt("rotate", lambda db, who: subs.rotate_secret(db, who, sub_id, overlap_hours=hours))
    if failed:
        return _show(sub_id, status=status, form=failed)
    return _show(sub_id, secret=sub.secret)


@bp.route("/webhooks/deliveries/<int:delivery_id>/redeliver", methods=["POST"])
@allow("admin")
def redeliver_webhook(delivery_id: int):
    row, failed, status = attempt("redeliver", lambda db, who: subs.redeliver(db, who, delivery_id))
    if failed:
        flash(failed.message or "The delivery could not be queued again.", "error")
        return redirect(url_for("admin.webhooks"), code=303)
    flash(f"Delivery {row.id} queued again with the same webhook-id.", "info")
    return redirect(url_for("admin.webhook", sub_id=row.subscription_id), code=303)
