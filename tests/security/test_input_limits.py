"""Uploads judged by content, text encodings, request size and the length of every
free-text field: each refusal is a clear message naming the problem, never a 500."""

from __future__ import annotations

import codecs
import io
import zipfile
from types import SimpleNamespace

import pytest
from sqlmodel import select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import Article, Claim
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.publishing import publish as publishing
from claimtrack.services.review import claims as claim_service
from claimtrack.services.review import sources, verdicts
from claimtrack.services.review.sources import SourceInput
from claimtrack.services.review.verdicts import VerdictInput

from ..api.conftest import new_token
from ..conftest import EXAMPLE
from ..helpers import import_file, login, make_user
from .xss_payloads import visible_text

HX = {"HX-Request": "true"}
ARTICLE = (
    "Council approves budget\n\nThe mayor said the city hired 300 new teachers last year.\n\n"
    "Crime fell by 20 percent in 2025, the police chief said.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document>" + ARTICLE + "</w:document>")
    return buf.getvalue()


@pytest.fixture
def web(app, engine):
    make_user(engine, "rita", "reviewer")
    make_user(engine, "eddie", "editor")
    c = app.test_client()
    assert login(c, "rita").status_code == 302
    return c


def upload(client, data: bytes, name: str, **headers):
    return client.post(
        "/articles/import", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data", headers=headers
    )


def _stored(engine) -> list[Article]:
    with session_scope(engine) as s:
        rows = list(s.exec(select(Article)).all())
        for row in rows:
            s.expunge(row)
        return rows


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PNG, "a PNG image"),
        (PDF, "a PDF document"),
        (_zip(), "a zip archive"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    ],
)
@pytest.mark.parametrize("name", ["article.txt", "article.html", "article.json"])
def test_binary_files_are_refused_whatever_their_name(web, engine, data, kind, name):
    r = upload(web, data, name)
    assert r.status_code == 422
    text = visible_text(r.get_data(as_text=True))
    assert f"{name}: looks like {kind}" in text, text[-600:]
    r = upload(web, data, name, **HX)
    assert r.status_code == 422 and f"looks like {kind}" in r.get_data(as_text=True)
    assert _stored(engine) == []


def test_a_web_page_saved_as_txt_is_read_as_html(web, engine):
    """A page saved from a browser and named .txt: its markup and scripts must not become
    article text (claims cut from `<div class=...>` help nobody), so it is read as HTML."""
    filler = (
        "Members of the public filled the hall on Tuesday evening to hear the arguments about the "
        "spending plan for the coming year, which the council debated for three hours."
    )
    page = (
        "<!DOCTYPE html>\n<html><head><title>Council approves budget</title>"
        "<script>var tracking = 'window.__xss';</script></head><body><nav>Home | News</nav><article>"
        "<h1>Council approves budget</h1>"
        f"<p>The mayor said the city hired 300 new teachers last year. {filler}</p>"
        f"<p>Crime fell by 20 percent in 2025, the police chief said. {filler}</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    r = upload(web, page.encode("utf-8"), "saved-page.txt")
    assert r.status_code == 303, visible_text(r.get_data(as_text=True))[-500:]
    (article,) = _stored(engine)
    assert article.title == "Council approves budget"
    assert "300 new teachers" in article.body
    for markup in ("<", "tracking", "window.__xss", "DOCTYPE"):
        assert markup not in article.body
    # Pasted into the form with a title of one's own, it is reduced to text the same way.
    r = web.post("/articles/import", data={"title": "Pasted page", "body": page.replace("300", "301")})
    assert r.status_code == 303
    pasted = [a for a in _stored(engine) if a.title == "Pasted page"]
    assert len(pasted) == 1 and "301 new teachers" in pasted[0].body and "<" not in pasted[0].body


def test_prose_that_mentions_a_tag_stays_text(web, engine):
    body = ARTICLE + "\nThe <html> tag, the minister said, starts every web page.\n"
    assert upload(web, body.encode("utf-8"), "a.txt").status_code == 303
    (article,) = _stored(engine)
    assert "The <html> tag" in article.body


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"this is not json", "malformed JSON at line 1, column 1: Expecting value"),
        (b'{"title": "T", "body": "B"', "malformed JSON at line 1, column 27"),
        (b"[1]", "expected a JSON object with title and body"),
        (b'"just a string"', "expected a JSON object with title and body"),
        (b'{"title": 5, "body": "x"}', "field 'title' must be a string"),
        (b'{"body": "The mayor said 300 teachers were hired."}', "missing title"),
        (
            b'{"title": "T", "body": "The mayor said 300.", "url": "javascript:alert(1)"}',
            "field 'url' must be an http:// or https:// address",
        ),
    ],
)
def test_json_that_is_not_an_article_is_refused_naming_the_problem(web, data, problem):
    r = upload(web, data, "feed.json")
    assert r.status_code == 422
    assert problem in visible_text(r.get_data(as_text=True))


