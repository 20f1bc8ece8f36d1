from __future__ import annotations

import json
from typing import Any

import click
from flask import Flask

from .. import create_app
from ..db import engine_for


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class AppContext:
    """Builds the application (configuration, engine) once, on first use."""

    def __init__(self) -> None:
        self._app: Flask | None = None

    @property
    def app(self) -> Flask:
        if self._app is None:
            self._app = create_app()
        return self._app

    @property
    def engine(self):
        return engine_for(self.app)

    @property
    def config(self) -> dict[str, Any]:
        return self.app.config


pass_ctx = click.make_pass_decorator(AppContext, ensure=True)

FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimtrack")
@click.pass_context
def main_group(ctx: click.Context) -> None:
    """claimtrack: track fact-check claims across news coverage."""
    ctx.ensure_object(AppContext)
