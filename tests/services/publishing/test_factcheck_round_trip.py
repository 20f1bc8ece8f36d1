"""Our own exports read back by `claimtrack import-factchecks`: the DataFeed (from the
public feed and from `claimtrack export factchecks --format datafeed`), the ClaimReview
array and the Fact Check Tools pages all import as the same reference fact-checks,
and importing again changes nothing."""

import json

import pytest
from sqlmodel import select

from claimtrack.models import FactCheck
from tests.clients import run_cli as run

BASE = "https://factcheck.example.org"


def expected(ids) -> set[tuple]:
    """What was published, worked out from the newsroom fixture."""
    return {
        (
            "Unemployment fell to 4 percent last year.",
            "Mostly false",
            f"{BASE}/fact-checks/{ids['a1']}",
            "Example Fact Check",
            "Jane Mayor",
            "2026-01-05",
            "2026-01-06",
        ),
        (
            "The city hired 300 new teachers.",
            "True",
            f"{BASE}/fact-checks/{ids['a2']}",
            "Example Fact Check",
            "Tom Treasurer",
            "2026-01-05",
            "2026-02-10",
        ),
        (
            "The bridge cost </script><script>alert(1)</script> 12 million dollars.",
            "Half true",
            f"{BASE}/fact-checks/{ids['a4']}",
            "Example Fact Check",
            "Jane Mayor",
            "2026-01-05",
            "2026-02-11",
        ),
    }


def imported(session) -> set[tuple]:
    session.expire_all()
    return {
        (
            f.claim_text,
            f.rating,
            f.url,
            f.publisher,
            f.claimant,
            f.claim_date.date().isoformat(),
            f.review_date.date().isoformat(),
        )
        for f in session.exec(select(FactCheck)).all()
    }


def import_twice(capsys, path) -> None:
    code, out, err = run(capsys, "import-factchecks", str(path), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["created"] == 3 and json.loads(out)["failed"] == 0
    code, out, err = run(capsys, "import-factchecks", str(path), "--format", "json")
    assert code == 0 and json.loads(out)["unchanged"] == 3, out


def test_the_public_datafeed_round_trips(newsroom, client, cli_env, capsys, session, tmp_path):
    path = tmp_path / "feed.json"
    path.write_bytes(client.get("/feeds/claimreview.json").data)
    import_twice(capsys, path)
    assert imported(session) == expected(newsroom.ids)


@pytest.mark.parametrize(
    ("fmt", "name"), [("datafeed", "feed.jsonld"), ("claimreview", "reviews.json"), ("factcheck-api", "pages.json")]
)
def test_cli_exports_round_trip(newsroom, cli_env, capsys, monkeypatch, session, tmp_path, fmt, name):
    monkeypatch.setenv("CLAIMTRACK_PUBLIC_BASE_URL", BASE)
    monkeypatch.setenv("CLAIMTRACK_PUBLISHER_NAME", "Example Fact Check")
    path = tmp_path / name
    code, _, err = run(capsys, "export", "factchecks", "--format", fmt, "--out", str(path))
    assert code == 0, err
    import_twice(capsys, path)
    assert imported(session) == expected(newsroom.ids)


def test_a_damaged_feed_item_is_reported_with_its_place(newsroom, client, cli_env, capsys, session, tmp_path):
    doc = client.get("/feeds/claimreview.json").get_json(force=True)
    doc["dataFeedElement"][1]["item"][0]["claimReviewed"] = ""
    doc["dataFeedElement"][1]["item"][0].pop("itemReviewed")
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run(capsys, "import-factchecks", str(path))
    assert code == 1
    assert f"error: {path}: item 2: no claim text" in err
    assert len(imported(session)) == 2
