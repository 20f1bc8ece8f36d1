"""What a fact-check says it reviewed, the editor's preview, withdrawing a submission and
retracting a published fact-check: pages, fragments, ClaimReview and the audit trail."""

from __future__ import annotations

import html
import json
import re

from sqlmodel import select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import AuditEvent, Verdict
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.review import sources, verdicts

from ..helpers import login
from ..services.conftest import claim_id_containing
from .conftest import HX

SENTENCE = "Prime Minister Adel Abdul-Mahdi said the U.S. had been moving troops"
PROPOSED = "The U.S. had been moving troops into the country and operating drones without authorization."
EDITED = "U.S. forces entered Iraq and flew drones without Iraqi permission."
SOURCE = sources.SourceInput(url="https://records.example.org/sofa", title="Status of forces agreement")


def _client(app, role: str):
    client = app.test_client()
    assert login(client, role).status_code == 302
    return client


def _drones(engine, article) -> int:
    return claim_id_containing(engine, article.article_id, SENTENCE)


def _submitted(engine, claim_id: int, users: dict) -> Verdict:
    reviewer = Actor(users["reviewer"], "reviewer", "reviewer")
    with session_scope(engine) as s:
        sources.add_source(s, reviewer, claim_id, SOURCE)
        row = verdicts.submit(
            s,
            reviewer,
            claim_id,
            verdicts.VerdictInput("false", "The agreement allowed it.", ""),
            verdict_id=None,
            version=None,
            config={"PUBLIC_BASE_URL": "https://x.example"},
        )
        s.flush()
        s.expunge(row)
        return row


def _audit(engine, claim_id: int) -> list[str]:
    with session_scope(engine) as s:
        return [
            e.action
            for e in s.exec(
                select(AuditEvent)
                .where(AuditEvent.entity_id == claim_id, AuditEvent.entity_type == "claim")
                .order_by(AuditEvent.id)
            ).all()
        ]


def test_the_reviewer_form_proposes_the_claim_without_its_attribution(as_role, engine, article):
    claim_id = _drones(engine, article)
    page = html.unescape(as_role("reviewer").get(f"/claims/{claim_id}").get_data(as_text=True))
    assert re.search(r'name="claim_reviewed"[^>]*>' + re.escape(PROPOSED) + "</textarea>", page)
    saved = as_role("reviewer").post(
        f"/claims/{claim_id}/verdict",
        data={
            "rating": "false",
            "summary": "s",
            "claim_reviewed": "  U.S. troops   moved in unannounced. ",
            "action": "save",
        },
        headers=HX,
    )
    assert saved.status_code == 200
    with session_scope(engine) as s:
        draft = verdicts.open_verdict(s, claim_id)
        assert draft.claim_reviewed == "U.S. troops moved in unannounced."
        ref = {"verdict_id": str(draft.id), "verdict_version": str(draft.version)}
    empty = as_role("reviewer").post(
        f"/claims/{claim_id}/verdict",
        data={"rating": "false", "summary": "s", "claim_reviewed": " ", "action": "save", **ref},
        headers=HX,
    )
    assert empty.status_code == 422
    assert "the claim as reviewed cannot be empty" in empty.get_data(as_text=True)


def test_editor_edits_previews_and_publishes_with_no_configuration(app_config, engine, users, article):
    app = create_app({**app_config, "PUBLIC_BASE_URL": None, "PUBLISHER_NAME": None, "PUBLISHER_URL": None})
    claim_id = _drones(engine, article)
    row = _submitted(engine, claim_id, users)
    assert row.claim_reviewed == PROPOSED
    editor = _client(app, "editor")
    panel = html.unescape(editor.get(f"/claims/{claim_id}").get_data(as_text=True))
    assert "Claim as reviewed" in panel and PROPOSED in panel and "Before publishing" not in panel
    form = {"verdict_id": str(row.id), "verdict_version": str(row.version), "claim_reviewed": EDITED}
    fragment = editor.post(f"/claims/{claim_id}/verdict/preview", data=form, headers=HX)
    assert fragment.status_code == 200
    body = html.unescape(fragment.get_data(as_text=True))
    assert body.lstrip().startswith('<section class="preview-frame"') and "<html" not in body
    doc = json.loads(re.search(r"<pre><code>(.*?)</code></pre>", body, re.S).group(1))
    assert doc["claimReviewed"] == EDITED and doc["url"] == f"http://localhost/fact-checks/{claim_id}"
    assert doc["itemReviewed"]["author"]["name"] == "Adel Abdul-Mahdi"
    assert doc["contributor"] == {"@type": "Person", "name": "reviewer"}
    assert "Fact check by <strong>reviewer</strong>" in body
    page = editor.post(f"/claims/{claim_id}/verdict/preview", data=form)
    assert page.status_code == 200 and "<html" in page.get_data(as_text=True)
    with session_scope(engine) as s:  # a preview writes nothing
        assert s.get(Verdict, row.id).claim_reviewed == PROPOSED and s.get(Verdict, row.id).state == "submitted"

    published = editor.post(f"/claims/{claim_id}/verdict/approve", data=form, headers=HX)
    assert published.status_code == 200
    public = html.unescape(app.test_client().get(f"/fact-checks/{claim_id}").get_data(as_text=True))
    assert f'<h1 class="claim-text"><span class="visually-hidden">Claim: </span>{EDITED}</h1>' in public
    assert "As reported: “Prime Minister Adel Abdul-Mahdi said" in public
    assert "Fact check by <strong>reviewer</strong>" in public
    feed = app.test_client().get("/claimreview.json").get_json()["items"]
    assert [item["claimReviewed"] for item in feed] == [EDITED]
    assert feed[0]["author"] == {"@type": "Organization", "name": "localhost", "url": "http://localhost"}
    with session_scope(engine) as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "verdict.publish")).one()
        assert event.before["claim_reviewed"] == PROPOSED and event.after["claim_reviewed"] == EDITED