def test_encodings_are_decoded_or_refused_clearly(web, engine):
    text = "Café budget row\n\nThe mayor of Zürich said 300 “new” teachers were hired last year.\n"
    # UTF-16 and UTF-32 with a byte-order mark, and UTF-8 with one, are read correctly.
    for n, (codec, bom) in enumerate(
        [
            ("utf-16-le", codecs.BOM_UTF16_LE),
            ("utf-16-be", codecs.BOM_UTF16_BE),
            ("utf-32-le", codecs.BOM_UTF32_LE),
            ("utf-8", codecs.BOM_UTF8),
        ]
    ):
        variant = text.replace("300", str(300 + n))
        r = upload(web, bom + variant.encode(codec), f"u{n}.txt")
        assert r.status_code == 303, (codec, visible_text(r.get_data(as_text=True))[-400:])
        assert any(f"Zürich said {300 + n} “new”" in a.body for a in _stored(engine)), codec
    # Latin-1 without a declaration cannot be told from other encodings: refused, naming where.
    r = upload(web, text.replace("“", '"').replace("”", '"').encode("latin-1"), "latin.txt")
    assert r.status_code == 422
    assert "latin.txt: not valid UTF-8 at line 1 (byte offset 3)" in visible_text(r.get_data(as_text=True))
    # An HTML page that declares its charset is decoded with it.
    filler = " ".join(["The council debated the spending plan for the coming year at length."] * 4)
    page = (
        f'<html><head><meta charset="iso-8859-1"><title>Budget in Zürich</title></head><body><article>'
        f"<h1>Budget in Zürich</h1><p>The mayor of Zürich said 300 teachers were hired. {filler}</p>"
        f"<p>Crime fell by 20 percent, the police chief said. {filler}</p></article></body></html>"
    )
    r = upload(web, page.encode("latin-1"), "latin.html")
    assert r.status_code == 303, visible_text(r.get_data(as_text=True))[-400:]
    assert any(a.title == "Budget in Zürich" for a in _stored(engine))
    # Broken UTF-16 and NUL-filled text are refused, not stored.
    for data in (codecs.BOM_UTF16_LE + b"\x00\xd8", b"abc\x00def" * 10):
        r = upload(web, data, "broken.txt")
        assert r.status_code == 422 and "broken.txt: " in visible_text(r.get_data(as_text=True))


@pytest.fixture
def small_limits(app_config):
    return {**app_config, "MAX_CONTENT_LENGTH": 20_000, "API_MAX_BODY_BYTES": 10_000}


def test_oversized_requests_get_413_as_page_fragment_and_json(small_limits, engine):
    app = create_app(small_limits)
    make_user(engine, "rita", "reviewer")
    c = app.test_client()
    login(c, "rita")
    big = ARTICLE.encode("utf-8") * 400
    r = upload(c, big, "big.txt")
    assert r.status_code == 413
    page = visible_text(r.get_data(as_text=True))
    assert "too large" in page.lower() and "20 KB" in page, page[-500:]
    r = upload(c, big, "big.txt", **HX)
    assert r.status_code == 413 and r.headers["HX-Retarget"] == "#notices"
    assert "too large" in r.get_data(as_text=True).lower()
    r = c.post("/articles/import", data={"title": "T", "body": "x " * 20_000})
    assert r.status_code == 413
    token = new_token(engine, "rita")[1]
    r = app.test_client().post(
        "/api/v1/articles", headers={"Authorization": f"Bearer {token}"}, json={"title": "T", "body": "word " * 5000}
    )
    assert r.status_code == 413 and r.is_json
    assert r.get_json()["error"]["code"] == "too_large"
    assert _stored(engine) == []


