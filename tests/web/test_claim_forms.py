"""Writes from the claim panel: success, 422 with the form as typed, 409 with both
versions, and plain form posts redirected to the claim page."""

from sqlmodel import select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import Article, Claim, ClaimSource, Verdict

from ..helpers import login
from .conftest import HX


def _claim(engine, claim_id):
    with session_scope(engine) as s:
        return s.get(Claim, claim_id)


def test_edit_with_htmx_returns_the_panel_and_a_change_event(as_role, engine, troops):
    claim = _claim(engine, troops)
    response = as_role("reviewer").post(
        f"/claims/{troops}/text",
        headers=HX,
        data={
            "version": "1",
            "text": "About 6,000 U.S. troops are in Iraq.",
            "start": claim.start_offset,
            "end": claim.end_offset,
        },
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "claims-changed"
    assert body.lstrip().startswith("<section") or f'id="claim-{troops}"' in body
    assert "<html" not in body and "About 6,000 U.S. troops are in Iraq." in body
    assert _claim(engine, troops).version == 2


def test_plain_form_posts_redirect_to_the_claim(as_role, troops):
    response = as_role("reviewer").post(f"/claims/{troops}/assign", data={"version": "1", "assignee": "me"})
    assert response.status_code == 303 and response.headers["Location"] == f"/claims/{troops}"


def test_validation_errors_are_422_with_the_form_as_typed(as_role, troops):
    client = as_role("reviewer")
    response = client.post(f"/claims/{troops}/dismiss", headers=HX, data={"version": "1", "reason": "   "})
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and "<html" not in body
    assert "Say why the claim is not worth checking." in body and 'aria-invalid="true"' in body
    response = client.post(
        f"/claims/{troops}/sources",
        headers=HX,
        data={"url": "javascript:alert(1)", "title": "My careful title", "stance": "supports"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and "http or https only" in body and 'value="My careful title"' in body
    page = client.post(f"/claims/{troops}/dismiss", data={"version": "1", "reason": ""})
    assert page.status_code == 422 and "<html" in page.get_data(as_text=True)


def test_bad_numbers_are_validation_errors_not_crashes(as_role, troops):
    response = as_role("reviewer").post(
        f"/claims/{troops}/text", headers=HX, data={"version": "one", "text": "x", "start": "a", "end": ""}
    )
    assert response.status_code == 422


def test_a_stale_edit_is_409_with_both_versions_and_my_text_kept(as_role, engine, troops):
    claim = _claim(engine, troops)
    span = {"start": claim.start_offset, "end": claim.end_offset}
    first = as_role("reviewer").post(
        f"/claims/{troops}/text", headers=HX, data={"version": "1", "text": "Their wording of the claim.", **span}
    )
    assert first.status_code == 200
    second = as_role("editor").post(
        f"/claims/{troops}/text", headers=HX, data={"version": "1", "text": "My own wording, typed with care.", **span}
    )
    body = second.get_data(as_text=True)
    assert second.status_code == 409 and "<html" not in body
    assert "Changed by reviewer at" in body
    assert "Their wording of the claim." in body and "My own wording, typed with care." in body
    assert ">My own wording, typed with care.</textarea>" in body
    assert 'name="version" value="2"' in body
    assert _claim(engine, troops).text == "Their wording of the claim."


def test_an_illegal_move_is_409_with_a_message(as_role, troops):
    response = as_role("reviewer").post(
        f"/claims/{troops}/status", headers=HX, data={"version": "1", "status": "published"}
    )
    assert response.status_code == 409 and "cannot go from unreviewed to published" in response.get_data(as_text=True)


def test_new_claim_from_offsets(as_role, engine, article):
    with session_scope(engine) as s:
        body = s.get(Article, article.article_id).body
    start = body.index("Operation Inherent Resolve")
    client = as_role("reviewer")
    response = client.post(
        f"/articles/{article.article_id}/claims",
        headers=HX,
        data={"start": start, "end": start + 26, "selected": "Operation Inherent Resolve"},
    )
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "claims-changed"
    new_id = int(response.headers["HX-Push-Url"].rsplit("/", 1)[1])
    assert _claim(engine, new_id).text == "Operation Inherent Resolve"
    bad = client.post(
        f"/articles/{article.article_id}/claims",
        headers=HX,
        data={"start": start, "end": start + 26, "selected": "something else"},
    )
    assert bad.status_code == 422 and bad.headers["HX-Retarget"] == "#add-claim"
    assert 'id="add-claim"' in bad.get_data(as_text=True) and "<html" not in bad.get_data(as_text=True)
    plain = client.post(f"/articles/{article.article_id}/claims", data={"start": "0", "end": "8"})
    assert plain.status_code == 303 and plain.headers["Location"].startswith("/claims/")


def test_review_to_publication_through_the_routes(as_role, engine, troops):
    rita, eddie = as_role("reviewer"), as_role("editor")
    assert (
        rita.post(
            f"/claims/{troops}/sources",
            headers=HX,
            data={"url": "https://www.defense.gov/x", "title": "DoD", "stance": "refutes"},
        ).status_code
        == 200
    )
    missing = rita.post(
        f"/claims/{troops}/verdict",
        headers=HX,
        data={"action": "submit", "rating": "", "summary": "", "rationale": "My long rationale."},
    )
    body = missing.get_data(as_text=True)
    assert missing.status_code == 422 and "No rating chosen." in body and "My long rationale." in body
    saved = rita.post(
        f"/claims/{troops}/verdict",
        headers=HX,
        data={"action": "save", "rating": "false", "summary": "Wrong.", "rationale": ""},
    )
    assert saved.status_code == 200
    with session_scope(engine) as s:
        draft = s.exec(select(Verdict).where(Verdict.claim_id == troops)).one()
    submitted = rita.post(
        f"/claims/{troops}/verdict",
        headers=HX,
        data={
            "action": "submit",
            "rating": "false",
            "summary": "Wrong.",
            "rationale": "",
            "verdict_id": draft.id,
            "verdict_version": draft.version,
        },
    )
    assert submitted.status_code == 200 and "Awaiting approval" in submitted.get_data(as_text=True)
    with session_scope(engine) as s:
        row = s.get(Verdict, draft.id)
    published = eddie.post(
        f"/claims/{troops}/verdict/approve", headers=HX, data={"verdict_id": row.id, "verdict_version": row.version}
    )
    assert published.status_code == 200 and "Issue a correction" in published.get_data(as_text=True)
    assert _claim(engine, troops).status == "published"
    with session_scope(engine) as s:
        pub = s.exec(select(Verdict).where(Verdict.claim_id == troops)).one()
    corrected = eddie.post(
        f"/claims/{troops}/verdict/correct",
        headers=HX,
        data={
            "verdict_id": pub.id,
            "verdict_version": pub.version,
            "rating": "half-true",
            "summary": "Partly.",
            "rationale": "",
            "note": "We misread the figure.",
        },
    )
    assert corrected.status_code == 200 and "Correction: We misread the figure." in corrected.get_data(as_text=True)


def test_source_edit_and_remove(as_role, engine, troops):
    client = as_role("reviewer")
    client.post(f"/claims/{troops}/sources", headers=HX, data={"url": "https://example.org/a", "title": "A"})
    with session_scope(engine) as s:
        link = s.exec(select(ClaimSource).where(ClaimSource.claim_id == troops)).one()
    page = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    fingerprint = page.split('name="fingerprint" value="')[1].split('"')[0]
    edited = client.post(
        f"/claims/{troops}/sources/{link.id}",
        headers=HX,
        data={"url": "https://example.org/a", "title": "A, retitled", "stance": "supports", "fingerprint": fingerprint},
    )
    assert edited.status_code == 200 and "A, retitled" in edited.get_data(as_text=True)
    stale = client.post(f"/claims/{troops}/sources/{link.id}/remove", headers=HX, data={"fingerprint": fingerprint})
    assert stale.status_code == 409 and "Changed by reviewer" in stale.get_data(as_text=True)


def test_split_and_merge_through_the_routes(as_role, engine, troops, article):
    claim = _claim(engine, troops)
    client = as_role("reviewer")
    page = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    at = page.split('name="at" value="')[1].split('"')[0]
    response = client.post(f"/claims/{troops}/split", headers=HX, data={"version": "1", "at": at})
    assert response.status_code == 200 and _claim(engine, troops).end_offset < claim.end_offset
    with session_scope(engine) as s:
        second = s.exec(select(Claim).order_by(Claim.id.desc())).first()
    merged = client.post(
        f"/claims/{troops}/merge", headers=HX, data={"version": "2", "other": f"{second.id}:{second.version}"}
    )
    assert merged.status_code == 200
    assert (_claim(engine, troops).end_offset, _claim(engine, second.id).status) == (claim.end_offset, "merged")


def test_csrf_token_travels_in_the_htmx_header(app_config, engine, troops, users):
    app = create_app({**app_config, "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    assert (
        client.post(
            "/login", data={"username": "reviewer", "password": "correct horse battery", "csrf_token": token}
        ).status_code
        == 302
    )
    data = {"version": "1", "assignee": "me"}
    assert client.post(f"/claims/{troops}/assign", headers=HX, data=data).status_code == 400
    meta = client.get("/").get_data(as_text=True).split('name="csrf-token" content="')[1].split('"')[0]
    assert client.post(f"/claims/{troops}/assign", headers={**HX, "X-CSRFToken": meta}, data=data).status_code == 200


def test_import_form(as_role, engine):
    from ..conftest import EXAMPLE

    client = as_role("reviewer")
    bad = client.post("/articles/import", headers=HX, data={"title": "", "body": "", "url": "ftp://x"})
    body = bad.get_data(as_text=True)
    assert bad.status_code == 422 and 'id="import-form"' in body and "<html" not in body
    assert 'value="ftp://x"' in body and "an http:// or https:// address" in body
    with EXAMPLE.open("rb") as fh:
        done = client.post(
            "/articles/import", headers=HX, data={"file": (fh, "nbc.txt")}, content_type="multipart/form-data"
        )
    assert done.status_code == 200 and done.headers["HX-Redirect"].startswith("/articles/")
    again = client.post("/articles/import", data={"body": EXAMPLE.read_text(encoding="utf-8")})
    assert again.status_code == 303 and again.headers["Location"] == done.headers["HX-Redirect"]
    page = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "imported before" in page


def test_claimant_merge_route(as_role, engine, article):
    from claimtrack.models import Claimant

    with session_scope(engine) as s:
        keep = s.exec(select(Claimant).where(Claimant.name == "Adel Abdul-Mahdi")).one().id
        dup = s.exec(select(Claimant).where(Claimant.name == "Mark Milley")).one().id
    client = as_role("editor")
    bad = client.post(f"/claimants/{keep}/merge", data={"duplicate": str(keep)})
    assert bad.status_code == 422 and "Choose two different claimants." in bad.get_data(as_text=True)
    done = client.post(f"/claimants/{keep}/merge", data={"duplicate": str(dup)})
    assert done.status_code == 303
    assert client.get(f"/claimants/{dup}").headers["Location"] == f"/claimants/{keep}"


def test_login_lands_somewhere_useful(client, users):
    assert login(client, "viewer").status_code == 302
    assert client.get("/").status_code == 200
