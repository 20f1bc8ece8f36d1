"""Editors' reports: values worked out by hand from the newsroom fixture (see conftest)."""

import csv
import io
import json

import pytest
from sqlmodel import select

from claimtrack.cli import main
from claimtrack.errors import NotFound, ValidationError
from claimtrack.models import Outlet
from claimtrack.services.reports import catalogue as reports

from ...helpers import login, make_user
from .conftest import INJECTION

SCALE_KEYS = ("true", "mostly-true", "half-true", "mostly-false", "misleading", "false", "unverifiable")


def rows(report, measure=None):
    data = report.to_json()["rows"]
    return [(r["key"], r["count"]) for r in data if r["measure"] == measure] if measure else data


def overview(session, config, **args):
    return reports.build(session, "overview", config, args)


def test_overview_counts(newsroom, session, config):
    report = overview(session, config)
    assert report.columns == ("measure", "key", "label", "count")
    assert rows(report, "status") == [
        ("unreviewed", 1),
        ("in_review", 2),
        ("awaiting_approval", 1),
        ("published", 3),
        ("dismissed", 0),
        ("merged", 0),
    ]
    assert rows(report, "verdict") == [
        ("true", 1),
        ("mostly-true", 0),
        ("half-true", 1),
        ("mostly-false", 1),
        ("misleading", 0),
        ("false", 0),
        ("unverifiable", 0),
    ]
    assert rows(report, "month") == [("2026-01", 1), ("2026-02", 2)]
    assert report.to_json()["rows"][-1] == {"measure": "month", "key": "2026-02", "label": "Feb 2026", "count": 2}


def test_overview_filters(newsroom, session, config):
    daily_b = session.exec(select(Outlet.id).where(Outlet.name == "Daily B")).one()
    report = overview(session, config, outlet=str(daily_b))
    assert rows(report, "status")[0] == ("unreviewed", 1) and sum(n for _, n in rows(report, "status")) == 1
    assert sum(n for _, n in rows(report, "verdict")) == 0 and rows(report, "month") == []
    # Article A is dated 5 Jan, article B 3 Jan.
    report = overview(session, config, **{"from": "2026-01-04", "to": "2026-01-05"})
    assert dict(rows(report, "status")) == {
        "unreviewed": 0,
        "in_review": 2,
        "awaiting_approval": 1,
        "published": 3,
        "dismissed": 0,
        "merged": 0,
    }
    report = overview(session, config, reviewer=str(newsroom.rob.user_id))
    assert dict(rows(report, "status"))["published"] == 1 and dict(rows(report, "verdict"))["true"] == 1
    assert rows(report, "month") == [("2026-02", 1)]


@pytest.mark.parametrize(
    "args, error, message",
    [
        ({"from": "31/01/2026"}, ValidationError, "'from' must be a date like 2026-01-31"),
        ({"from": "2026-02-01", "to": "2026-01-01"}, ValidationError, "start date is after the end date"),
        ({"outlet": "x"}, ValidationError, "'outlet' must be a numeric id"),
        ({"claimant": "9999"}, NotFound, "There is no claimant #9999."),
    ],
)
def test_bad_filters_are_named(newsroom, session, config, args, error, message):
    with pytest.raises(error, match=message):
        overview(session, config, **args)


def test_unknown_report_and_article(newsroom, session, config):
    with pytest.raises(NotFound, match="no report called 'nope'"):
        reports.build(session, "nope", config, {})
    with pytest.raises(ValidationError, match="needs an article id"):
        reports.build(session, "article", config, {})
    with pytest.raises(NotFound, match="no article #999"):
        reports.build(session, "article", config, {"article": "999"})


def test_workload(newsroom, session, config):
    report = reports.build(session, "workload", config, {})
    # rita: A3 draft and A5 returned (open), A6 submitted, first verdicts of A1 (12 h after
    # import) and A4 (876 h): median 444 h. rob: A2 after 852 h. eddie only corrected A1.
    assert report.to_json()["rows"] == [
        {
            "reviewer_id": newsroom.eddie.user_id,
            "reviewer": "eddie",
            "open": 0,
            "submitted": 0,
            "published": 0,
            "median_hours_to_publish": None,
        },
        {
            "reviewer_id": newsroom.rita.user_id,
            "reviewer": "rita",
            "open": 2,
            "submitted": 1,
            "published": 2,
            "median_hours_to_publish": 444.0,
        },
        {
            "reviewer_id": newsroom.rob.user_id,
            "reviewer": "rob",
            "open": 0,
            "submitted": 0,
            "published": 1,
            "median_hours_to_publish": 852.0,
        },
    ]


