"""Nothing unpublished ever leaves: drafts, submitted and returned verdicts, return
comments, superseded text, unpublished claims and their sources, on every path."""

import json

import pytest

from claimtrack.cli import main
from claimtrack.services.publishing import feed as publishing
from claimtrack.services.publishing import pages as public_pages

from .conftest import SECRETS

# Text that exists in the database but was never published (or was replaced).
NEVER = SECRETS + (
    "The rate was 5 percent, not 4.",
    "Crime dropped",
    "Tax revenue",
    "Rents rose",
    "Unemployment fell to 5 percent",
    "check the base year",
)


def assert_clean(text: str) -> None:
    for secret in NEVER:
        assert secret not in text, secret


def test_service_exports(newsroom, session, config):
    assert_clean(json.dumps(list(publishing.iter_claimreviews(session, config))))
    assert_clean(json.dumps(publishing.feed_page(session, config).items))
    for key in ("a1", "a2", "a4"):
        page = public_pages.fact_check_page(session, newsroom.ids[key], config)
        assert_clean(repr(page))


def test_web_paths(newsroom, client):
    ids = newsroom.ids
    paths = ["/fact-checks", "/claimreview.json", "/fact-checks?verdict=false", "/fact-checks?verdict=true"]
    paths += [f"/fact-checks/{ids[k]}" for k in ids] + [f"/claims/{ids[k]}/claimreview.json" for k in ids]
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert_clean(response.get_data(as_text=True))


@pytest.mark.parametrize("what", ["claimreview", "factcheck-api"])
def test_cli_exports(newsroom, cli_env, monkeypatch, capsys, what):
    monkeypatch.setenv("CLAIMTRACK_PUBLIC_BASE_URL", "https://factcheck.example.org")
    try:
        main(["export", what])
    except SystemExit as exc:
        assert not exc.code
    out = capsys.readouterr().out
    assert len(json.loads(out)) == 3
    assert_clean(out)


def test_superseded_rationale_stays_in_the_database_only(newsroom, session):
    """The secret really is stored (so the checks above are meaningful)."""
    from sqlmodel import select

    from claimtrack.models import Verdict

    states = {v.state for v in session.exec(select(Verdict)).all()}
    assert states == {"draft", "submitted", "returned", "published", "superseded"}
    assert session.exec(select(Verdict).where(Verdict.rationale == "OLD RATIONALE")).one().state == "superseded"
