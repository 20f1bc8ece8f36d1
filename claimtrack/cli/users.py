from __future__ import annotations

import sys

import click

from ..db import session_scope
from ..models import ROLES
from ..services.accounts import users as user_service
from ..services.accounts.actors import Actor
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx


@main_group.group("users")
def users_group() -> None:
    """Manage user accounts."""


@users_group.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the user may do.")
@click.option("--display-name", default="", help="Name shown in the UI.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of prompting.")
@FORMAT_OPTION
@pass_ctx
def create(ctx: AppContext, name: str, role: str, display_name: str, password_stdin: bool, fmt: str) -> None:
    """Create user NAME; the password is prompted for (at least 12 characters)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError("no password on standard input")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    with session_scope(ctx.engine) as session:
        user = user_service.create_user(session, Actor.system(), name, password, role=role, display_name=display_name)
        data = {"id": user.id, "username": user.username, "role": user.role}
    if fmt == "json":
        emit_json(data)
    else:
        click.echo(f"created {data['role']} {data['username']} (id {data['id']})")


@users_group.command("list")
@FORMAT_OPTION
@pass_ctx
def list_users(ctx: AppContext, fmt: str) -> None:
    """List user accounts."""
    with session_scope(ctx.engine) as session:
        rows = [
            {"id": u.id, "username": u.username, "display_name": u.display_name, "role": u.role, "active": u.is_active}
            for u in user_service.list_users(session)
        ]
    if fmt == "json":
        emit_json(rows)
        return
    for row in rows:
        state = "" if row["active"] else "  (inactive)"
        click.echo(f"{row['id']:>4}  {row['username']:<20} {row['role']:<9} {row['display_name']}{state}")


def _show(user, fmt: str, done: str) -> None:
    data = {"id": user.id, "username": user.username, "role": user.role, "active": user.is_active}
    if fmt == "json":
        emit_json(data)
    else:
        click.echo(
            f"{done} {data['username']} (id {data['id']}, {data['role']}{'' if data['active'] else ', inactive'})"
        )


@users_group.command("deactivate")
@click.argument("name")
@FORMAT_OPTION
@pass_ctx
def deactivate(ctx: AppContext, name: str, fmt: str) -> None:
    """Keep user NAME out: log-in is refused, their sessions end and their API tokens
    are revoked for good. Their record and history stay."""
    with session_scope(ctx.engine) as session:
        user = user_service.set_active(session, Actor.system(), name, False)
        _show(user, fmt, "deactivated")


@users_group.command("activate")
@click.argument("name")
@FORMAT_OPTION
@pass_ctx
def activate(ctx: AppContext, name: str, fmt: str) -> None:
    """Let a deactivated user NAME log in again (old sessions and tokens stay dead)."""
    with session_scope(ctx.engine) as session:
        user = user_service.set_active(session, Actor.system(), name, True)
        _show(user, fmt, "activated")


@users_group.command("set-role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
@FORMAT_OPTION
@pass_ctx
def set_role(ctx: AppContext, name: str, role: str, fmt: str) -> None:
    """Give user NAME another ROLE (audited with the old and new role)."""
    with session_scope(ctx.engine) as session:
        user = user_service.set_role(session, Actor.system(), name, role)
        _show(user, fmt, "updated")
