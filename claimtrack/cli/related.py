from __future__ import annotations

import click

from ..db import session_scope
from ..services.linking import related as related_service
from ..services.linking import settings as match_settings
from .base import FORMAT_OPTION, AppContext, CliError, emit_json, main_group, pass_ctx


def _app_config():
    """Commands that import articles match new claims with this app's thresholds."""
    ctx = click.get_current_context(silent=True)
    app_ctx = ctx.find_object(AppContext) if ctx is not None else None
    return app_ctx.config if app_ctx is not None else None


match_settings.add_config_source(_app_config)


@main_group.command("related")
@click.argument("claim_id", required=False, type=int)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="List every suggested or confirmed link between claims of different articles.",
)
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="Most related claims to show."
)
@click.option(
    "--min-score",
    "min_score",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Search the index afresh and show claims scoring at least this (0 to 1).",
)
@click.option(
    "--reindex",
    is_flag=True,
    help="Index claims missing from the matching index or edited since, and suggest links for them.",
)
@click.option(
    "--full",
    is_flag=True,
    help="With --reindex: index every claim afresh and re-score every suggestion (after the matching rules changed).",
)
@FORMAT_OPTION
@pass_ctx
def related_cmd(
    ctx: AppContext,
    claim_id: int | None,
    show_all: bool,
    limit: int,
    min_score: float | None,
    reindex: bool,
    full: bool,
    fmt: str,
) -> None:
    """Claims from other coverage related to CLAIM_ID, best first.

    Without --min-score the stored links are shown (suggested on import, or confirmed
    by a reviewer). Dismissed links never appear.
    """
    if full and not reindex:
        raise CliError("--full goes with --reindex")
    if sum((claim_id is not None, show_all, reindex)) != 1:
        raise CliError("give one of CLAIM_ID, --all or --reindex")
    settings = match_settings.from_config(ctx.config)
    if reindex:
        _reindex(ctx, settings, fmt, full=full)
    elif show_all:
        _all_links(ctx, fmt)
    else:
        _one_claim(ctx, claim_id, limit, min_score, settings, fmt)


def _one_claim(
    ctx: AppContext,
    claim_id: int,
    limit: int,
    min_score: float | None,
    settings: match_settings.MatchSettings,
    fmt: str,
) -> None:
    with session_scope(ctx.engine) as session:
        items = related_service.related_for_claim(
            session, claim_id, limit=limit, min_score=min_score, settings=settings
        )
        rows = [
            {
                "link_id": item.link_id,
                "claim_id": item.claim.id,
                "article_id": item.article.id,
                "article_title": item.article.title,
                "outlet": item.outlet_name,
                "text": item.claim.text,
                "speaker": item.speaker,
                "score": item.score,
                "relation": item.relation,
                "numeric": item.numeric,
                "state": item.state,
                "reasons": item.reasons,
            }
            for item in items
        ]
        note = related_service.furniture_note(session, claim_id)
    if fmt == "json":
        emit_json(rows)
        return
    if note:
        click.echo(f"Claim #{claim_id} is not linked: {note}.")
    elif not rows:
        click.echo(f"No related claims for claim #{claim_id}.")
    for row in rows:
        numbers = f", numbers {row['numeric']}" if row["numeric"] else ""
        link = f"link {row['link_id']}" if row["link_id"] else "not stored"
        click.echo(
            f"#{row['claim_id']}  {row['relation']}{numbers}  score {row['score']:.2f}  "
            f"{row['state']} ({link})  {row['outlet'] or 'unknown outlet'}"
            f"{' · ' + row['speaker'] if row['speaker'] else ''}"
        )
        click.echo(f"    {row['text']}")
        for reason in row["reasons"]:
            click.echo(f"    · {reason}")


def _all_links(ctx: AppContext, fmt: str) -> None:
    with session_scope(ctx.engine) as session:
        links = list(related_service.all_links(session))
    if fmt == "json":
        emit_json([link.to_dict() for link in links])
        return
    for link in links:
        numbers = f", numbers {link.numeric}" if link.numeric else ""
        click.echo(
            f"link {link.link_id}: #{link.a.claim_id} ~ #{link.b.claim_id}  {link.relation}{numbers}  "
            f"score {link.score:.2f}  {link.state}"
        )
        click.echo(f"    a: {_short(link.a.text)}")
        click.echo(f"    b: {_short(link.b.text)}")
    click.echo(f"{len(links)} links", err=True)


def _reindex(ctx: AppContext, settings: match_settings.MatchSettings, fmt: str, *, full: bool) -> None:
    claims, last = 0, 0
    while True:  # one transaction per batch, so a long run never holds the lock for long
        with session_scope(ctx.engine) as session:
            if full:
                ids = related_service.reindex_all(session, settings, after=last)
                done, last = len(ids), (ids[-1] if ids else last)
            else:
                done = related_service.reindex(session, settings)
        if not done:
            break
        claims += done
    if fmt == "json":
        emit_json({"claims_indexed": claims})
    else:
        click.echo(f"{claims} claims indexed")


def _short(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
