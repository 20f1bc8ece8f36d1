"""`claimtrack webhooks ...`: subscriptions and their delivery log."""

from __future__ import annotations

import click

from ..db import session_scope
from ..errors import ValidationError
from ..jobs.webhooks import url_policy
from ..models import WEBHOOK_EVENTS
from ..services.accounts.actors import Actor
from ..services.webhooks import subscriptions as subs
from ..services.webhooks.settings import WebhookSettings
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx

ID = click.IntRange(1, 2**31 - 1)


@main_group.group("webhooks")
def webhooks_group() -> None:
    """Webhook subscriptions: signed POSTs (Standard Webhooks) when things happen."""


@webhooks_group.command("add")
@click.argument("url")
@click.option(
    "--event",
    "event_names",
    multiple=True,
    required=True,
    type=click.Choice(WEBHOOK_EVENTS),
    help="An event to send (repeat for several).",
)
@click.option("--description", default="", help="What the receiver is, for the admin page.")
@FORMAT_OPTION
@pass_ctx
def webhooks_add(ctx: AppContext, url: str, event_names: tuple[str, ...], description: str, fmt: str) -> None:
    """Send the chosen events to URL. Prints the subscription with its id and its
    secret (`whsec_…`), shown this once: store it where the receiver can read it."""
    try:
        with session_scope(ctx.engine) as session:
            sub = subs.add_subscription(
                session,
                Actor.system("cli"),
                subs.SubscriptionForm(url=url, events=list(event_names), description=description),
                url_policy(ctx.app),
            )
            doc = subs.subscription_dict(sub, with_secret=True)
    except ValidationError as exc:
        raise CliError(
            "; ".join(f"{'URL' if k == 'url' else '--' + k}: {v}" for k, v in exc.fields.items()) or exc.message
        ) from None
    if fmt == "json":
        emit_json(doc)
        return
    click.echo(f"webhook {doc['id']}: {doc['url']}  events: {', '.join(doc['events'])}")
    click.echo(f"secret (shown this once): {doc['secret']}")


@webhooks_group.command("list")
@FORMAT_OPTION
@pass_ctx
def webhooks_list(ctx: AppContext, fmt: str) -> None:
    """The subscriptions (secrets are never listed)."""
    with session_scope(ctx.engine) as session:
        docs = [subs.subscription_dict(s) for s in subs.list_subscriptions(session)]
    if fmt == "json":
        emit_json(docs)
        return
    for doc in docs:
        state = "failing" if doc["failing"] else ("on" if doc["active"] else "off")
        click.echo(
            f"{doc['id']:>4} {state:<7} {doc['url']}  {', '.join(doc['events'])}"
            + (f"  ({doc['disabled_reason']})" if doc["disabled_reason"] else "")
        )


@webhooks_group.command("deliveries")
@click.argument("subscription_id", type=ID)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1000))
@FORMAT_OPTION
@pass_ctx
def webhooks_deliveries(ctx: AppContext, subscription_id: int, limit: int, fmt: str) -> None:
    """The delivery log of one subscription, newest first: every attempt with its status
    code, latency and the start of the answer."""
    with session_scope(ctx.engine) as session:
        rows = subs.deliveries(session, subscription_id, limit=limit)
        log = subs.attempts_for(session, [r.id for r in rows])
        docs = [subs.delivery_dict(r, log[r.id]) for r in rows]
    if fmt == "json":
        emit_json(docs)
        return
    for doc in docs:
        click.echo(
            f"{doc['id']:>6} {doc['event']:<20} {doc['state']:<9} {doc['webhook_id']}  attempts {doc['attempts']}"
        )
        for a in doc["log"]:
            click.echo(
                f"         #{a['number']} {a['attempted_at'][:19]} {a['status_code'] or '-'} "
                f"{a['latency_ms']} ms" + (f"  {a['error']}" if a["error"] else "")
            )


@webhooks_group.command("rotate")
@click.argument("subscription_id", type=ID)
@FORMAT_OPTION
@pass_ctx
def webhooks_rotate(ctx: AppContext, subscription_id: int, fmt: str) -> None:
    """A new secret, shown this once; the old one keeps signing beside it for
    WEBHOOKS_ROTATION_OVERLAP_HOURS."""
    hours = WebhookSettings.from_config(ctx.config).overlap_hours
    with session_scope(ctx.engine) as session:
        doc = subs.subscription_dict(
            subs.rotate_secret(session, Actor.system("cli"), subscription_id, overlap_hours=hours), with_secret=True
        )
    if fmt == "json":
        emit_json(doc)
        return
    click.echo(f"webhook {doc['id']}: new secret (shown this once): {doc['secret']}")
    click.echo(f"the old secret also signs until {doc['rotation_ends']}")


@webhooks_group.command("redeliver")
@click.argument("delivery_id", type=ID)
@pass_ctx
def webhooks_redeliver(ctx: AppContext, delivery_id: int) -> None:
    """Queue one delivery again (same webhook-id); the worker sends it."""
    with session_scope(ctx.engine) as session:
        row = subs.redeliver(session, Actor.system("cli"), delivery_id)
        click.echo(f"delivery {row.id} queued again ({row.msg_id})")
