import json

import pytest

from tests.clients import run_cli as run

from .archive import CHECKTHAT_TSV, claimreview


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "verified_claims.docs.tsv"
    path.write_text(CHECKTHAT_TSV, encoding="utf-8")
    return path


def test_import_factchecks_prints_a_json_summary_and_reimport_changes_nothing(cli_env, capsys, archive):
    code, out, err = run(capsys, "import-factchecks", str(archive), "--format", "json")
    assert code == 0, err
    assert json.loads(out) | {"source": None} == {
        "source": None,
        "created": 6,
        "updated": 0,
        "unchanged": 0,
        "failed": 0,
        "errors": [],
    }
    assert "6 imported, 0 updated, 0 unchanged, 0 failed" in err
    code, out, _ = run(capsys, "import-factchecks", str(archive), "--format", "json")
    assert code == 0 and json.loads(out)["unchanged"] == 6


def test_bad_rows_are_reported_with_file_and_line_and_exit_non_zero(cli_env, capsys, tmp_path):
    path = tmp_path / "archive.csv"
    path.write_text("id,claim,url\n1,Good claim,https://x.example/1\n2,,https://x.example/2\n3,Fine claim\n")
    code, _, err = run(capsys, "import-factchecks", str(path))
    assert code == 1
    assert f"error: {path}:3: no claim text" in err
    assert f"error: {path}:4: expected 3 fields, found 2" in err
    assert "1 imported, 0 updated, 0 unchanged, 2 failed" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        ("id,url\n1,https://x.example\n", "no claim text column"),
        ("{not json", "not valid JSON"),
    ],
)
def test_unreadable_files_get_one_line_errors(cli_env, capsys, tmp_path, content, message):
    path = tmp_path / "archive.json" if content and content.startswith("{") else tmp_path / "archive.csv"
    if content is not None:
        path.write_text(content)
    code, _, err = run(capsys, "import-factchecks", str(path))
    assert code == 1
    assert err.startswith("error: ") and message in err and len(err.strip().splitlines()) == 1


def test_claimreview_export_round_trips(cli_env, capsys, tmp_path):
    reviews = [
        claimreview(1, "The moon is made of cheese", "False", "https://fc.example/moon"),
        claimreview(2, "Cats can fly", "Pants on fire", "https://fc.example/cats"),
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(reviews))
    assert run(capsys, "import-factchecks", str(path))[0] == 0
    reviews[1]["reviewRating"]["alternateName"] = "False"
    path.write_text(json.dumps({"@context": "https://schema.org", "@graph": reviews}))
    code, out, _ = run(capsys, "import-factchecks", str(path), "--format", "json")
    assert (code, json.loads(out)["created"], json.loads(out)["updated"]) == (0, 0, 1)
    code, out, _ = run(capsys, "match", "can cats really fly?", "--format", "json", "--limit", "1")
    (hit,) = json.loads(out)
    assert (hit["text"], hit["rating"], hit["url"]) == ("Cats can fly", "False", "https://fc.example/cats")


def test_match_json_shape_and_stdin(cli_env, capsys, archive, monkeypatch):
    run(capsys, "import-factchecks", str(archive))
    code, out, err = run(
        capsys,
        "match",
        "--stdin",
        "--format",
        "json",
        "--limit",
        "2",
        stdin="There's a shark on the Houston freeway after Hurricane Harvey!",
        monkeypatch=monkeypatch,
    )
    assert code == 0, err
    results = json.loads(out)
    assert len(results) <= 2
    assert set(results[0]) == {"kind", "id", "external_id", "text", "score", "rating", "url", "reasons"}
    assert results[0]["kind"] == "factcheck" and results[0]["external_id"] == "1"
    assert isinstance(results[0]["reasons"], list) and results[0]["reasons"]
    code, out, _ = run(capsys, "match", "shark Houston freeway")
    assert code == 0 and out.startswith(" 1. ") and "factcheck" in out


def test_match_needs_text(cli_env, capsys):
    code, _, err = run(capsys, "match")
    assert code == 2 and err.startswith("error: give the text")
    code, _, err = run(capsys, "match", "   ")
    assert code == 1 and err.strip() == "error: nothing to match: the text is empty"


@pytest.mark.parametrize("command", ["import-factchecks", "match"])
def test_commands_have_help(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "Usage:" in out
