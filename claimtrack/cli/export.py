"""`claimtrack export`: published fact-checks as ClaimReview JSON-LD (or the Fact Check
Tools payload), streamed to a file or standard output."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import IO, Any

import click
from sqlmodel import Session

from ..claimreview import embeddable_json, factcheck_api_page
from ..services.publishing import feed as publishing
from ..services.publishing import settings as instance_settings
from .base import AppContext, CliError, main_group, pass_ctx


@main_group.group("export")
def export_group() -> None:
    """Write the desk's data and published fact-checks in exchange formats."""


def _since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"--since must be a date like 2026-01-31, not {value!r}") from None
    return datetime.combine(day, time.min, tzinfo=UTC)


def write_array(items: Iterable[Any], out: IO[str]) -> int:
    """Write a JSON array one element at a time, so nothing but the current element is
    held in memory. Returns how many were written."""
    count = 0
    out.write("[")
    for item in items:
        out.write(",\n" if count else "\n")
        out.write(embeddable_json(item))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _run(ctx: AppContext, out_path: Path | None, since: str | None, make: str) -> None:
    since_at = _since(since)
    # A plain reading session: an export must not hold SQLite's write lock while it streams.
    with Session(ctx.engine) as session:
        # The stored instance settings apply here too (the environment still wins).
        config = instance_settings.effective(session, ctx.config)
        settings = publishing.Settings.from_config(config)  # a missing base URL fails before any output
        if make == "claimreview":
            items = publishing.iter_claimreviews(session, config, since=since_at)
        else:
            items = (
                factcheck_api_page(publishing.review_of(row, settings))
                for row in publishing.iter_published(session, since=since_at)
            )
        if out_path is None:
            count = write_array(items, sys.stdout)
        else:
            tmp = out_path.with_name(out_path.name + ".part")
            try:
                with tmp.open("w", encoding="utf-8") as fh:
                    count = write_array(items, fh)
                tmp.replace(out_path)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise CliError(f"{out_path}: cannot write ({exc.strerror or exc})") from None
    click.echo(f"{count} published fact-check{'' if count == 1 else 's'} exported", err=True)


@export_group.command("claimreview")
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE instead of standard output.",
)
@click.option("--since", default=None, metavar="DATE", help="Only verdicts published on or after DATE (YYYY-MM-DD).")
@pass_ctx
def claimreview_cmd(ctx: AppContext, out_path: Path | None, since: str | None) -> None:
    """Every published fact-check as a JSON array of schema.org ClaimReview objects."""
    _run(ctx, out_path, since, "claimreview")


@export_group.command("factcheck-api")
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE instead of standard output.",
)
@click.option("--since", default=None, metavar="DATE", help="Only verdicts published on or after DATE (YYYY-MM-DD).")
@pass_ctx
def factcheck_api_cmd(ctx: AppContext, out_path: Path | None, since: str | None) -> None:
    """Every published fact-check as a JSON array of Fact Check Tools write-API pages."""
    _run(ctx, out_path, since, "factcheck-api")
