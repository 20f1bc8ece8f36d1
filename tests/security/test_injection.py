"""SQL, LIKE and full-text injection through every search and filter parameter.

Nothing typed may cause a server error, and wildcards match literally: a search for `%`
finds the one claim that contains a `%`, never every claim. Run on SQLite by default and
on PostgreSQL with CLAIMTRACK_TEST_DATABASE_URL set.
"""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

import pytest
from sqlmodel import select

from claimtrack.cli import main as cli_main
from claimtrack.db import session_scope
from claimtrack.models import Article, Claim, Claimant, ClaimantAlias
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.review import claims as claim_service

from ..api.conftest import new_token
from ..conftest import EXAMPLE
from ..helpers import import_file, import_text, login, make_user

HX = {"HX-Request": "true"}
INJECTIONS = (
    "'",
    '"',
    "' OR '1'='1",
    "1' OR '1'='1' --",
    '" OR ""="',
    "'; DROP TABLE claims; --",
    "%",
    "_",
    "\\",
    "*",
    "--",
    "/*",
    "NEAR(",
    "NEAR(troops withdrawal, 5)",
    '"unbalanced',
    "-troops",
    "troops -withdrawal",
    "AND OR NOT",
    "NOT",
    "^",
    ":",
    "troops:*",
    "text:troops",
    "a & b | !c",
    "!!",
    "(",
    ")",
    "{}",
    "[a-z]",
    "\x00",
    "troops\x00withdrawal",
    "%_\\%",
    "\u2028",
    "𝕏 troops",
    "ü" * 50,
    "x" * 5000,
    "% " * 300,
)
WILDCARDS = ("%", "_", "\\", "*", "%_\\%")
PCT_TEXT = "Fuel prices rose 40% since the tax_rate change, the minister said."


@pytest.fixture
def corpus(engine):
    """The example article, one claim holding a literal % and _, two claimants whose
    names differ only at an underscore, and an article whose title holds a %."""
    for role in ("viewer", "reviewer", "editor"):
        make_user(engine, role, role)
    article = import_file(engine, EXAMPLE)
    other = import_text(
        engine,
        json.dumps(
            {
                "title": "Budget up 100% on last_year",
                "outlet": "Daily_News",
                "url": "https://daily.example/b",
                "body": "The council said spending rose by 12 million dollars last year.",
            }
        ),
        where="b.json",
        suffix=".json",
    )
    actor = Actor.system("test")
    with session_scope(engine) as s:
        ids = list(s.exec(select(Claim.id).where(Claim.article_id == article.article_id).order_by(Claim.id)).all())
        claim = s.get(Claim, ids[0])
        claim_service.edit_text(
            s, actor, claim.id, version=claim.version, text=PCT_TEXT, start=claim.start_offset, end=claim.end_offset
        )
        for claim_id, name in ((ids[1], "Ann_Lee"), (ids[2], "AnnXLee")):
            claim = s.get(Claim, claim_id)
            claim_service.set_speaker(s, actor, claim_id, version=claim.version, name=name)
        others = set(s.exec(select(Claim.id).where(Claim.article_id == other.article_id)).all())
    assert others
    return SimpleNamespace(
        pct=ids[0],
        ann=ids[1],
        annx=ids[2],
        other_article=other.article_id,
        other_claims=others,
        article=article.article_id,
    )


def _haystacks(engine) -> dict[int, str]:
    """What the claim search looks in, per claim: text, article title, speaker and aliases."""
    with session_scope(engine) as s:
        out = {}
        for claim, title, name, cid in s.exec(
            select(Claim, Article.title, Claimant.name, Claimant.id)
            .join(Article, Article.id == Claim.article_id)
            .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        ).all():
            aliases = s.exec(select(ClaimantAlias.alias).where(ClaimantAlias.claimant_id == cid)).all() if cid else []
            out[claim.id] = "\n".join([claim.text, title, name or "", *aliases]).casefold()
        return out


def _literal(hay: str, q: str) -> bool:
    return all(term.casefold() in hay for term in q.split()[:8])


def _web(app, role: str = "viewer"):
    c = app.test_client()
    assert login(c, role).status_code == 302
    return c


def _claim_ids(html: str) -> set[int]:
    import re

    return {int(n) for n in re.findall(r'href="/claims/(\d+)"', html)}


@pytest.mark.parametrize("payload", INJECTIONS, ids=range(len(INJECTIONS)))
def test_web_search_and_filters_never_fail(app, engine, corpus, payload):
    c = _web(app)
    hays = _haystacks(engine)
    for name in ("q", "status", "outlet", "claimant", "from", "to", "conflict", "page", "mine"):
        for headers in ({}, HX):
            r = c.get("/", query_string={name: payload}, headers=headers)
            if name == "q" and len(payload) > 200:
                assert r.status_code == 422 and "The search is too long" in r.get_data(as_text=True)
                continue
            assert r.status_code == 200, (name, r.status_code)
            if name == "q" and "\x00" in payload:
                assert _claim_ids(r.get_data(as_text=True)) == set(), "a NUL must not widen the search"
            elif name == "q" and payload.strip():
                for claim_id in _claim_ids(r.get_data(as_text=True)):
                    assert _literal(hays[claim_id], payload[:200]), (payload, claim_id)
    for url, names in (
        ("/articles", ("page",)),
        ("/claimants", ("q", "page")),
        ("/checked", ("text",)),
        ("/fact-checks", ("verdict", "claimant", "page")),
    ):
        for name in names:
            for headers in ({}, HX):
                r = c.get(url, query_string={name: payload}, headers=headers)
                assert r.status_code in (200, 422), (url, name, r.status_code)
    for params in ({"speaker": payload}, {"q": payload}):
        assert c.get("/claimants/suggest", query_string=params, headers=HX).status_code == 200
    for name in ("from", "to", "outlet", "claimant", "reviewer", "format"):
        r = c.get("/reports/overview", query_string={name: payload})
        assert r.status_code in (200, 404, 422), (name, r.status_code)


