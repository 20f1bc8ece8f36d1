"""`claimtrack export claims|verdicts|links|factchecks`: the desk's data streamed to a
file or standard output in CSV, JSON Lines (and, for fact-checks, ClaimReview, the Fact
Check Tools payload or a DataFeed), with the review queue's filters."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from sqlmodel import Session

from ..services.accounts.actors import Actor
from ..services.exports import filters as export_filters
from ..services.exports.streams import formats_for, open_export
from ..services.publishing import settings as instance_settings
from .base import AppContext, CliError, pass_ctx
from .export import export_group


def _write(chunks, out_path: Path | None) -> int:
    written = 0
    if out_path is None:
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
            written += len(chunk)
        sys.stdout.buffer.flush()
        return written
    # Written beside the target and renamed at the end: a failed export leaves no half file.
    tmp = out_path.with_name(out_path.name + ".part")
    try:
        with tmp.open("wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
                written += len(chunk)
        tmp.replace(out_path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CliError(f"{out_path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return written


def _command(dataset: str) -> click.Command:
    @click.option("--format", "fmt", type=click.Choice(formats_for(dataset)), default="csv", show_default=True)
    @click.option(
        "--out",
        "out_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write to FILE instead of standard output.",
    )
    @click.option("--q", default=None, help="Words in the claim, its speaker or the article title.")
    @click.option("--status", default=None, help="Claim status (unreviewed, in_review, ...).")
    @click.option("--outlet", default=None, help="Outlet id.")
    @click.option("--claimant", default=None, help="Claimant id.")
    @click.option("--assignee", default=None, help="User id, or 'none' for unassigned claims.")
    @click.option("--from", "date_from", default=None, metavar="DATE", help="Articles dated on or after DATE.")
    @click.option("--to", "date_to", default=None, metavar="DATE", help="... and on or before DATE.")
    @click.option("--conflict", is_flag=True, help="Only claims with a numeric conflict.")
    @pass_ctx
    def run(
        ctx: AppContext,
        fmt: str,
        out_path: Path | None,
        q,
        status,
        outlet,
        claimant,
        assignee,
        date_from,
        date_to,
        conflict: bool,
    ) -> None:
        args = {
            "q": q,
            "status": status,
            "outlet": outlet,
            "claimant": claimant,
            "assignee": assignee,
            "from": date_from,
            "to": date_to,
            "conflict": "1" if conflict else None,
        }
        # A plain reading session: an export must not hold SQLite's write lock while it streams.
        with Session(ctx.engine) as session:
            config = instance_settings.effective(session, ctx.config)
            export = open_export(session, Actor.system("cli"), dataset, fmt, export_filters.parse(args), config)
            size = _write(export.chunks, out_path)
        click.echo(f"{dataset} exported as {fmt} ({size} bytes)", err=True)

    run.__doc__ = {
        "claims": "Every claim matching the filters (all statuses unless --status).",
        "verdicts": "Every verdict version of the matching claims: drafts, returns and corrections too.",
        "links": "Links (suggested, confirmed, dismissed) touching a matching claim.",
        "factchecks": "Live published fact-checks of the matching claims.",
    }[dataset]
    return export_group.command(dataset)(run)


for _name in ("claims", "verdicts", "links", "factchecks"):
    _command(_name)
