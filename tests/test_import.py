"""`claimtrack import` and `claimtrack demo` end to end, on the real fixtures."""

import json
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from claimtrack.cli import main
from claimtrack.db import session_scope
from claimtrack.models import Article, AuditEvent, Claim, Claimant, Outlet, Quantity, User

from .conftest import FIXTURES

ARTICLE_FILES = sorted(
    p
    for p in (FIXTURES / "articles").iterdir()
    if p.suffix in (".txt", ".html", ".json", ".jsonl") and p.name != "manifest.json"
)


def run_cli(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main([*args])
        raise SystemExit(0)
    out = capsys.readouterr()
    return exc.value.code or 0, out.out, out.err


def count(engine, model) -> int:
    with session_scope(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_import_fixtures_then_again_reports_duplicates_only(cli_env, engine, capsys):
    code, out, err = run_cli(["import", str(FIXTURES / "articles"), "--format", "json", "--workers", "2"], capsys)
    assert code == 0, err
    first = json.loads(out)
    expected_paths = {str(p) for p in ARTICLE_FILES if p.suffix != ".jsonl"}
    expected_paths |= {f"{FIXTURES / 'articles' / 'world-briefs.jsonl'}:{n}" for n in (1, 2)}
    assert {r["path"] for r in first} == expected_paths
    assert all(set(r) == {"path", "article_id", "title", "claims", "duplicate", "error"} for r in first)
    assert [r for r in first if r["error"] or r["duplicate"]] == []
    assert all(r["claims"] > 0 for r in first)
    articles, claims = count(engine, Article), count(engine, Claim)
    assert articles == len(first)

    code, out, err = run_cli(["import", str(FIXTURES / "articles"), "--format", "json"], capsys)
    assert code == 0, err
    second = json.loads(out)
    assert all(r["duplicate"] and r["error"] is None for r in second)
    assert {r["path"]: r["article_id"] for r in second} == {r["path"]: r["article_id"] for r in first}
    assert (count(engine, Article), count(engine, Claim)) == (articles, claims)


def test_import_stores_metadata_claims_quantities_and_claimants(cli_env, engine, capsys):
    code, _, err = run_cli(["import", str(FIXTURES / "articles" / "iraq-withdrawal-nbc.txt")], capsys)
    assert code == 0, err
    with session_scope(engine) as s:
        article = s.exec(select(Article)).one()
        assert article.title == "Troops Withdrawal: Iraq asks United States to make plans to withdraw forces"
        assert article.byline == "Patrick Smith"
        assert s.get(Outlet, article.outlet_id).name == "NBC News"
        assert article.published_at.date().isoformat() == "2020-01-10"
        assert "Poster Speaks" not in article.body and "London-based editor" not in article.body
        claims = s.exec(select(Claim).where(Claim.article_id == article.id)).all()
        for claim in claims:
            assert article.body[claim.start_offset : claim.end_offset] == claim.text
            assert claim.status == "unreviewed" and claim.version == 1 and claim.created_by_id is None
        troops = [c for c in claims if "3,000 more troops" in c.text]
        assert troops, [c.text for c in claims]
        q = s.exec(select(Quantity).where(Quantity.claim_id == troops[0].id)).all()
        assert any(x.value == 3000 and x.change == "increase" and x.unit == "troop" and not x.approx for x in q)
        names = {c.name for c in s.exec(select(Claimant)).all()}
        assert any("Abdul-Mahdi" in n for n in names)
        pm = next(c for c in s.exec(select(Claimant)).all() if "Abdul-Mahdi" in c.name)
        assert len([c for c in claims if c.claimant_id == pm.id]) >= 4
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "article.import")).one()
        assert event.entity_id == article.id and event.actor == "cli"