def test_claimant_scorecard(newsroom, session, config):
    report = reports.build(session, "claimants", config, {})
    assert report.columns == ("claimant_id", "claimant", "kind", "claims", "published") + tuple(
        f"verdict_{k}" for k in SCALE_KEYS
    ) + ("claim_ids",)
    data = report.to_json()["rows"]
    assert [(r["claimant"], r["kind"], r["claims"], r["published"], r["claim_ids"]) for r in data] == [
        ("Jane Mayor", "person", 2, 2, [newsroom.ids["a1"], newsroom.ids["a4"]]),
        ("Tom Treasurer", "person", 1, 1, [newsroom.ids["a2"]]),
    ]
    assert {k: data[0][f"verdict_{k}"] for k in SCALE_KEYS} == {
        "true": 0,
        "mostly-true": 0,
        "half-true": 1,
        "mostly-false": 1,
        "misleading": 0,
        "false": 0,
        "unverifiable": 0,
    }
    assert data[1]["verdict_true"] == 1


def test_numeric_conflicts(newsroom, session, config):
    ids = newsroom.ids
    (row,) = reports.build(session, "conflicts", config, {}).to_json()["rows"]
    assert row == {
        "link_id": row["link_id"],
        "relation": "same",
        "state": "confirmed",
        "score": 0.9,
        "reasons": ["4 percent vs 5 percent"],
        "a_claim_id": ids["a1"],
        "a_claim": "Unemployment fell to 4 percent last year.",
        "a_speaker": "Jane Mayor",
        "a_numbers": ["4 percent"],
        "a_status": "published",
        "a_article_id": newsroom.article_a,
        "a_article": "Budget row deepens",
        "a_outlet": "Daily A",
        "a_published": "2026-01-05",
        "a_sources": ["https://stats.example/report"],
        "b_claim_id": ids["b1"],
        "b_claim": "Unemployment fell to 5 percent last year.",
        "b_speaker": None,
        "b_numbers": ["5 percent"],
        "b_status": "unreviewed",
        "b_article_id": newsroom.article_b,
        "b_article": "Jobs figures",
        "b_outlet": "Daily B",
        "b_published": "2026-01-03",
        "b_sources": [],
    }


def test_dismissed_conflicts_are_left_out(newsroom, session, config):
    from claimtrack.models import ClaimLink

    session.exec(select(ClaimLink)).one().state = "dismissed"
    session.flush()
    assert reports.build(session, "conflicts", config, {}).rows == []


def test_article_report(newsroom, session, config):
    ids = newsroom.ids
    report = reports.build(session, "article", config, {"article": str(newsroom.article_a)})
    summary = [
        (
            r["claim_id"],
            r["speaker"],
            r["status"],
            r["verdict"],
            r["verdict_state"],
            r["summary"],
            r["sources"],
            r["conflicts_with"],
        )
        for r in report.to_json()["rows"]
    ]
    assert summary == [
        (
            ids["a1"],
            "Jane Mayor",
            "published",
            "Mostly false",
            "published",
            "The official rate was 4.6 percent.",
            ["https://stats.example/report"],
            [ids["b1"]],
        ),
        (
            ids["a2"],
            "Tom Treasurer",
            "published",
            "True",
            "published",
            "The city hired 300 teachers.",
            ["https://city.example/payroll"],
            [],
        ),
        (
            ids["a3"],
            None,
            "in_review",
            "False",
            "draft",
            "SECRET DRAFT summary",
            ["https://secret.example/draft-source"],
            [],
        ),
        (
            ids["a4"],
            "Jane Mayor",
            "published",
            "Half true",
            "published",
            "It cost 9 million.",
            ["https://city.example/bridge"],
            [],
        ),
        (ids["a5"], None, "in_review", "True", "returned", "RETURNED SUMMARY", ["https://tax.example/x"], []),
        (
            ids["a6"],
            None,
            "awaiting_approval",
            "False",
            "submitted",
            "SUBMITTED SUMMARY",
            ["https://rent.example/x"],
            [],
        ),
    ]
    assert report.rows[3]["claim"] == INJECTION


