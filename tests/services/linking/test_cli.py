"""`claimtrack related`: one claim's related claims, every link, re-indexing, errors."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim, ClaimLink

from ...conftest import FIXTURES
from ...test_import import run_cli
from .conftest import import_fixture

ARTICLES = FIXTURES / "articles"


@pytest.fixture
def imported(cli_env, engine):
    for name in ("iraq-withdrawal-nbc.txt", "iraq-delegation-wire.txt", "norland-motors-release.txt"):
        import_fixture(engine, name)
    with session_scope(engine) as s:
        nbc = s.exec(select(Claim).where(Claim.text.contains("the 6,000 or so American troops"))).one()
        return nbc.id


def test_related_of_one_claim_as_json(imported, capsys):
    code, out, err = run_cli(["related", str(imported), "--format", "json"], capsys)
    assert code == 0, err
    rows = json.loads(out)
    assert rows and [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert set(rows[0]) == {
        "link_id",
        "claim_id",
        "article_id",
        "article_title",
        "outlet",
        "text",
        "speaker",
        "score",
        "relation",
        "numeric",
        "state",
        "reasons",
    }
    wire = next(r for r in rows if "some 5,200 American troops" in r["text"])
    assert (wire["relation"], wire["numeric"], wire["state"], wire["outlet"]) == (
        "same",
        "conflict",
        "suggested",
        "Meridian Wire",
    )
    code, out, _ = run_cli(["related", str(imported), "--limit", "1", "--format", "json"], capsys)
    assert len(json.loads(out)) == 1


def test_related_of_one_claim_as_text(imported, capsys):
    code, out, _ = run_cli(["related", str(imported)], capsys)
    assert code == 0
    assert "numbers conflict" in out and "Meridian Wire" in out and "(link " in out


def test_min_score_widens_the_search(imported, capsys):
    _, stored, _ = run_cli(["related", str(imported), "--limit", "50", "--format", "json"], capsys)
    _, wider, _ = run_cli(["related", str(imported), "--limit", "50", "--min-score", "0.2", "--format", "json"], capsys)
    stored, wider = json.loads(stored), json.loads(wider)
    assert len(wider) > len(stored)
    assert any(r["link_id"] is None for r in wider)


def test_all_links_as_json(imported, engine, capsys):
    code, out, err = run_cli(["related", "--all", "--format", "json"], capsys)
    assert code == 0, err
    links = json.loads(out)
    with session_scope(engine) as s:
        assert len(links) == len(s.exec(select(ClaimLink)).all()) > 0
    for link in links:
        assert set(link) == {"a", "b", "score", "relation", "numeric", "state", "reasons"}
        for end in (link["a"], link["b"]):
            assert set(end) == {"claim_id", "article_id", "text", "speaker"}
            assert isinstance(end["claim_id"], int) and isinstance(end["text"], str)
        assert link["a"]["article_id"] != link["b"]["article_id"]
        assert link["relation"] in ("same", "related") and link["state"] in ("suggested", "confirmed")
        assert link["numeric"] in ("consistent", "conflict", None)
        assert 0 <= link["score"] <= 1 and all(isinstance(r, str) for r in link["reasons"])
    assert "carmaker" not in json.dumps(links)


def test_all_links_as_text(imported, capsys):
    code, out, err = run_cli(["related", "--all"], capsys)
    assert code == 0 and out.startswith("link ") and err.strip().endswith("links")


def test_reindex_indexes_only_what_is_missing(imported, capsys):
    code, out, err = run_cli(["related", "--reindex", "--format", "json"], capsys)
    assert (code, json.loads(out)) == (0, {"claims_indexed": 0}), err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["related", "999999"], "error: There is no claim #999999."),
        (["related"], "error: give one of CLAIM_ID, --all or --reindex"),
        (["related", "1", "--all"], "error: give one of CLAIM_ID, --all or --reindex"),
    ],
)
def test_errors_are_one_line(imported, capsys, args, message):
    code, out, err = run_cli(args, capsys)
    assert code == 1 and out == ""
    assert err.strip() == message


def test_bad_threshold_in_the_configuration_is_one_line(imported, capsys, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_MATCH_MIN_SCORE", "2")
    code, _, err = run_cli(["related", str(imported)], capsys)
    assert code == 1
    assert err.strip() == "error: MATCH_MIN_SCORE must be a number from 0 to 1 (got 2)"


def test_bad_options_are_refused_by_the_parser(imported, capsys):
    code, _, err = run_cli(["related", str(imported), "--min-score", "1.5"], capsys)
    assert code == 2 and "--min-score" in err


def _disagreeing_links(engine) -> int:
    """Suggested links whose stored reading differs from the default rules' today."""
    from claimtrack.matching import score_pair
    from claimtrack.services.linking import index as match_index
    from claimtrack.services.linking import settings as match_settings

    settings = match_settings.from_config({})
    with session_scope(engine) as s:
        links = s.exec(select(ClaimLink).where(ClaimLink.state == "suggested")).all()
        records = match_index.load_records(s, {i for link in links for i in (link.claim_a_id, link.claim_b_id)})
        wrong = 0
        for link in links:
            match = score_pair(records[link.claim_a_id], records[link.claim_b_id], settings.scoring)
            if match is None or (match.score, match.relation, match.numeric, list(match.reasons)) != (
                link.score,
                link.relation,
                link.numeric,
                list(link.reasons),
            ):
                wrong += 1
        return wrong


def test_full_reindex_brings_suggestions_up_to_changed_rules(cli_env, engine, capsys, monkeypatch):
    # Imported under other rules (a stricter bar for "same"), then the rules change back.
    monkeypatch.setenv("CLAIMTRACK_MATCH_SAME_THRESHOLD", "0.97")
    code, _, err = run_cli(
        [
            "import",
            str(ARTICLES / "iraq-withdrawal-nbc.txt"),
            str(ARTICLES / "iraq-delegation-wire.txt"),
            "--workers",
            "1",
        ],
        capsys,
    )
    assert code == 0, err
    monkeypatch.delenv("CLAIMTRACK_MATCH_SAME_THRESHOLD")
    assert _disagreeing_links(engine) > 0
    code, out, _ = run_cli(["related", "--reindex", "--format", "json"], capsys)
    assert json.loads(out) == {"claims_indexed": 0}  # nothing edited: the plain re-index has no work
    assert _disagreeing_links(engine) > 0
    code, out, err = run_cli(["related", "--reindex", "--full", "--format", "json"], capsys)
    assert code == 0, err
    with session_scope(engine) as s:
        total = len(s.exec(select(Claim.id)).all())
    assert json.loads(out) == {"claims_indexed": total}
    assert _disagreeing_links(engine) == 0
    code, _, err = run_cli(["related", "--full"], capsys)
    assert code == 1 and "--full goes with --reindex" in err
