"""`claimtrack fetch` (one article by its address) and `claimtrack sources ...`."""
from __future__ import annotations

import click

from ..db import session_scope
from ..errors import InputError
from ..fetch import FetchClient, FetchError, FetchSettings
from ..services import users as user_service
from ..services.actors import Actor
from ..services.monitoring.articles import import_url
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx


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
        emit_json({"path": url, "article_id": None, "title": None, "claims": 0, "duplicate": False,
                   "error": message, "status": "failed"})
    raise CliError(message)
