"""`claimtrack report NAME`: the editors' reports as CSV or JSON, the same data the
web downloads give."""

from __future__ import annotations

import click
from sqlmodel import Session

from ..services.reports import catalogue
from .base import AppContext, emit_json, main_group, pass_ctx


@main_group.command("report")
@click.argument("name", type=click.Choice(catalogue.REPORT_NAMES))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--article", default=None, help="Article id (the article report needs one).")
@click.option("--from", "date_from", default=None, metavar="DATE", help="Claims from articles dated on or after DATE.")
@click.option("--to", "date_to", default=None, metavar="DATE", help="... and on or before DATE.")
@click.option("--outlet", default=None, help="Outlet id.")
@click.option("--claimant", default=None, help="Claimant id.")
@click.option("--reviewer", default=None, help="Reviewer (user) id.")
@pass_ctx
def report_cmd(
    ctx: AppContext,
    name: str,
    fmt: str,
    article: str | None,
    date_from: str | None,
    date_to: str | None,
    outlet: str | None,
    claimant: str | None,
    reviewer: str | None,
) -> None:
    """Print report NAME: article, overview, claimants, workload or conflicts."""
    args = {
        "article": article,
        "from": date_from,
        "to": date_to,
        "outlet": outlet,
        "claimant": claimant,
        "reviewer": reviewer,
    }
    with Session(ctx.engine) as session:
        report = catalogue.build(session, name, ctx.config, args)
        if fmt == "json":
            emit_json(report.to_json())
        else:
            click.echo(report.to_csv(), nl=False)
