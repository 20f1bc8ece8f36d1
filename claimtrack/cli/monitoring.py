"""`claimtrack fetch` (one article by its address) and `claimtrack sources ...`."""

from __future__ import annotations

import click

from ..db import session_scope
from ..errors import InputError, ValidationError
from ..fetch import FetchClient, FetchError, FetchSettings
from ..services.accounts import users as user_service
from ..services.accounts.actors import Actor
from ..services.monitoring.articles import import_url
from ..services.monitoring.fleet import poll_many
from ..services.monitoring.polling import poll_source
from ..services.monitoring.sources import (
    DEFAULT_INTERVAL,
    SourceForm,
    add_source,
    get_source,
    list_sources,
    source_dict,
)
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx
from .progress import terminal_progress


def fetch_client(ctx: AppContext) -> FetchClient:
    try:
        return FetchClient(FetchSettings.from_config(ctx.config))
    except ValueError as exc:
        raise CliError(str(exc)) from None


def cli_actor(ctx: AppContext, as_user: str | None) -> Actor:
    if not as_user:
        return Actor.system("cli")
    with session_scope(ctx.engine) as session:
        user = user_service.find_user(session, as_user)
        if user is None:
            raise CliError(f"no user named {as_user!r}")
        return Actor.of(user)


@main_group.command("fetch")
@click.argument("url")
@click.option("--as-user", "as_user", default=None, help="Record the import as done by this user.")
@FORMAT_OPTION
@pass_ctx
def fetch_cmd(ctx: AppContext, url: str, as_user: str | None, fmt: str) -> None:
    """Fetch the web page at URL and import it as an article.

    The same guard as feed polling applies (http/https only, no internal addresses
    unless allow-listed, size and time limits). Under --format json the result has the
    keys of `claimtrack import --format json`, plus "status": new, unchanged or changed.
    """
    actor = cli_actor(ctx, as_user)
    client = fetch_client(ctx)
    try:
        with session_scope(ctx.engine) as session:
            stored = import_url(session, actor, client, url, max_body_chars=int(ctx.config["MAX_BODY_CHARS"]))
    except FetchError as exc:
        _fail(fmt, url, str(exc))
    except InputError as exc:
        _fail(fmt, url, exc.message)
    if fmt == "json":
        emit_json(stored.to_dict())
        return
    word = {"new": "imported", "unchanged": "duplicate", "changed": "changed"}[stored.status]
    click.echo(f"{word:<10} {url}  (article {stored.article_id}, {stored.claims} claims)")


def _fail(fmt: str, url: str, message: str) -> None:
    if fmt == "json":
        emit_json(
            {
                "path": url,
                "article_id": None,
                "title": None,
                "claims": 0,
                "duplicate": False,
                "error": message,
                "status": "failed",
            }
        )
    raise CliError(message)


@main_group.group("sources")
def sources_group() -> None:
    """Feeds and news sitemaps to watch (RSS 2.0, Atom, JSON Feed 1.1, sitemaps)."""


@sources_group.command("add")
@click.argument("url")
@click.option("--name", default="", help="A name for the source (default: the host name).")
@click.option("--outlet", default="", help="Outlet credited for its articles when a page does not say.")
@click.option(
    "--interval", default=DEFAULT_INTERVAL, type=int, show_default=True, help="Minutes between polls (at least 1)."
)
@FORMAT_OPTION
@pass_ctx
def sources_add(ctx: AppContext, url: str, name: str, outlet: str, interval: int, fmt: str) -> None:
    """Watch the feed or sitemap at URL."""
    try:
        with session_scope(ctx.engine) as session:
            source = add_source(
                session, Actor.system("cli"), SourceForm(url=url, name=name, outlet=outlet, interval=interval)
            )
            doc = source_dict(source)
    except ValidationError as exc:
        detail = "; ".join(f"--{name}: {why}" if name != "url" else f"URL: {why}" for name, why in exc.fields.items())
        raise CliError(detail or exc.message) from None
    if fmt == "json":
        emit_json(doc)
    else:
        click.echo(f"source {doc['id']}: {doc['name']}  {doc['url']}  every {doc['interval_minutes']} min")


@sources_group.command("list")
@FORMAT_OPTION
@pass_ctx
def sources_list(ctx: AppContext, fmt: str) -> None:
    """The watched sources with their last poll."""
    with session_scope(ctx.engine) as session:
        docs = [source_dict(s) for s in list_sources(session)]
    if fmt == "json":
        emit_json(docs)
        return
    for doc in docs:
        counts = doc["last_counts"]
        state = "on " if doc["enabled"] else "off"
        last = doc["last_status"] or "never polled"
        click.echo(
            f"{doc['id']:>4} {state} {doc['name']}  {doc['url']}  every {doc['interval_minutes']} min  "
            f"{last}  new {counts['new']}, changed {counts['changed']}, unchanged {counts['unchanged']}, "
            f"failed {counts['failed']}" + (f"  error: {doc['last_error']}" if doc["last_error"] else "")
        )


@sources_group.command("poll")
@click.argument("source_id", required=False, type=click.IntRange(1, 2**31 - 1))
@click.option("--all", "poll_all", is_flag=True, help="Poll every enabled source.")
@FORMAT_OPTION
@pass_ctx
def sources_poll(ctx: AppContext, source_id: int | None, poll_all: bool, fmt: str) -> None:
    """Poll one source (by id) or --all now, in the foreground, and print what each found.

    Exits 1 when a poll failed.
    """
    if (source_id is None) == (not poll_all):
        raise CliError("give a source id or --all (not both)")
    with session_scope(ctx.engine) as session:
        ids = [s.id for s in list_sources(session) if s.enabled] if poll_all else [get_source(session, source_id).id]
    client = fetch_client(ctx)
    limit = int(ctx.config["MAX_BODY_CHARS"])
    if not poll_all:
        reports = [
            poll_source(ctx.engine, Actor.system("cli"), client, ids[0], max_body_chars=limit, progress=_progress())
        ]
    else:
        # Many hosts at once, one request at a time per host; pages read in one process per core.
        bar = _progress(label="sources")
        reports = poll_many(
            ctx.engine,
            Actor.system("cli"),
            client,
            ids,
            max_body_chars=limit,
            progress=(lambda done, total, _r: bar(done, total)) if bar else None,
        )
    if fmt == "text":
        for report in reports:
            line = (
                f"source {report.source_id} {report.name}: {report.status}  new {report.new}, "
                f"changed {report.changed}, unchanged {report.unchanged}, failed {report.failed}"
            )
            click.echo(line + (f"  error: {report.error}" if report.error else ""))
    if fmt == "json":
        emit_json([r.to_dict() for r in reports])
    if any(r.status == "failed" for r in reports):
        raise SystemExit(1)


def _progress(label: str = "entries"):
    """A progress bar on a terminal's stderr; None when stderr is piped or a file."""
    return terminal_progress(label)