@pytest.fixture
def claim(engine):
    """Three claims: one under review with a draft verdict, one awaiting approval, one
    published (for the editor's return and correction)."""
    make_user(engine, "rita", "reviewer")
    make_user(engine, "eddie", "editor")
    article = import_file(engine, EXAMPLE)
    rita, eddie = Actor(1, "rita", "reviewer"), Actor(2, "eddie", "editor")
    config = {"PUBLIC_BASE_URL": "https://factcheck.example.org", "RATING_SCALE_PATH": None}
    with session_scope(engine) as s:
        ids = list(s.exec(select(Claim.id).where(Claim.article_id == article.article_id).order_by(Claim.id)).all())
        for claim_id in ids[:3]:
            sources.add_source(s, rita, claim_id, SourceInput("https://stats.example/t", "Stats", "", "refutes"))
        verdicts.save_draft(
            s, rita, ids[0], VerdictInput("false", "Wrong.", ""), verdict_id=None, version=None, config=config
        )
        for claim_id in ids[1:3]:
            verdicts.submit(
                s, rita, claim_id, VerdictInput("false", "Wrong.", ""), verdict_id=None, version=None, config=config
            )
        row = verdicts.open_verdict(s, ids[2])
        publishing.publish(s, eddie, ids[2], verdict_id=row.id, version=row.version, config=config)
    return SimpleNamespace(draft=ids[0], submitted=ids[1], published=ids[2])


def test_every_free_text_field_has_a_maximum_web(app, engine, claim):
    open_id, published_id = claim.draft, claim.published
    c = app.test_client()
    login(c, "eddie")
    with session_scope(engine) as s:
        version = s.get(Claim, open_id).version
        open_v = verdicts.open_verdict(s, open_id)
        sub_v = verdicts.open_verdict(s, claim.submitted)
        pub_v = verdicts.published_verdict(s, published_id)
        claim_row = s.get(Claim, open_id)
        start, end = claim_row.start_offset, claim_row.end_offset
    long = "x" * 120_000
    cases = [
        (f"/claims/{open_id}/text", {"version": version, "text": long, "start": start, "end": end}, "text"),
        (f"/claims/{open_id}/speaker", {"version": version, "speaker": long}, "speaker"),
        (f"/claims/{open_id}/speaker", {"version": version, "speaker": "Ann", "speaker_title": long}, "speaker"),
        (f"/claims/{open_id}/dismiss", {"version": version, "reason": long}, "reason"),
        (f"/claims/{open_id}/sources", {"url": "https://a.example/" + long, "title": "t", "stance": "context"}, "url"),
        (f"/claims/{open_id}/sources", {"url": "https://a.example/", "title": long, "stance": "context"}, "title"),
        (
            f"/claims/{open_id}/sources",
            {"url": "https://a.example/", "publisher": long, "stance": "context"},
            "publisher",
        ),
        (f"/claims/{open_id}/sources", {"url": "https://a.example/", "excerpt": long, "stance": "context"}, "excerpt"),
        (
            f"/claims/{open_id}/verdict",
            {"rating": "false", "summary": long, "verdict_id": open_v.id, "verdict_version": open_v.version},
            "summary",
        ),
        (
            f"/claims/{open_id}/verdict",
            {"rating": "false", "rationale": long, "verdict_id": open_v.id, "verdict_version": open_v.version},
            "rationale",
        ),
        (
            f"/claims/{claim.submitted}/verdict/return",
            {"comment": long, "verdict_id": sub_v.id, "verdict_version": sub_v.version},
            "comment",
        ),
        (
            f"/claims/{published_id}/verdict/correct",
            {"rating": "false", "summary": "s", "note": long, "verdict_id": pub_v.id, "verdict_version": pub_v.version},
            "note",
        ),
    ]
    for url, data, field in cases:
        for headers in ({}, HX):
            r = c.post(url, data=data, headers=headers)
            assert r.status_code == 422, (url, field, r.status_code)
            assert "at most" in visible_text(r.get_data(as_text=True)) or "too long" in r.get_data(as_text=True), (
                url,
                field,
            )
    for field, limit in (("title", 1000), ("url", 2000), ("outlet", 200), ("byline", 500)):
        data = {
            "title": "T",
            "body": ARTICLE,
            field: ("https://a.example/" if field == "url" else "") + "y" * (limit + 1),
        }
        r = c.post("/articles/import", data=data)
        assert r.status_code == 422 and f"at most {limit:,} characters" in visible_text(r.get_data(as_text=True))
    with session_scope(engine) as s:
        assert s.get(Claim, open_id).version == version


@pytest.mark.parametrize(("path", "q"), [("/", "q"), ("/claimants", "q")])
def test_search_boxes_refuse_over_long_text(app, engine, claim, path, q):
    c = app.test_client()
    login(c, "rita")
    assert c.get(path, query_string={q: "troops " * 28}).status_code == 200
    r = c.get(path, query_string={q: "troops " * 40})
    assert r.status_code == 422
    assert "The search is too long (at most 200 characters)." in visible_text(r.get_data(as_text=True))


