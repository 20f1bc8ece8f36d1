from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path

import click

from ..amounts import describe_amount
from ..db import session_scope
from ..ingest import read_bytes
from ..ingest.prepare import prepare
from ..services.accounts import users as user_service
from ..services.accounts.actors import Actor
from ..services.articles.bulk_import import ImportReport, import_items, iter_items
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx


@main_group.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--as-user", "as_user", default=None, help="Record the import as done by this user.")
@click.option(
    "--workers", type=click.IntRange(1, 64), default=None, help="Extraction processes (default: one per core)."
)
@FORMAT_OPTION
@pass_ctx
def import_cmd(ctx: AppContext, paths: tuple[Path, ...], as_user: str | None, workers: int | None, fmt: str) -> None:
    """Import articles from files or folders (.txt, .html, .json, .jsonl).

    Each article is stored in its own transaction with the claims extracted from it; an
    article already stored is reported as a duplicate. Folders are searched recursively
    (see README for manifest.json and .claimtrackignore). Exits 1 if any file failed.
    """
    actor = Actor.system("cli")
    if as_user:
        with session_scope(ctx.engine) as session:
            user = user_service.find_user(session, as_user)
            if user is None:
                raise CliError(f"no user named {as_user!r}")
            actor = Actor.of(user)
    # Streamed: a feed of any size is read article by article, never into a list.
    stream = iter_items(paths)
    first = next(stream, None)
    if first is None:
        raise CliError("no article files found (looked for .txt, .html, .json, .jsonl)")
    items = itertools.chain([first], stream)
    reports = _run(ctx, actor, items, workers, verbose=(fmt == "text"))
    failed = [r for r in reports if r.error]
    if fmt == "json":
        emit_json([r.to_dict() for r in reports])
    new = sum(1 for r in reports if not r.error and not r.duplicate)
    dup = sum(1 for r in reports if r.duplicate)
    click.echo(f"{new} imported, {dup} duplicates, {len(failed)} failed", err=True)
    if failed:
        raise SystemExit(1)


def _run(ctx: AppContext, actor: Actor, items: Iterable, workers: int | None, *, verbose: bool) -> list[ImportReport]:
    """Import, with a progress bar on stderr when it is a terminal."""
    run = partial(
        import_items, ctx.engine, actor, items, max_body_chars=int(ctx.config["MAX_BODY_CHARS"]), workers=workers
    )
    if not sys.stderr.isatty():
        return list(run(on_done=partial(_report_line, verbose=verbose)))
    reports = []
    with click.progressbar(run(), label="importing", file=sys.stderr) as bar:
        reports.extend(bar)
    for report in reports:
        _report_line(report, verbose=verbose)
    return reports


def _report_line(report: ImportReport, *, verbose: bool) -> None:
    if report.error:
        click.echo(f"error: {report.error}", err=True)
    elif not verbose:
        return
    elif report.duplicate:
        click.echo(f"duplicate  {report.path}  (article {report.article_id})")
    else:
        click.echo(f"imported   {report.path}  (article {report.article_id}, {report.claims} claims)")


@main_group.command("extract")
@click.argument("source", type=click.Path(allow_dash=True, path_type=str))
@FORMAT_OPTION
@pass_ctx
def extract_cmd(ctx: AppContext, source: str, fmt: str) -> None:
    """Extract claims from FILE (or - for standard input) without storing anything.

    Standard input is read as a plain-text article laid out like a .txt file.
    """
    if source == "-":
        data, where, suffix = sys.stdin.buffer.read(), "<stdin>", ".txt"
    else:
        path = Path(source)
        if not path.is_file():
            raise CliError(f"{source}: no such file")
        data, where, suffix = path.read_bytes(), source, path.suffix.lower()
    items = list(read_bytes(data, where=where, suffix=suffix))
    if not items:
        raise CliError(f"{where}: no article found")
    results = []
    for item in items:
        if item.error is not None:
            raise item.error
        prepared = prepare(item.article, max_body_chars=int(ctx.config["MAX_BODY_CHARS"]))
        doc = prepared.result.to_dict()
        doc["title"] = prepared.title
        doc["byline"] = prepared.byline
        doc["published"] = prepared.published_at.date().isoformat() if prepared.published_at else doc.get("published")
        results.append(doc)
    if fmt == "json":
        emit_json(results[0] if len(results) == 1 else results)
        return
    for doc in results:
        _print_text(doc)


def _print_text(doc: dict) -> None:
    click.echo(doc["title"])
    if doc.get("byline"):
        click.echo(f"By {doc['byline']}")
    click.echo("")
    for i, claim in enumerate(doc["claims"]):
        who = claim["speaker"] or "(reporter)"
        repeat = f"  [repeat of {claim['repeat_of']}]" if claim["repeat_of"] is not None else ""
        click.echo(
            f"{i:>3}. [{claim['kind']}, {claim['checkworthiness']:.2f}] {who}"
            f"{' — ' + claim['cue'] if claim['cue'] else ''}{repeat}"
        )
        click.echo(f"     {claim['text']}")
        for q in claim["quantities"]:
            approx = "~" if q["approx"] and q["low"] == q["high"] else ""
            change = f" ({q['change']})" if q["change"] else ""
            amount = describe_amount(q["value"], q["low"], q["high"], q["unit"])
            click.echo(f"       · {q['text']}: {approx}{amount}{change}")