def test_bad_files_are_reported_and_the_rest_imports(cli_env, engine, capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(
        "Minister announces 500 new teachers\n\nThe education minister said on Monday that "
        "500 new teachers would start work in March.\n",
        encoding="utf-8",
    )
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 story\n\nThe owner said it was open.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"title": "x", "body": ', encoding="utf-8")
    (tmp_path / "notitle.json").write_text('{"body": "The mayor said so."}', encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        '{"title": "A", "body": "The mayor said the bridge opened."}\n{"title": "B"\n', encoding="utf-8"
    )
    huge = tmp_path / "huge.txt"
    huge.write_text("Big\n\n" + "The council said the road would reopen. " * 60_000, encoding="utf-8")
    code, out, err = run_cli(["import", str(tmp_path), "--format", "json"], capsys)
    assert code == 1
    results = {Path(r["path"]).name: r for r in json.loads(out)}
    assert results["good.txt"]["error"] is None and results["good.txt"]["article_id"]
    assert results["feed.jsonl:1"]["error"] is None
    assert "not valid UTF-8" in results["latin1.txt"]["error"]
    assert results["empty.txt"]["error"].endswith("empty body")
    assert "malformed JSON" in results["broken.json"]["error"]
    assert results["notitle.json"]["error"].endswith("missing title")
    assert "malformed JSON" in results["feed.jsonl:2"]["error"]
    assert "over the limit of 2,000,000" in results["huge.txt"]["error"]
    for name in ("latin1.txt", "empty.txt", "broken.json", "notitle.json", "feed.jsonl:2", "huge.txt"):
        assert name.split(":")[0] in results[name]["error"]
        assert f"error: {results[name]['error']}" in err
    assert count(engine, Article) == 2


def test_import_text_output_and_missing_path(cli_env, capsys, tmp_path):
    code, out, err = run_cli(["import", str(tmp_path / "missing.txt")], capsys)
    assert code == 1
    assert "missing.txt: no such file or folder" in err


def test_demo_is_idempotent(cli_env, engine, capsys):
    code, out, err = run_cli(["demo"], capsys)
    assert code == 0, err
    assert "reviewer  reviewer  password: reviewer-demo-password" in out
    users, articles, claims = count(engine, User), count(engine, Article), count(engine, Claim)
    assert users == 4 and articles >= 7 and claims > 50
    code, out, err = run_cli(["demo"], capsys)
    assert code == 0, err
    assert (count(engine, User), count(engine, Article), count(engine, Claim)) == (users, articles, claims)


def test_extract_command_prints_the_documented_shape(capsys, cli_env):
    code, out, err = run_cli(
        ["extract", str(FIXTURES / "articles" / "iraq-withdrawal-nbc.txt"), "--format", "json"], capsys
    )
    assert code == 0, err
    doc = json.loads(out)
    assert {"title", "byline", "dateline", "published", "body", "claims"} <= set(doc)
    assert doc["byline"] == "Patrick Smith"
    for claim in doc["claims"]:
        assert doc["body"][claim["start"] : claim["end"]] == claim["text"]
        assert claim["kind"] in ("quote", "paraphrase", "reported")
        for q in claim["quantities"]:
            assert q["low"] <= q["value"] <= q["high"]


def test_extract_reads_stdin(capsys, cli_env, monkeypatch):
    import io
    import sys

    text = "Council votes\n\nThe council said 40 new buses would arrive in May.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, out, err = run_cli(["extract", "-", "--format", "json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["title"] == "Council votes"
    assert any("40 new buses" in c["text"] for c in doc["claims"])


def test_concurrent_imports_share_a_new_outlet_and_speaker(engine):
    import threading

    from .helpers import import_text

    barrier = threading.Barrier(4)
    errors = []

    def worker(n: int) -> None:
        text = (
            f"Story {n}\n\nMayor Lena Okafor said on Monday that {100 + n} new buses would arrive "
            f"in route {n} next spring, according to the city.\n"
        )
        barrier.wait()
        try:
            import_text(engine, text, where=f"t{n}.txt", outlet="Brand New Outlet")
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with session_scope(engine) as s:
        assert s.exec(select(func.count()).select_from(Outlet)).one() == 1
        assert s.exec(select(func.count()).select_from(Article)).one() == 4
