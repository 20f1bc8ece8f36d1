"""`claimtrack users deactivate / activate / set-role`: what an admin does when someone
leaves the desk or changes jobs, audited with the state before and after."""

import json

from click.testing import CliRunner
from sqlmodel import select

from claimtrack.cli import cli
from claimtrack.db import session_scope
from claimtrack.models import AuditEvent
from claimtrack.services.accounts.users import find_user

from .api.conftest import new_token
from .helpers import login, make_user


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _events(engine, action: str) -> list[tuple]:
    with session_scope(engine) as s:
        return [(e.before, e.after) for e in s.exec(select(AuditEvent).where(AuditEvent.action == action))]


def test_deactivated_user_is_kept_out_until_activated_again(cli_env, app, engine):
    make_user(engine, "leaver", "reviewer")
    _, token = new_token(engine, "leaver")
    bearer = {"Authorization": f"Bearer {token}"}
    browser = app.test_client()
    assert login(browser, "leaver").status_code == 302

    result = run("users", "deactivate", "leaver", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"id": 1, "username": "leaver", "role": "reviewer", "active": False}
    assert browser.get("/articles").status_code == 302  # the open session ended
    assert login(app.test_client(), "leaver").status_code == 401
    assert app.test_client().get("/api/v1/articles", headers=bearer).status_code == 401
    assert _events(engine, "user.deactivate") == [
        ({"active": True}, {"active": False, "sessions_ended": 1, "tokens_revoked": 1})
    ]

    # Deactivating twice changes nothing and records nothing more.
    assert run("users", "deactivate", "leaver").exit_code == 0
    assert len(_events(engine, "user.deactivate")) == 1

    assert run("users", "activate", "leaver").output.strip() == "activated leaver (id 1, reviewer)"
    assert login(app.test_client(), "leaver").status_code == 302
    # What was live before deactivation stays dead: the old cookie and the old token.
    assert browser.get("/articles").status_code == 302
    assert app.test_client().get("/api/v1/articles", headers=bearer).status_code == 401
    assert _events(engine, "user.activate") == [({"active": False}, {"active": True})]


def test_set_role_changes_what_the_user_may_do(cli_env, app, engine):
    make_user(engine, "kim", "viewer")
    client = app.test_client()
    login(client, "kim")
    assert client.get("/articles/import").status_code == 403
    result = run("users", "set-role", "kim", "reviewer")
    assert result.exit_code == 0 and result.output.strip() == "updated kim (id 1, reviewer)"
    assert client.get("/articles/import").status_code == 200
    assert _events(engine, "user.role") == [({"role": "viewer"}, {"role": "reviewer"})]
    with session_scope(engine) as s:
        assert find_user(s, "kim").role == "reviewer"


def test_unknown_user_and_role_are_one_line_errors(cli_env, capsys):
    import pytest

    from claimtrack.cli import main

    for args in (["users", "deactivate", "nobody"], ["users", "set-role", "nobody", "editor"]):
        with pytest.raises(SystemExit) as exc:
            main(args)
        assert exc.value.code == 1
        assert capsys.readouterr().err == "error: no user named 'nobody'\n"
    bad = run("users", "set-role", "kim", "boss")
    assert bad.exit_code == 2 and "'boss' is not one of" in bad.output


def test_passwords_are_hashed_with_argon2id_at_the_owasp_minimum(engine):
    from claimtrack.services.accounts.passwords import hash_password, verify_password

    hashed = hash_password("a long enough secret")
    # 19 MiB of memory, 2 passes, 1 lane: the parameters are set explicitly, not inherited.
    assert hashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_password(hashed, "a long enough secret") and not verify_password(hashed, "another secret!")
