"""Ids and integers from outside are bounded before they reach the database: a path id
beyond the integer column range is 404 on every route, an integer parameter beyond it
is 422. Neither may be a 500 (PostgreSQL refuses 2**31 in an `integer` comparison in
some plans; SQLite's driver cannot bind 2**63 at all)."""

from __future__ import annotations

import re
import tempfile

import pytest

from claimtrack import create_app

from ..helpers import login, make_user
from .newsroom import newsroom  # noqa: F401 - fixture

TOO_BIG = ("2147483648", "9223372036854775808", "99999999999999999999")


def _int_rules() -> list[tuple[str, str]]:
    """(rule, method) for every route whose path holds an int converter."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "collection",
            "DATABASE_URL": "sqlite://",
            "INSTANCE_PATH": tempfile.gettempdir(),
        }
    )
    found = []
    for rule in app.url_map.iter_rules():
        converters = {type(c).__name__ for c in rule._converters.values()}
        if not rule.arguments or any(name != "IdConverter" for name in converters):
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            found.append((rule.rule, method))
    return found


INT_RULES = _int_rules()


def test_every_int_rule_is_collected():
    rules = {rule for rule, _ in INT_RULES}
    # The routes named in the report, as a check that the scan sees the whole app.
    for expected in (
        "/fact-checks/<int:claim_id>",
        "/claims/<int:claim_id>/merge",
        "/claims/<int:claim_id>/related/<int:link_id>",
        "/settings/tokens/<int:token_id>/revoke",
    ):
        assert expected in rules
    assert len(rules) >= 30


@pytest.fixture
def admin(app, engine):
    make_user(engine, "admin", "admin")
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    return client


@pytest.mark.parametrize(("rule", "method"), INT_RULES, ids=[f"{m} {r}" for r, m in INT_RULES])
@pytest.mark.parametrize("number", TOO_BIG[:2])
def test_out_of_range_path_id_is_not_found(admin, rule, method, number):
    """An admin passes every access rule, so each view would run with the id."""
    path = re.sub(r"<int[^>]*>", number, rule)
    response = admin.open(path, method=method)
    assert response.status_code == 404, (method, path, response.status_code)


@pytest.mark.parametrize("number", TOO_BIG)
def test_out_of_range_feed_cursor_is_refused(newsroom, number):  # noqa: F811
    response = newsroom.anonymous.get(f"/claimreview.json?after={number}")
    assert response.status_code == 422
    assert "after" in response.get_json()["error"] and "out of range" in response.get_json()["error"]


@pytest.mark.parametrize("number", TOO_BIG)
@pytest.mark.parametrize(
    "path",
    [
        "/?claimant={n}",
        "/?outlet={n}",
        "/articles?page={n}",
        "/fact-checks?claimant={n}",
        "/claimants?page={n}",
        "/reports/overview?outlet={n}",
    ],
)
def test_out_of_range_query_integer_is_refused(newsroom, path, number):  # noqa: F811
    response = newsroom.clients["viewer"].get(path.format(n=number))
    assert response.status_code == 422, (path, response.status_code)
    assert "out of range" in response.get_data(as_text=True) or "numeric id" in response.get_data(as_text=True)


@pytest.mark.parametrize("other", ["99999999999999999999:1", "1:99999999999999999999", "2147483648"])
def test_out_of_range_merge_partner_is_refused(newsroom, other):  # noqa: F811
    claim = newsroom.claims[0]
    response = newsroom.clients["reviewer"].post(
        f"/claims/{claim.id}/merge", data={"version": claim.version, "other": other}
    )
    assert response.status_code == 422
    assert "out of range" in response.get_data(as_text=True)


@pytest.mark.parametrize("field", ["version", "assignee"])
@pytest.mark.parametrize("number", TOO_BIG)
def test_out_of_range_form_integer_is_refused(newsroom, field, number):  # noqa: F811
    claim = newsroom.claims[0]
    data = {"version": claim.version, "assignee": newsroom.users["reviewer"], field: number}
    response = newsroom.clients["reviewer"].post(f"/claims/{claim.id}/assign", data=data)
    assert response.status_code == 422
    assert "out of range" in response.get_data(as_text=True)
