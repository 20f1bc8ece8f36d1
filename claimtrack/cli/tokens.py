from __future__ import annotations

import click

from ..db import session_scope
from ..services.accounts import tokens as token_service
from ..services.accounts import users as user_service
from ..services.accounts.actors import Actor
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx


@main_group.group("tokens")
def tokens_group() -> None:
    """Manage API tokens (sent as `Authorization: Bearer TOKEN`)."""


def _user(session, username: str):
    user = user_service.find_user(session, username)
    if user is None:
        raise CliError(f"no user named {username!r}")
    return user


def _row(token) -> dict:
    return {
        "id": token.id,
        "user_id": token.user_id,
        "name": token.name,
        "created_at": token.created_at.isoformat(),
        "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
        "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
    }


@tokens_group.command("create")
@click.argument("username")
@click.option("--name", default="", help="What the token is for, e.g. the integration's name.")
@FORMAT_OPTION
@pass_ctx
def create(ctx: AppContext, username: str, name: str, fmt: str) -> None:
    """Create a token for USERNAME and print it. It is shown this once only."""
    with session_scope(ctx.engine) as session:
        row, token = token_service.create_token(session, Actor.system(), _user(session, username), name=name)
        data = {"id": row.id, "user": username, "name": row.name, "token": token}
    if fmt == "json":
        emit_json(data)
    else:
        click.echo(token)


@tokens_group.command("list")
@click.argument("username")
@FORMAT_OPTION
@pass_ctx
def list_tokens(ctx: AppContext, username: str, fmt: str) -> None:
    """List USERNAME's tokens (never the tokens themselves)."""
    with session_scope(ctx.engine) as session:
        rows = [_row(t) for t in token_service.list_tokens(session, _user(session, username).id)]
    if fmt == "json":
        emit_json(rows)
        return
    for row in rows:
        state = f"revoked {row['revoked_at']}" if row["revoked_at"] else f"last used {row['last_used_at'] or 'never'}"
        click.echo(f"{row['id']:>4}  {row['name'] or '-':<24} created {row['created_at']}  {state}")


@tokens_group.command("revoke")
@click.argument("token_id", type=click.IntRange(1, 2**31 - 1))
@FORMAT_OPTION
@pass_ctx
def revoke(ctx: AppContext, token_id: int, fmt: str) -> None:
    """Revoke token TOKEN_ID: requests using it get 401 from now on."""
    with session_scope(ctx.engine) as session:
        data = _row(token_service.revoke_token(session, Actor.system(), token_id))
    if fmt == "json":
        emit_json(data)
    else:
        click.echo(f"revoked token {token_id}")