def test_every_free_text_field_has_a_maximum_api(app, engine, claim):
    open_id = claim.draft
    token = new_token(engine, "eddie")[1]
    c = app.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    version = c.get(f"/api/v1/claims/{open_id}", headers=auth).get_json()["version"]
    long = "x" * 60_000
    cases = [
        ("PATCH", f"/claims/{open_id}", {"version": version, "text": long}, "text"),
        ("PATCH", f"/claims/{open_id}", {"version": version, "claimant": long}, "claimant"),
        ("PATCH", f"/claims/{open_id}", {"version": version, "claimant_title": long}, "claimant_title"),
        (
            "PATCH",
            f"/claims/{open_id}",
            {"version": version, "status": "dismissed", "dismissed_reason": long},
            "dismissed_reason",
        ),
        ("POST", f"/claims/{open_id}/sources", {"url": "https://a.example/" + long}, "url"),
        ("POST", f"/claims/{open_id}/sources", {"url": "https://a.example/", "title": long}, "title"),
        ("POST", f"/claims/{open_id}/sources", {"url": "https://a.example/", "excerpt": long}, "excerpt"),
        ("POST", f"/claims/{open_id}/verdicts", {"version": 0, "summary": long}, "summary"),
        ("POST", f"/claims/{open_id}/verdicts", {"version": 0, "rationale": long * 2}, "rationale"),
        ("POST", "/articles", {"title": long, "body": ARTICLE}, "title"),
        ("POST", "/articles", {"title": "T", "body": ARTICLE, "outlet": long}, "outlet"),
        ("POST", "/articles", {"title": "T", "body": ARTICLE, "byline": long}, "byline"),
        ("GET", "/claims?q=" + "x" * 201, None, "q"),
        ("GET", "/articles?q=" + "x" * 201, None, "q"),
        ("GET", "/claimants?q=" + "x" * 201, None, "q"),
        ("GET", "/match?q=" + "x" * 2001, None, "q"),
    ]
    for method, path, body, field in cases:
        r = (
            c.open("/api/v1" + path, method=method, headers=auth, json=body)
            if body is not None
            else c.open("/api/v1" + path, method=method, headers=auth)
        )
        assert r.status_code == 422, (path, field, r.status_code, r.get_data(as_text=True)[:300])
        assert field in r.get_json()["error"]["fields"], (path, field, r.get_json())
    assert c.get(f"/api/v1/claims/{open_id}", headers=auth).get_json()["version"] == version


def test_services_apply_the_same_maximum_as_the_forms(engine, claim):
    """The limits live in the services, so the CLI and any other caller meet them too."""
    from claimtrack.errors import ValidationError

    open_id = claim.draft
    rita = Actor(1, "rita", "reviewer")
    with session_scope(engine) as s:
        version = s.get(Claim, open_id).version
        draft = verdicts.open_verdict(s, open_id)
        for call, field in (
            (lambda: claim_service.set_speaker(s, rita, open_id, version=version, name="n" * 301), "speaker"),
            (lambda: sources.add_source(s, rita, open_id, SourceInput("https://a.example/", "t" * 1001)), "title"),
            (
                lambda: verdicts.save_draft(
                    s,
                    rita,
                    open_id,
                    VerdictInput("false", "s" * 2001, ""),
                    verdict_id=draft.id,
                    version=draft.version,
                    config={},
                ),
                "summary",
            ),
            (
                lambda: verdicts.save_draft(
                    s,
                    rita,
                    open_id,
                    VerdictInput("false", "", "r" * 50_001),
                    verdict_id=draft.id,
                    version=draft.version,
                    config={},
                ),
                "rationale",
            ),
        ):
            with pytest.raises(ValidationError) as caught:
                call()
            assert field in caught.value.fields


def test_values_at_their_maximum_are_stored(app, engine, claim):
    """The limits are the real ones: a value exactly at each is accepted on every database
    (a 300-character speaker once overflowed the matching index on PostgreSQL)."""
    open_id = claim.draft
    c = app.test_client()
    login(c, "rita")
    with session_scope(engine) as s:
        version = s.get(Claim, open_id).version
    name = ("Speaker " * 40)[:299] + "x"
    r = c.post(f"/claims/{open_id}/speaker", data={"version": version, "speaker": name, "speaker_title": "t" * 300})
    assert r.status_code == 303, visible_text(r.get_data(as_text=True))[-400:]
    r = c.post(
        f"/claims/{open_id}/sources",
        data={
            "url": "https://a.example/" + "p" * 1982,
            "title": "T " * 500,
            "publisher": "P" * 300,
            "stance": "context",
            "excerpt": "e" * 5000,
        },
    )
    assert r.status_code == 303, visible_text(r.get_data(as_text=True))[-400:]
    with session_scope(engine) as s:
        claim_row = s.get(Claim, open_id)
        assert claim_row.speaker_title == "t" * 300 and claim_row.version == version + 1
