from __future__ import annotations

import click

from .base import AppContext, main_group, pass_ctx


@main_group.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads.")
@pass_ctx
def serve(ctx: AppContext, host: str, port: int, threads: int) -> None:
    """Serve the web application with a production WSGI server (waitress)."""
    from waitress import serve as waitress_serve

    app = ctx.app
    click.echo(f"claimtrack serving on http://{host}:{port} (Ctrl+C to stop)", err=True)
    waitress_serve(app, host=host, port=port, threads=threads, ident="claimtrack")