def test_preview_refusals(as_role, engine, users, article):
    claim_id = _drones(engine, article)
    nothing = as_role("editor").post(f"/claims/{claim_id}/verdict/preview", data={"claim_reviewed": "x"}, headers=HX)
    assert nothing.status_code == 409 and "no verdict awaiting approval to preview" in nothing.get_data(as_text=True)
    _submitted(engine, claim_id, users)
    blank = as_role("editor").post(f"/claims/{claim_id}/verdict/preview", data={"claim_reviewed": "  "}, headers=HX)
    assert blank.status_code == 422 and "the claim as reviewed cannot be empty" in blank.get_data(as_text=True)


def test_reviewer_withdraws_a_submission(as_role, engine, users, article):
    claim_id = _drones(engine, article)
    row = _submitted(engine, claim_id, users)
    ref = {"verdict_id": str(row.id), "verdict_version": str(row.version)}
    page = as_role("reviewer").get(f"/claims/{claim_id}").get_data(as_text=True)
    assert "Withdraw submission" in page
    withdrawn = as_role("reviewer").post(f"/claims/{claim_id}/verdict/withdraw", data=ref, headers=HX)
    assert withdrawn.status_code == 200 and "Submit for approval" in withdrawn.get_data(as_text=True)
    with session_scope(engine) as s:
        again = s.get(Verdict, row.id)
        assert again.state == "draft" and again.submitted_at is None
    assert _audit(engine, claim_id)[-2:] == ["verdict.withdraw", "claim.status"]
    late = as_role("reviewer").post(f"/claims/{claim_id}/verdict/withdraw", data=ref, headers=HX)
    assert late.status_code == 409 and "no submitted verdict to withdraw" in late.get_data(as_text=True)


def test_another_reviewer_cannot_withdraw(app, engine, users, article):
    from ..helpers import make_user

    make_user(engine, "other", "reviewer")
    claim_id = _drones(engine, article)
    row = _submitted(engine, claim_id, users)
    other = _client(app, "other")
    refused = other.post(
        f"/claims/{claim_id}/verdict/withdraw", data={"verdict_id": str(row.id), "verdict_version": str(row.version)}
    )
    assert refused.status_code == 403
    assert "Only the reviewer who submitted this verdict" in html.unescape(refused.get_data(as_text=True))


def test_editor_retracts_a_published_fact_check(as_role, app, engine, users, article):
    claim_id = _drones(engine, article)
    row = _submitted(engine, claim_id, users)
    editor = as_role("editor")
    editor.post(f"/claims/{claim_id}/verdict/approve", data={"verdict_id": row.id, "verdict_version": row.version})
    with session_scope(engine) as s:
        pub = verdicts.published_verdict(s, claim_id)
        ref = {"verdict_id": str(pub.id), "verdict_version": str(pub.version)}
    assert "Retract this fact-check" in editor.get(f"/claims/{claim_id}").get_data(as_text=True)
    no_reason = editor.post(f"/claims/{claim_id}/verdict/retract", data={**ref, "reason": " "}, headers=HX)
    assert no_reason.status_code == 422 and "say why the fact-check is retracted" in no_reason.get_data(as_text=True)
    reason = "The agreement we relied on was superseded in 2019."
    done = editor.post(f"/claims/{claim_id}/verdict/retract", data={**ref, "reason": reason}, headers=HX)
    assert done.status_code == 200 and "Retracted" in done.get_data(as_text=True)
    reader = app.test_client()
    public = reader.get(f"/fact-checks/{claim_id}")
    text = public.get_data(as_text=True)
    assert public.status_code == 200 and "This fact-check was retracted on" in text and reason in text
    assert '<script type="application/ld+json"' not in text  # no ClaimReview left on the page
    assert reader.get(f"/claims/{claim_id}/claimreview.json").status_code == 404
    assert reader.get("/claimreview.json").get_json()["items"] == []
    assert "Retracted</span>" in reader.get("/fact-checks").get_data(as_text=True)
    assert _audit(engine, claim_id)[-1] == "verdict.retract"
    twice = editor.post(f"/claims/{claim_id}/verdict/retract", data={**ref, "reason": reason}, headers=HX)
    assert twice.status_code == 409
    correct = editor.post(
        f"/claims/{claim_id}/verdict/correct", data={**ref, "rating": "true", "summary": "s", "note": "n"}, headers=HX
    )
    assert correct.status_code == 409 and "retracted" in correct.get_data(as_text=True)
