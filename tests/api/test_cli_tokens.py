"""`claimtrack tokens create / list / revoke`, and the tokens they make working."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimtrack.cli import cli, main


def run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_create_list_revoke(cli_env, client, users):
    created = run(["tokens", "create", "reviewer", "--name", "cms", "--format", "json"])
    assert created.exit_code == 0, created.output
    data = json.loads(created.stdout)
    assert data["name"] == "cms" and len(data["token"]) >= 40
    headers = {"Authorization": f"Bearer {data['token']}"}
    assert client.get("/api/v1/claims", headers=headers).status_code == 200

    plain = run(["tokens", "create", "reviewer"])
    assert plain.exit_code == 0 and plain.stdout.strip() and plain.stdout.strip() != data["token"]

    listed = json.loads(run(["tokens", "list", "reviewer", "--format", "json"]).stdout)
    # An unnamed token is listed by the start of its value.
    assert [t["name"] for t in listed] == ["cms", f"{plain.stdout.strip()[:6]}…"]
    assert listed[0]["last_used_at"] is not None and "token" not in listed[0]
    assert data["token"] not in run(["tokens", "list", "reviewer"]).stdout

    assert run(["tokens", "revoke", str(data["id"])]).exit_code == 0
    assert client.get("/api/v1/claims", headers=headers).status_code == 401
    assert json.loads(run(["tokens", "list", "reviewer", "--format", "json"]).stdout)[0]["revoked_at"]


def test_unknown_user_or_token_fails_cleanly(cli_env, users, capsys):
    for args in (["tokens", "create", "nobody"], ["tokens", "revoke", "999"]):
        try:
            main(args)
        except SystemExit as exc:
            assert exc.code == 1
        assert capsys.readouterr().err.startswith("error: ")
