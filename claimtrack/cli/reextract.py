from __future__ import annotations

import click
from sqlmodel import Session

from ..database import session_scope, writer
from ..services.accounts.actors import Actor
from ..services.articles import reextract as reextract_service
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx
from .progress import terminal_progress


@main_group.command("reextract")
@click.option("--article", "article_id", type=click.IntRange(1, 2**31 - 1), default=None, help="Only this article.")
@click.option("--outlet", default=None, help="Only the articles of the outlet with this name.")
@click.option("--dry-run", "dry_run", is_flag=True, help="Show what would change, and change nothing.")
@FORMAT_OPTION
@pass_ctx
def reextract_cmd(ctx: AppContext, article_id: int | None, outlet: str | None, dry_run: bool, fmt: str) -> None:
    """Read stored articles again with the current extractor.

    Claims a reviewer has touched (reviewed, assigned, edited, drawn by hand, with
    sources, verdicts, decided links or any audited change) stay exactly as they are;
    the others are replaced by the new reading, and new claims overlapping a touched one
    are left out. One transaction per article; running it twice changes nothing.
    """
    if article_id is not None and outlet is not None:
        raise CliError("give --article or --outlet, not both")
    actor = Actor.system("cli")
    with session_scope(ctx.engine) as session:
        ids = reextract_service.article_ids(session, article_id=article_id, outlet=outlet)
    changes = []
    bar = terminal_progress("re-extracting")
    for done, one in enumerate(ids, start=1):
        if dry_run:
            with Session(writer(ctx.engine), expire_on_commit=False) as session:
                try:
                    changes.append(reextract_service.reextract_article(session, actor, one))
                finally:
                    session.rollback()
        else:
            with session_scope(ctx.engine) as session:
                changes.append(reextract_service.reextract_article(session, actor, one))
        if bar:
            bar(done, len(ids))
    changed = [c for c in changes if c.changed]
    if fmt == "json":
        emit_json(
            {
                "dry_run": dry_run,
                "articles": len(changes),
                "changed": len(changed),
                "changes": [c.to_dict() for c in changed],
            }
        )
        return
    verb = "would change" if dry_run else "changed"
    for c in changed:
        click.echo(
            f"article {c.article_id}: {len(c.added)} added, {len(c.updated)} updated, "
            f"{len(c.removed)} removed, {len(c.touched)} touched kept  {c.title}"
        )
    click.echo(f"{len(changes)} articles read, {len(changed)} {verb}", err=True)