@pytest.mark.parametrize("payload", INJECTIONS, ids=range(len(INJECTIONS)))
def test_api_search_and_filters_never_fail(app, engine, corpus, payload):
    token = new_token(engine, "viewer")[1]
    c = app.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    hays = _haystacks(engine)
    for name in ("q", "status", "article", "claimant", "assignee", "has_conflict", "limit", "after"):
        r = c.get("/api/v1/claims", query_string={name: payload}, headers=auth)
        assert r.status_code in (200, 422), (name, r.status_code)
        assert r.is_json
        if r.status_code == 200 and name == "q" and payload.strip():
            for item in r.get_json()["items"]:
                assert _literal(hays[item["id"]], payload), (payload, item["id"])
        if r.status_code == 422:
            assert name in r.get_json()["error"]["fields"]
    for path, names in (
        ("/articles", ("q", "outlet", "limit", "after")),
        ("/claimants", ("q", "limit", "after")),
        ("/match", ("q", "limit")),
    ):
        for name in names:
            params = {"q": "troops", name: payload} if path == "/match" else {name: payload}
            r = c.get("/api/v1" + path, query_string=params, headers=auth)
            assert r.status_code in (200, 422), (path, name, r.status_code)
            assert r.is_json


@pytest.mark.parametrize("payload", WILDCARDS)
def test_wildcards_match_literally(app, engine, corpus, payload):
    token = new_token(engine, "viewer")[1]
    auth = {"Authorization": f"Bearer {token}"}
    c, web = app.test_client(), _web(app)
    claims = {
        i["id"]
        for i in c.get("/api/v1/claims", query_string={"q": payload, "limit": 200}, headers=auth).get_json()["items"]
    }
    web_claims = _claim_ids(web.get("/", query_string={"q": payload}).get_data(as_text=True))
    articles = {
        i["id"] for i in c.get("/api/v1/articles", query_string={"q": payload}, headers=auth).get_json()["items"]
    }
    outlets = c.get("/api/v1/articles", query_string={"outlet": payload}, headers=auth).get_json()["items"]
    claimants = {
        i["name"] for i in c.get("/api/v1/claimants", query_string={"q": payload}, headers=auth).get_json()["items"]
    }
    listed = web.get("/claimants", query_string={"q": payload}).get_data(as_text=True)
    suggested = web.get("/claimants/suggest", query_string={"speaker": payload}, headers=HX).get_data(as_text=True)
    if payload in ("%", "_"):
        # The claim, speaker and article title that hold the character, and nothing else.
        assert claims == {corpus.pct} | corpus.other_claims | ({corpus.ann} if payload == "_" else set())
        assert web_claims == claims
        assert articles == {corpus.other_article}
    else:
        assert claims == set() and web_claims == set() and articles == set()
    assert outlets == []
    assert claimants == ({"Ann_Lee"} if payload == "_" else set())
    assert ("AnnXLee" in listed, "AnnXLee" in suggested) == (False, False)
    assert ("Ann_Lee" in listed) == ("Ann_Lee" in suggested) == (payload == "_")


def test_search_finds_quotes_and_operators_as_text(app, engine, corpus):
    """The search is not just failing closed: text with quotes and SQL in it is found."""
    token = new_token(engine, "reviewer")[1]
    auth = {"Authorization": f"Bearer {token}"}
    c = app.test_client()
    text = """The "reform" isn't working' OR '1'='1 -- said NEAR( the minister."""
    claim = c.get(f"/api/v1/claims/{corpus.annx}", headers=auth).get_json()
    r = c.patch(f"/api/v1/claims/{corpus.annx}", headers=auth, json={"version": claim["version"], "text": text})
    assert r.status_code == 200, r.get_json()
    for q in ("isn't", '"reform"', "' OR '1'='1", "--", "NEAR(", "40%", "tax_rate"):
        found = {i["id"] for i in c.get("/api/v1/claims", query_string={"q": q}, headers=auth).get_json()["items"]}
        expected = {corpus.pct} if q in ("40%", "tax_rate") else {corpus.annx}
        assert found == expected, q
    r = c.get("/api/v1/match", query_string={"q": "reform isn't working"}, headers=auth)
    assert r.status_code == 200 and corpus.annx in [m["id"] for m in r.get_json()["items"] if m["kind"] == "claim"]


@pytest.mark.parametrize("payload", [p for p in INJECTIONS if "\x00" not in p])
def test_cli_match_never_fails(cli_env, corpus, capsys, monkeypatch, payload):
    monkeypatch.setattr("sys.stdin", io.StringIO(payload))
    for argv in (["match", "--format", "json", "--", payload], ["match", "--format", "json", "--stdin"]):
        try:
            cli_main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        if code == 0:
            found = json.loads(out)
            assert isinstance(found, list)
            if payload in WILDCARDS:
                assert found == []
        else:
            assert code == 1 and err.startswith("error: "), err
