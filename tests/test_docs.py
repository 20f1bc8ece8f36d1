"""The README documents every setting and every command, so neither can be added
without its documentation (in the manner of datasette's documentation tests)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from claimtrack.cli import cli
from claimtrack.config import DEFAULTS, ENV_PREFIX

README = Path(__file__).resolve().parent.parent / "README.md"


def section(text: str, heading: str) -> str:
    """The body of the `## heading` section of a Markdown text."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"README.md has no '## {heading}' section"
    return match.group(1)


def commands(group: click.Group, path: tuple[str, ...] = ("claimtrack",)) -> Iterator[str]:
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield " ".join((*path, name))


def undocumented_settings(settings: list[str], text: str) -> list[str]:
    table = section(text, "Configuration")
    return [key for key in settings if f"`{ENV_PREFIX}_{key}`" not in table]


def undocumented_commands(names: list[str], text: str) -> list[str]:
    table = section(text, "Commands")
    # `claimtrack import` must not count as documented by `claimtrack import-factchecks`.
    return [name for name in names if not re.search(rf"`{re.escape(name)}(?![\w-])", table)]


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_every_setting_is_in_the_configuration_table(readme):
    assert undocumented_settings(sorted(DEFAULTS), readme) == []


def test_every_command_is_in_the_commands_table(readme):
    names = list(commands(cli))
    assert len(names) > 10 and "claimtrack db upgrade" in names
    assert undocumented_commands(names, readme) == []


def test_the_checks_see_what_is_missing():
    text = (
        "## Configuration\n| `CLAIMTRACK_PAGE_SIZE` | 50 |\n## Commands\n| `claimtrack import-factchecks` |\n"
        "## Other\n`CLAIMTRACK_SECRET_KEY` and `claimtrack import`\n"
    )
    assert undocumented_settings(["PAGE_SIZE", "SECRET_KEY"], text) == ["SECRET_KEY"]
    assert undocumented_commands(["claimtrack import", "claimtrack import-factchecks"], text) == ["claimtrack import"]
