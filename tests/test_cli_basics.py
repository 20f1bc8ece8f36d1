import json

import pytest
from click.testing import CliRunner
from sqlmodel import select

from claimtrack.cli import cli, main
from claimtrack.db import make_engine, session_scope
from claimtrack.models import AuditEvent, User
from claimtrack.services.accounts.passwords import verify_password


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


def _command_paths(group=cli, prefix=()):
    """Every command and group, found by walking the CLI itself, so a new command is
    covered without editing this test."""
    yield list(prefix)
    for name, command in getattr(group, "commands", {}).items():
        yield from _command_paths(command, (*prefix, name))


@pytest.mark.parametrize("args", list(_command_paths()), ids=lambda a: " ".join(a) or "claimtrack")
def test_every_command_has_help(args):
    result = run([*args, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if args:  # the command's own description, not an empty help page
        assert result.output.split("Options:")[0].count("\n") > 2, result.output


def test_the_walk_finds_the_documented_commands():
    names = {" ".join(p) for p in _command_paths()}
    assert {
        "import",
        "extract",
        "demo",
        "serve",
        "db upgrade",
        "db backup",
        "users create",
        "tokens create",
        "related",
        "match",
        "import-factchecks",
        "export claimreview",
        "report",
    } <= names


def test_users_create_with_password_on_stdin(cli_env, engine):
    result = run(
        ["users", "create", "maria", "--role", "editor", "--password-stdin", "--format", "json"],
        input="a long enough secret\n",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["username"] == "maria" and data["role"] == "editor"
    with session_scope(engine) as s:
        user = s.exec(select(User).where(User.username == "maria")).one()
        assert user.password_hash.startswith("$argon2id$")
        assert verify_password(user.password_hash, "a long enough secret")
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "user.create")).all()
        assert [e.after["username"] for e in events] == ["maria"]


def test_users_create_prompts_for_password(cli_env, engine):
    result = run(["users", "create", "omar", "--role", "reviewer"], input="another long secret\nanother long secret\n")
    assert result.exit_code == 0, result.output
    listing = json.loads(run(["users", "list", "--format", "json"]).stdout)
    assert [(u["username"], u["role"]) for u in listing] == [("omar", "reviewer")]


def _main(args, capsys):
    """Run the real entry point (with its error handling) and capture its output."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    return exc.value.code, capsys.readouterr()


def test_short_password_is_a_one_line_error(cli_env, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"short\n")))
    code, out = _main(["users", "create", "kim", "--role", "viewer", "--password-stdin"], capsys)
    assert code == 1
    assert out.err.strip() == "error: password must be at least 12 characters"


def test_duplicate_user_and_bad_role_are_refused(cli_env, capsys, monkeypatch):
    import io
    import sys

    first = run(["users", "create", "kim", "--role", "viewer", "--password-stdin"], input="a long enough secret\n")
    assert first.exit_code == 0
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a long enough secret\n")))
    code, out = _main(["users", "create", "kim", "--role", "viewer", "--password-stdin"], capsys)
    assert code == 1 and out.err.strip() == "error: user 'kim' already exists"
    bad = run(["users", "create", "lee", "--role", "boss", "--password-stdin"], input="x" * 20)
    assert bad.exit_code == 2 and "'boss' is not one of" in bad.output


def test_unmigrated_database_gives_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMTRACK_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    monkeypatch.setenv("CLAIMTRACK_INSTANCE_PATH", str(tmp_path))
    code, out = _main(["users", "list"], capsys)
    assert code == 1
    assert out.err.startswith("error: the database is not set up")
    assert "claimtrack db upgrade" in out.err
    assert out.err.count("\n") == 1


def test_db_upgrade_and_downgrade_commands(empty_database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_DATABASE_URL", empty_database_url)
    monkeypatch.setenv("CLAIMTRACK_INSTANCE_PATH", str(tmp_path))
    assert run(["db", "upgrade"]).exit_code == 0
    current = json.loads(run(["db", "current", "--format", "json"]).stdout)
    assert current["current"] == current["head"] is not None
    assert run(["db", "downgrade", "--revision", "base"]).exit_code == 0
    assert json.loads(run(["db", "current", "--format", "json"]).stdout)["current"] is None
    make_engine(empty_database_url).dispose()


@pytest.mark.parametrize("password", ["password1234", "qwertyuiopas", "aaaaaaaaaaaaaaaa", "maria-maria-maria"])
def test_common_or_guessable_passwords_are_refused(cli_env, capsys, monkeypatch, password):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(password.encode() + b"\n")))
    code, out = _main(["users", "create", "maria", "--role", "viewer", "--password-stdin"], capsys)
    assert code == 1
    assert out.err.startswith("error: password is too common or easy to guess")
