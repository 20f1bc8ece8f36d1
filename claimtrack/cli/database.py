from __future__ import annotations

from pathlib import Path

import click

from .. import backup, migrate
from ..services.demo.load import load_demo
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx


@main_group.group("db")
def db_group() -> None:
    """Database schema commands."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
@pass_ctx
def upgrade(ctx: AppContext, revision: str) -> None:
    """Apply migrations up to REVISION."""
    migrate.upgrade(ctx.config["DATABASE_URL"], revision)
    click.echo(f"database at revision {migrate.current_revision(ctx.engine)}", err=True)


@db_group.command("downgrade")
@click.option("--revision", default="-1", show_default=True, help="Target revision ('base' removes every table).")
@pass_ctx
def downgrade(ctx: AppContext, revision: str) -> None:
    """Revert migrations down to REVISION."""
    migrate.downgrade(ctx.config["DATABASE_URL"], revision)
    click.echo(f"database at revision {migrate.current_revision(ctx.engine) or 'base'}", err=True)


@db_group.command("current")
@FORMAT_OPTION
@pass_ctx
def current(ctx: AppContext, fmt: str) -> None:
    """Show the database's revision and the newest one available."""
    data = {"current": migrate.current_revision(ctx.engine), "head": migrate.head_revision()}
    if fmt == "json":
        emit_json(data)
    else:
        click.echo(f"current: {data['current'] or 'base'}\nhead:    {data['head']}")


@main_group.command("demo")
@FORMAT_OPTION
@pass_ctx
def demo(ctx: AppContext, fmt: str) -> None:
    """Load the demo articles and one demo user per role (safe to run again)."""
    logins, reports = load_demo(ctx.engine, max_body_chars=int(ctx.config["MAX_BODY_CHARS"]))
    failed = [r for r in reports if r.error]
    if fmt == "json":
        emit_json(
            {
                "users": [
                    {"username": login.username, "role": login.role, "created": login.created} for login in logins
                ],
                "articles": [r.to_dict() for r in reports],
            }
        )
    else:
        new = sum(1 for r in reports if not r.error and not r.duplicate)
        click.echo(
            f"demo articles: {new} imported, {len(reports) - new - len(failed)} already there, {len(failed)} failed"
        )
        click.echo("demo logins:")
        for login in logins:
            click.echo(f"  {login.role:<9} {login.username:<9} password: {login.password}")
    for report in failed:
        click.echo(f"error: {report.error}", err=True)
    if failed:
        raise SystemExit(1)


@db_group.command("backup")
@click.argument("target", type=click.Path(path_type=Path, dir_okay=False))
@pass_ctx
def backup_cmd(ctx: AppContext, target: Path) -> None:
    """Copy the SQLite database to TARGET while the app keeps serving."""
    try:
        size = backup.backup(ctx.config["DATABASE_URL"], target)
    except backup.BackupError as exc:
        raise CliError(str(exc)) from None
    click.echo(f"backed up to {target} ({size:,} bytes)", err=True)


@db_group.command("restore")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--yes", is_flag=True, help="Confirm replacing the current database.")
@pass_ctx
def restore_cmd(ctx: AppContext, source: Path, yes: bool) -> None:
    """Replace the SQLite database with the backup SOURCE (stop the app servers first)."""
    if not yes:
        raise CliError("restoring replaces every row of the current database; add --yes to confirm")
    try:
        backup.restore(ctx.config["DATABASE_URL"], source)
    except backup.BackupError as exc:
        raise CliError(str(exc)) from None
    click.echo(f"restored from {source}", err=True)
