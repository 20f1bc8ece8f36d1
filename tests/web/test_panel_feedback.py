"""After every write from the claim panel the person is told what happened, in the part
of the panel where they acted: a success notice (role=status) or the first problem."""

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim

from .conftest import HX

NOTICE = 'class="form-done" role="status" tabindex="-1"'


def _claim(engine, claim_id):
    with session_scope(engine) as s:
        return s.get(Claim, claim_id)


def _section(body: str, css: str) -> str:
    start = body.index(f'<section class="{css}"')
    return body[start : body.index("</section>", start)]


def test_split_says_what_happened_and_offers_the_text_for_rewording(as_role, engine, troops):
    client = as_role("reviewer")
    page = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    at = page.split('name="at" value="')[1].split('"')[0]
    body = client.post(f"/claims/{troops}/split", headers=HX, data={"version": "1", "at": at}).get_data(as_text=True)
    with session_scope(engine) as s:
        rest = s.exec(select(Claim).order_by(Claim.id.desc())).first()
    edit = _section(body, "edit-claim")
    assert NOTICE in edit and f"the rest became claim #{rest.id}" in edit
    # the text form is open, ready for rewording this part
    assert '<details class="disclosure" open>\n    <summary>Edit text' in edit or "Reword this part" in edit
    assert edit.count(" open>") >= 1


def test_merge_leaves_merged_into_not_dismissed(as_role, engine, troops):
    client = as_role("reviewer")
    page = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    at = page.split('name="at" value="')[1].split('"')[0]
    client.post(f"/claims/{troops}/split", headers=HX, data={"version": "1", "at": at})
    with session_scope(engine) as s:
        rest = s.exec(select(Claim).order_by(Claim.id.desc())).first()
    merged = client.post(
        f"/claims/{troops}/merge", headers=HX, data={"version": "2", "other": f"{rest.id}:{rest.version}"}
    ).get_data(as_text=True)
    assert NOTICE in _section(merged, "edit-claim") and "Merged:" in merged
    other = client.get(f"/claims/{rest.id}", headers=HX).get_data(as_text=True)
    assert f"Merged into #{troops}</span>" in other and f'Merged into <a href="/claims/{troops}">' in other
    assert "Dismissed:" not in other
    # ... and the dismissed claim offers no Add source
    assert "Add a source" not in other and f'action="/claims/{rest.id}/sources"' not in other
    article_page = client.get(f"/articles/{_claim(engine, troops).article_id}").get_data(as_text=True)
    assert f"Merged into #{troops}" in article_page


def test_submit_and_draft_notices_sit_in_the_verdict_section(as_role, engine, troops):
    client = as_role("reviewer")
    client.post(
        f"/claims/{troops}/sources",
        headers=HX,
        data={
            "url": "https://www.defense.gov/troops",
            "title": "Troop levels",
            "publisher": "DoD",
            "stance": "supports",
        },
    )
    draft = client.post(
        f"/claims/{troops}/verdict",
        headers=HX,
        data={
            "rating": "mostly-true",
            "summary": "Close to the official count.",
            "rationale": "Figures.",
            "action": "draft",
        },
    )
    body = draft.get_data(as_text=True)
    assert draft.status_code == 200 and NOTICE in _section(body, "verdict") and "Draft saved." in body
    verdict_id = body.split('name="verdict_id" value="')[1].split('"')[0]
    version = body.split('name="verdict_version" value="')[1].split('"')[0]
    submitted = client.post(
        f"/claims/{troops}/verdict",
        headers=HX,
        data={
            "rating": "mostly-true",
            "summary": "Close to the official count.",
            "rationale": "Figures.",
            "action": "submit",
            "verdict_id": verdict_id,
            "verdict_version": version,
        },
    ).get_data(as_text=True)
    assert "Submitted for approval" in _section(submitted, "verdict")


def test_a_failed_write_shows_the_problem_and_no_success_notice(as_role, troops):
    body = (
        as_role("reviewer")
        .post(f"/claims/{troops}/dismiss", headers=HX, data={"version": "1", "reason": ""})
        .get_data(as_text=True)
    )
    assert 'role="alert"' in body and NOTICE not in body


def test_dismissal_presets_with_or_without_own_words(as_role, engine, troops, article):
    client = as_role("reviewer")
    page = client.get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert 'value="Opinion, not a factual claim"' in page and 'value="Out of scope"' in page
    done = client.post(
        f"/claims/{troops}/dismiss",
        headers=HX,
        data={"version": "1", "preset": "Not checkable", "reason": "a forecast"},
    )
    assert done.status_code == 200 and "Dismissed." in done.get_data(as_text=True)
    assert _claim(engine, troops).dismissed_reason == "Not checkable: a forecast"
    with session_scope(engine) as s:
        other = s.exec(select(Claim).where(Claim.article_id == article.article_id, Claim.id != troops)).first()
    bad = client.post(f"/claims/{other.id}/dismiss", headers=HX, data={"version": "1", "preset": "Boring"})
    assert bad.status_code == 422 and "Choose one of the reasons offered" in bad.get_data(as_text=True)
    plain = client.post(f"/claims/{other.id}/dismiss", data={"version": "1", "preset": "Out of scope"})
    assert plain.status_code == 303 and _claim(engine, other.id).dismissed_reason == "Out of scope"


def test_viewers_and_editors_see_the_same_panel_rules(as_role, troops):
    viewer = as_role("viewer").get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert "No speaker" not in viewer or "No speaker: the outlet&#39;s own statement" in viewer
    assert 'name="preset"' not in viewer
    assert (
        as_role("viewer")
        .post(f"/claims/{troops}/dismiss", headers=HX, data={"version": "1", "preset": "Out of scope"})
        .status_code
        == 403
    )
    editor = as_role("editor").post(f"/claims/{troops}/assign", headers=HX, data={"version": "1", "assignee": "me"})
    assert editor.status_code == 200 and "Assignment saved." in _section(editor.get_data(as_text=True), "workflow")
