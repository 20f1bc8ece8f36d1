"""Webhook subscriptions and their delivery log (admins)."""

from __future__ import annotations

from flask import current_app, jsonify

from ..db import get_session
from ..http.access import allow, current_actor
from ..http.writes import writing
from ..jobs.webhooks import url_policy
from ..models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from ..services.webhooks import subscriptions as subs
from ..services.webhooks.settings import WebhookSettings
from .blueprint import ID, bp
from .parsing import json_body, query
from .render import dump
from .webhook_schemas import Delivery, DeliveryQuery, Webhook, WebhookIn, WebhookPatch, WebhookWithSecret


# The services build the subscription and delivery snapshots that the CLI and the admin
# pages show too; the API answer is that snapshot held to its declared model.
def _hook(sub: WebhookSubscription, *, with_secret: bool = False) -> dict:
    model = WebhookWithSecret if with_secret else Webhook
    return dump(model.model_validate(subs.subscription_dict(sub, with_secret=with_secret)))


def _delivery(row: WebhookDelivery, attempts: list[WebhookAttempt]) -> dict:
    return dump(Delivery.model_validate(subs.delivery_dict(row, attempts)))


@bp.get("/webhooks")
@allow("admin")
def webhooks_list():
    return jsonify(items=[_hook(s) for s in subs.list_subscriptions(get_session())])


@bp.post("/webhooks")
@allow("admin")
def webhooks_add():
    data = json_body(WebhookIn)
    with writing() as db:
        sub = subs.add_subscription(
            db,
            current_actor(),
            subs.SubscriptionForm(
                url=data.url, events=list(data.events), description=data.description, active=data.active
            ),
            url_policy(current_app),
        )
    return jsonify(_hook(sub, with_secret=True)), 201


@bp.get(f"/webhooks/<{ID}:sub_id>")
@allow("admin")
def webhooks_show(sub_id: int):
    return jsonify(_hook(subs.get_subscription(get_session(), sub_id)))


@bp.patch(f"/webhooks/<{ID}:sub_id>")
@allow("admin")
def webhooks_edit(sub_id: int):
    data = json_body(WebhookPatch)
    with writing() as db:
        now = subs.get_subscription(db, sub_id)
        form = subs.SubscriptionForm(
            url=data.url if data.url is not None else now.url,
            events=list(data.events) if data.events is not None else list(now.events),
            description=data.description if data.description is not None else now.description,
            active=data.active if data.active is not None else now.active,
        )
        sub = subs.update_subscription(db, current_actor(), sub_id, form, url_policy(current_app))
    return jsonify(_hook(sub))


@bp.post(f"/webhooks/<{ID}:sub_id>/rotate")
@allow("admin")
def webhooks_rotate(sub_id: int):
    hours = WebhookSettings.from_config(current_app.config).overlap_hours
    with writing() as db:
        sub = subs.rotate_secret(db, current_actor(), sub_id, overlap_hours=hours)
    return jsonify(_hook(sub, with_secret=True))


@bp.get(f"/webhooks/<{ID}:sub_id>/deliveries")
@allow("admin")
def webhooks_deliveries(sub_id: int):
    params = query(DeliveryQuery)
    db = get_session()
    rows = subs.deliveries(db, sub_id, limit=params.limit)
    log = subs.attempts_for(db, [r.id for r in rows])
    return jsonify(items=[_delivery(r, log[r.id]) for r in rows])


@bp.post(f"/webhook-deliveries/<{ID}:delivery_id>/redeliver")
@allow("admin")
def webhooks_redeliver(delivery_id: int):
    with writing() as db:
        row = subs.redeliver(db, current_actor(), delivery_id)
    return jsonify(_delivery(row, subs.attempts_for(db, [row.id])[row.id])), 202
