from __future__ import annotations

import sys
from pathlib import Path

import click

from ..archive_search.readers import ArchiveFormatError, read_archive
from ..db import session_scope
from ..services.accounts import users as user_service
from ..services.accounts.actors import Actor
from ..services.archive import factchecks as service
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx


@main_group.command("import-factchecks")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--publisher", default=None, help="Publisher for rows that name none (part of their identity).")
@click.option("--as-user", "as_user", default=None, help="Record the import as done by this user.")
@FORMAT_OPTION
@pass_ctx
def import_factchecks_cmd(ctx: AppContext, path: Path, publisher: str | None, as_user: str | None, fmt: str) -> None:
    """Import published fact-checks from PATH as reference claims.

    ClaimReview JSON-LD (.json/.jsonld: an object, a list, a feed or an @graph; .jsonl:
    one a line) or a table (.tsv/.csv; columns found by header name, see README).
    Importing the same archive again updates changed rows and never duplicates them.
    Bad rows are reported with file and line; the rest load; exits 1 if any failed.
    """
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    try:
        rows = read_archive(path.read_bytes(), str(path), path.suffix)
    except ArchiveFormatError as exc:
        raise CliError(str(exc)) from None
    with session_scope(ctx.engine) as session:
        actor = Actor.system("cli")
        if as_user:
            user = user_service.find_user(session, as_user)
            if user is None:
                raise CliError(f"no user named {as_user!r}")
            actor = Actor.of(user)
        summary = service.import_factchecks(session, actor, rows, source=str(path), publisher=publisher)
    for error in summary.errors:
        click.echo(f"error: {error}", err=True)
    if fmt == "json":
        emit_json(summary.to_dict())
    click.echo(
        f"{summary.created} imported, {summary.updated} updated, {summary.unchanged} unchanged, "
        f"{summary.failed} failed",
        err=True,
    )
    if summary.failed:
        raise SystemExit(1)


@main_group.command("match")
@click.argument("text", required=False)
@click.option("--stdin", "from_stdin", is_flag=True, help="Read the text from standard input.")
@click.option("--limit", type=click.IntRange(1, service.MAX_LIMIT), default=10, show_default=True)
@FORMAT_OPTION
@pass_ctx
def match_cmd(ctx: AppContext, text: str | None, from_stdin: bool, limit: int, fmt: str) -> None:
    """Rank stored claims and reference fact-checks most like TEXT: has it been checked?"""
    if from_stdin == (text is not None):
        raise CliError("give the text as an argument or with --stdin (not both)", 2)
    if from_stdin:
        text = sys.stdin.read()
    with session_scope(ctx.engine) as session:
        results = service.match_text(session, text or "", limit)
    if fmt == "json":
        emit_json([r.to_dict() for r in results])
        return
    if not results:
        click.echo("no match")
    for n, r in enumerate(results, 1):
        ref = f" [{r.external_id}]" if r.external_id else ""
        click.echo(f"{n:>2}. {r.score:.3f} {r.kind} {r.id}{ref}: {r.text}")
        if r.rating or r.url:
            click.echo(f"     {r.rating or 'no rating'}  {r.url or ''}".rstrip())
