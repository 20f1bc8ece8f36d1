"""Cross-site scripting: hostile text through every input, and every page that shows it.

The pages are parsed (html.parser), not just searched: a payload may appear only as
text, never as a live element, event handler, htmx attribute or script/data link; and
each page is also checked to really show the payloads it should, so a page that dropped
them cannot pass for a safe one.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from sqlmodel import select

from claimtrack.cli import main as cli_main
from claimtrack.db import session_scope
from claimtrack.models import Article, Claim, Source

from ..conftest import EXAMPLE
from ..helpers import import_file, import_text, login, make_user
from . import xss_payloads as x
from .world import build

HX = {"HX-Request": "true"}
FULL = x.PAYLOADS
FIRST = (x.SCRIPT,)


def safe(response, expect: tuple[str, ...] = ()) -> str:
    html = response.get_data(as_text=True)
    assert response.status_code < 500, html[:500]
    problems = x.live_markup(html)
    assert problems == [], problems
    assert x.missing(html, expect) == []
    return html


@pytest.fixture
def world(app, engine, tmp_path, cli_env):
    return build(app, engine, tmp_path)


def test_scanner_finds_what_the_payloads_would_inject():
    """The checks below are only as good as the scanner: raw payloads must all trip it."""
    for payload in x.MARKUP:
        contexts = (
            f"<p>{payload}</p>",
            f'<input value="{payload}">',
            f"<input value='{payload}'>",
            f"<textarea>{payload}</textarea>",
            f"<script src='/static/a.js'>{payload}",
        )
        assert any(x.live_markup(page) for page in contexts), payload
    assert x.live_markup('<a href=" JAVA\tSCRIPT:alert(1)">a</a>')
    assert x.live_markup('<script type="application/ld+json">{"a": "</script><script>alert(1)</script>"}</script>')
    escaped = html.escape(" ".join(x.PAYLOADS))
    assert x.live_markup(f'<p title="{escaped}">{escaped}</p>') == []
    assert x.missing(f"<p>{escaped}</p>", x.PAYLOADS) == []


def test_article_and_claim_pages_show_every_payload_as_text(world):
    c = world.eddie
    for key in ("pasted", "uploaded", "api"):
        safe(c.get(f"/articles/{world.articles[key]}"), FULL)
    for claim_id in world.claims.values():
        safe(c.get(f"/claims/{claim_id}"), FULL)
        safe(c.get(f"/claims/{claim_id}", headers=HX), FULL)
    # Sources, verdict, the return comment, the correction note and the dismissal reason
    # are all in their claim's panel: one payload each, as the forms stored them.
    panel = safe(c.get(f"/claims/{world.claims['returned']}", headers=HX), FULL)
    assert x.joined(5000) in x.visible_text(panel)  # the return comment
    panel = safe(c.get(f"/claims/{world.claims['published']}", headers=HX), FULL)
    assert x.joined(5000) in x.visible_text(panel)  # correction note / excerpt
    assert x.TRICKY_URL in x.links(panel)  # an http link with markup: kept, quoted
    panel = safe(c.get(f"/claims/{world.claims['dismissed']}", headers=HX), FULL)
    assert x.joined(1000) in x.visible_text(panel)


def test_lists_queue_reports_and_claimants_stay_inert(world):
    c = world.eddie
    # The merge's flash message names the merged claimant.
    keep, dup = world.claimants
    page = safe(c.get(f"/claimants/{keep}"), (x.SCRIPT, x.HX_ON))
    assert "Merged " in x.visible_text(page)
    page = safe(c.get(f"/claimants/{dup}", follow_redirects=True), (x.SVG_ONLOAD,))
    assert "was merged into this claimant" in x.visible_text(page)
    for url, expect in (
        ("/", FIRST),
        ("/articles", FIRST),
        ("/claimants", FIRST),
        ("/reports", ()),
        ("/reports/overview", ()),
        ("/reports/claimants", FIRST),
        ("/reports/workload", FIRST),
        ("/reports/conflicts", ()),
        (f"/reports/articles/{world.articles['pasted']}", FIRST),
        ("/reports/claimants?format=html", FIRST),
    ):
        safe(c.get(url), expect)
        safe(c.get(url, headers=HX), expect)


def test_related_panels_show_other_coverage_inert(world, engine):
    with session_scope(engine) as s:
        ids = list(s.exec(select(Claim.id)).all())
    shown = 0
    for claim_id in ids:
        html = safe(world.eddie.get(f"/claims/{claim_id}/related", headers=HX))
        safe(world.eddie.get(f"/claims/{claim_id}/related"))
        shown += not x.missing(html, FULL)
    assert shown, "no related panel showed the hostile claims, so nothing was tested"


def test_search_and_filter_fields_echo_input_inert(app, engine, claim_id):
    make_user(engine, "eddie", "editor")
    c, anonymous = app.test_client(), app.test_client()
    login(c, "eddie")
    echoed = {("/", "q"), ("/claimants", "q"), ("/checked", "text")}
    for payload in FULL:
        for url in ("/", "/claimants", "/checked"):
            for name in ("q", "text", "status", "outlet", "claimant", "from", "to", "conflict", "page", "mine"):
                html = safe(c.get(url, query_string={name: payload}))
                if (url, name) in echoed:
                    assert payload in x.field_values(html) or payload in x.visible_text(html), (url, name)
            safe(c.get(url, query_string={"q": payload, "text": payload}, headers=HX))
        safe(c.get("/claimants/suggest", query_string={"speaker": payload}, headers=HX))
        safe(c.get("/articles", query_string={"page": payload}))
        for name in ("from", "to", "outlet", "claimant", "reviewer", "format"):
            safe(c.get("/reports/overview", query_string={name: payload}))
            safe(c.get("/reports/overview", query_string={name: payload}, headers=HX))
        safe(anonymous.get("/fact-checks", query_string={"verdict": payload, "claimant": payload, "page": payload}))
        safe(anonymous.get("/claimreview.json", query_string={"after": payload}))


def test_has_this_been_checked_shows_imported_fact_checks_inert(world):
    html = safe(
        world.eddie.get("/checked", query_string={"text": "The city hired 300 new teachers last year"}),
        (x.SCRIPT, x.IMG_ONERROR),
    )
    assert "javascript:" not in html.lower()
    safe(
        world.eddie.get("/checked", query_string={"text": "The city hired 300 new teachers last year"}, headers=HX),
        (x.SCRIPT,),
    )


def test_public_pages_and_json_ld_keep_payloads_inert(world, capsys, monkeypatch):
    anonymous = world.eddie.application.test_client()
    claim_id = world.published[0]
    html = safe(anonymous.get(f"/fact-checks/{claim_id}"), FULL)
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1 and "<" not in blocks[0] and ">" not in blocks[0]
    doc = json.loads(blocks[0])
    assert x.SCRIPT_END in doc["claimReviewed"]
    assert doc["reviewRating"]["ratingExplanation"] == x.joined(2000, x.PAYLOADS[::-1])
    safe(anonymous.get("/fact-checks"), FIRST)
    for url in (f"/claims/{claim_id}/claimreview.json", "/claimreview.json"):
        raw = anonymous.get(url).get_data(as_text=True)
        assert "</" not in raw and "<script" not in raw.lower(), url
        assert x.SCRIPT_END in json.dumps(json.loads(raw))
    capsys.readouterr()
    monkeypatch.setenv("CLAIMTRACK_PUBLIC_BASE_URL", "https://factcheck.example.org")
    cli_main(["export", "claimreview"])
    out = capsys.readouterr().out
    assert "</" not in out and "<script" not in out.lower()
    (doc,) = json.loads(out)
    assert doc["claimReviewed"] == json.loads(blocks[0])["claimReviewed"]


def test_forms_refused_with_hostile_values_re_render_them_inert(world, engine):
    """A 422 form shows what was typed back: the `</textarea>` and attribute breakouts."""
    c, claim_id = world.rita, world.claims["text"]
    version = _version(engine, claim_id)
    for payload in FULL:
        r = c.post(
            f"/claims/{claim_id}/sources",
            headers=HX,
            data={
                "url": "javascript:alert(1)",
                "title": payload,
                "publisher": payload,
                "stance": "context",
                "excerpt": payload,
            },
        )
        assert r.status_code == 422
        assert payload in x.field_values(safe(r)) or payload in x.visible_text(r.get_data(as_text=True))
        r = c.post(
            f"/claims/{claim_id}/verdict",
            headers=HX,
            data={"rating": payload, "summary": payload, "rationale": payload, "verdict_id": "", "verdict_version": ""},
        )
        assert r.status_code == 422 and payload in x.visible_text(safe(r))
        r = c.post(
            f"/claims/{claim_id}/text", data={"version": version, "text": payload + "x" * 5000, "start": 0, "end": 5}
        )
        assert r.status_code == 422 and payload in x.visible_text(safe(r))
        r = c.post(
            f"/claims/{claim_id}/speaker", headers=HX, data={"version": version, "speaker": payload + " " + "x" * 350}
        )
        assert r.status_code == 422
        safe(r)
        r = c.post(
            "/articles/import",
            data={
                "title": payload,
                "body": payload,
                "url": "javascript:alert(1)",
                "outlet": payload,
                "byline": payload,
            },
        )
        assert r.status_code == 422 and payload in x.visible_text(safe(r))
        safe(c.get("/reports/overview", query_string={"format": payload}))


def _version(engine, claim_id: int) -> int:
    with session_scope(engine) as s:
        return s.get(Claim, claim_id).version


@pytest.fixture
def claim_id(engine, users) -> int:
    article = import_file(engine, EXAMPLE)
    with session_scope(engine) as s:
        return s.exec(select(Claim.id).where(Claim.article_id == article.article_id).order_by(Claim.id)).first()


@pytest.fixture
def users(engine) -> None:
    make_user(engine, "rita", "reviewer")


@pytest.mark.parametrize("url", x.BAD_URLS)
def test_source_links_accept_http_and_https_only_web(app, engine, claim_id, url):
    c = app.test_client()
    login(c, "rita")
    r = c.post(
        f"/claims/{claim_id}/sources",
        headers=HX,
        data={"url": url, "title": "t", "publisher": "", "stance": "context", "excerpt": ""},
    )
    assert r.status_code == 422
    html = safe(r)
    assert re.search(r"http or https only|not a valid address", html), html[-2000:]
    with session_scope(engine) as s:
        assert s.exec(select(Source)).all() == []


@pytest.mark.parametrize("url", x.BAD_URLS)
def test_source_links_accept_http_and_https_only_api(app, engine, claim_id, url):
    from ..api.conftest import new_token

    token = new_token(engine, "rita")[1]
    r = app.test_client().post(
        f"/api/v1/claims/{claim_id}/sources",
        json={"url": url, "title": "t"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 422, r.get_json()
    assert "url" in r.get_json()["error"]["fields"]


@pytest.mark.parametrize("url", x.BAD_URLS[:10])
def test_article_addresses_accept_http_and_https_only(app, engine, users, url):
    from ..api.conftest import new_token

    c = app.test_client()
    login(c, "rita")
    r = c.post("/articles/import", data={"title": "T", "body": "The mayor said 300 teachers were hired.", "url": url})
    assert r.status_code == 422 and "an http:// or https:// address" in x.visible_text(safe(r))
    token = new_token(engine, "rita")[1]
    r = app.test_client().post(
        "/api/v1/articles",
        headers={"Authorization": f"Bearer {token}"},
        json={"title": "T", "body": "The mayor said 300 teachers were hired.", "url": url},
    )
    assert r.status_code == 422 and "url" in r.get_json()["error"]["fields"]


def test_imported_html_is_reduced_to_text(world, engine):
    with session_scope(engine) as s:
        article = s.get(Article, world.articles["html"])
        texts = [article.title, article.body, article.byline or "", article.url or ""]
        texts += list(s.exec(select(Claim.text).where(Claim.article_id == article.id)).all())
    stored = "\n".join(texts)
    assert "firefighters" in stored
    for leftover in (
        "<img",
        "<iframe",
        "<span",
        "<a ",
        "onerror",
        "onclick",
        "javascript:",
        "__xss=21",
        "__xss=25",
        "xss-probe",
    ):
        assert leftover not in stored, leftover
    safe(world.eddie.get(f"/articles/{world.articles['html']}"))


def test_stored_article_links_that_are_not_web_addresses_never_become_links(
    app, engine, users, cli_env, tmp_path, capsys
):
    # An import refuses them ...
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps(
            {
                "title": "T",
                "body": "The mayor said 300 teachers were hired last year.",
                "url": "javascript:window.__xss=40",
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(SystemExit):
        cli_main(["import", str(path)])
    assert "field 'url' must be an http:// or https:// address" in capsys.readouterr().err
    # ... and one stored before that check existed is shown as text, not as a link.
    outcome = import_text(engine, "Headline\n\nThe mayor said 300 teachers were hired last year.\n")
    with session_scope(engine) as s:
        s.get(Article, outcome.article_id).url = "javascript:window.__xss=41"
    c = app.test_client()
    login(c, "rita")
    html = safe(c.get(f"/articles/{outcome.article_id}"))
    assert "javascript:" not in html