def test_csv_has_stable_columns_and_flattened_lists(newsroom, session, config):
    text = reports.build(session, "article", config, {"article": str(newsroom.article_a)}).to_csv()
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == [
        "claim_id",
        "claim",
        "speaker",
        "status",
        "verdict",
        "verdict_state",
        "summary",
        "sources",
        "conflicts_with",
        "merged_into",
    ]
    assert table[1][7:] == ["https://stats.example/report", str(newsroom.ids["b1"]), ""]
    assert table[3][2] == "" and len(table) == 7


@pytest.fixture
def viewer(engine, client):
    make_user(engine, "vera", "viewer")
    login(client, "vera")
    return client


def test_reports_need_a_login(newsroom, client):
    for path in (
        "/reports",
        "/reports/overview",
        f"/reports/articles/{newsroom.article_a}",
        "/reports/overview?format=csv",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path


@pytest.mark.parametrize("name", ["overview", "claimants", "workload", "conflicts"])
def test_report_pages_and_downloads(newsroom, session, config, viewer, name):
    page = viewer.get(f"/reports/{name}")
    assert page.status_code == 200 and "publishing.css" in page.get_data(as_text=True)
    expected = reports.build(session, name, config, {})
    as_json = viewer.get(f"/reports/{name}?format=json")
    assert as_json.status_code == 200 and as_json.get_json() == json.loads(json.dumps(expected.to_json()))
    as_csv = viewer.get(f"/reports/{name}?format=csv")
    assert as_csv.mimetype == "text/csv" and as_csv.get_data(as_text=True) == expected.to_csv()
    assert f'filename="claimtrack-{name}.csv"' in as_csv.headers["Content-Disposition"]


def test_article_report_page_and_downloads(newsroom, viewer):
    html = viewer.get(f"/reports/articles/{newsroom.article_a}").get_data(as_text=True)
    assert "Budget row deepens" in html and "SECRET DRAFT summary" in html and "(draft)" in html
    assert "&lt;/script&gt;" in html and "<script>alert" not in html
    assert (
        viewer.get(f"/reports/articles/{newsroom.article_a}?format=csv")
        .get_data(as_text=True)
        .startswith("claim_id,claim,speaker,")
    )
    assert viewer.get("/reports/articles/999").status_code == 404


def test_dashboard_has_accessible_svg_charts(newsroom, viewer):
    html = viewer.get("/reports/overview").get_data(as_text=True)
    assert html.count('role="img"') == 3
    for chart in ("chart-status", "chart-verdict", "chart-month"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
        assert f'<title id="{chart}-title">' in html
    assert "<caption>Claims by status</caption>" in html
    assert '<th scope="row">Awaiting approval</th><td>1</td>' in html
    assert "Month of publication" in html and "Number of claims" in html
    assert ' style="' not in html


@pytest.mark.parametrize("query", ["from=yesterday", "outlet=abc", "reviewer=99999", "format=xml"])
def test_bad_report_input_is_a_clear_error(newsroom, viewer, query):
    response = viewer.get(f"/reports/overview?{query}")
    assert response.status_code in (404, 422)
    assert "Something went wrong" not in response.get_data(as_text=True)


def _cli(argv) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return exc.code or 0
    return 0


def test_cli_prints_the_same_data(newsroom, session, config, cli_env, capsys):
    for name, extra in (
        ("overview", []),
        ("workload", []),
        ("claimants", []),
        ("conflicts", []),
        ("article", ["--article", str(newsroom.article_a)]),
    ):
        assert _cli(["report", name, "--format", "json", *extra]) == 0
        expected = reports.build(session, name, config, {"article": str(newsroom.article_a)})
        assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(expected.to_json(), default=str))
        assert _cli(["report", name, "--format", "csv", *extra]) == 0
        assert capsys.readouterr().out == expected.to_csv()


def test_cli_report_errors(newsroom, cli_env, capsys):
    assert _cli(["report", "article"]) == 1
    assert capsys.readouterr().err.strip() == "error: The article report needs an article id."
    assert _cli(["report", "overview", "--from", "soon"]) == 1
    assert "'from' must be a date like 2026-01-31, not 'soon'" in capsys.readouterr().err
    assert _cli(["report", "wat"]) == 2
