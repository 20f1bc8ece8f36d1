"""The `claimtrack` command line.

Every command exits non-zero with a one-line `error: …` message on failure, and
commands whose output is data take `--format json`.
"""

from __future__ import annotations

import sys

import click
from sqlalchemy.exc import OperationalError, ProgrammingError

from ..errors import DomainError
from . import (  # noqa: F401 - registers the commands
    content,
    database,
    export,
    exports,
    factchecks,
    monitoring,
    reextract,
    related,
    reports,
    server,
    tokens,
    users,
    webhooks,
    worker,
)
from .base import CliError, main_group

cli = main_group


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="claimtrack", standalone_mode=False)
    except click.exceptions.Abort:
        _fail("aborted", 130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except CliError as exc:
        _fail(str(exc), exc.exit_code)
    except DomainError as exc:
        _fail(exc.message)
    except (OperationalError, ProgrammingError) as exc:
        _fail(_database_message(exc))
    except KeyboardInterrupt:
        _fail("interrupted", 130)


def _database_message(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)).splitlines()[0]
    if "no such table" in text or "does not exist" in text:
        return f"the database is not set up ({text}); run `claimtrack db upgrade` first"
    return f"database error: {text}"


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)
