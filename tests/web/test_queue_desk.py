"""The queue as a desk: sort, assignee filter, bulk actions with undo, the score as a word."""

import re

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import AuditEvent, Claim

from .conftest import HX


def _unreviewed_ids(engine, n):
    with session_scope(engine) as s:
        return list(
            s.exec(
                select(Claim.id)
                .where(Claim.status == "unreviewed")
                .order_by(Claim.checkworthiness.desc(), Claim.id)
                .limit(n)
            ).all()
        )


def test_reviewers_get_row_checkboxes_and_the_bulk_form_viewers_do_not(as_role, article):
    reviewer = as_role("reviewer").get("/").get_data(as_text=True)
    assert 'id="bulk-form"' in reviewer and 'class="queue-select"' in reviewer
    viewer = as_role("viewer").get("/").get_data(as_text=True)
    assert 'id="bulk-form"' not in viewer and 'class="queue-select"' not in viewer


def test_the_score_is_a_word_with_the_figure_on_hover(as_role, article):
    page = as_role("viewer").get("/").get_data(as_text=True)
    shown = re.findall(r'class="worthiness worthiness-(\w+)" title="Check-worthiness (\d+)%">(\w+) ', page)
    assert len(shown) > 5
    for css, score, word in shown:
        assert css == word and word == ("high" if int(score) >= 70 else "medium" if int(score) >= 40 else "low")


def test_bulk_assign_in_the_queue_then_undo(as_role, engine, users, article):
    ids = _unreviewed_ids(engine, 3)
    client = as_role("reviewer")
    response = client.post(
        "/queue/bulk",
        data={"action": "assign", "assignee": str(users["editor"]), "claim": [str(i) for i in ids]},
        headers=HX,
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="queue-results"' in page and "<html" not in page
    assert "Assignment changed on 3 claims." in page and "Undo" in page and 'role="status"' in page
    with session_scope(engine) as s:
        assert {s.get(Claim, i).assignee_id for i in ids} == {users["editor"]}
        batch = s.exec(select(AuditEvent).where(AuditEvent.action == "bulk.assign")).one()
        batch_id = batch.id
    filtered = client.get(f"/?assignee={users['editor']}").get_data(as_text=True)
    assert all(f'value="{i}" form="bulk-form"' in filtered for i in ids)
    undone = client.post(f"/queue/bulk/{batch_id}/undo", headers=HX).get_data(as_text=True)
    assert "Undone: 3 claims put back as they were." in undone
    with session_scope(engine) as s:
        assert {s.get(Claim, i).assignee_id for i in ids} == {None}
    again = client.post(f"/queue/bulk/{batch_id}/undo", headers=HX)
    assert again.status_code == 422 and "already been undone" in again.get_data(as_text=True)


def test_bulk_dismiss_without_a_reason_is_refused_and_changes_nothing(as_role, engine, article):
    ids = _unreviewed_ids(engine, 2)
    response = as_role("reviewer").post(
        "/queue/bulk", data={"action": "dismiss", "reason": "", "claim": [str(i) for i in ids]}, headers=HX
    )
    assert response.status_code == 422 and "Say why" in response.get_data(as_text=True)
    with session_scope(engine) as s:
        assert {s.get(Claim, i).status for i in ids} == {"unreviewed"}


def test_a_bad_selection_names_the_problem(as_role, article):
    response = as_role("reviewer").post("/queue/bulk", data={"action": "assign", "assignee": "me", "claim": "x1"})
    assert response.status_code == 422 and "not a claim id" in response.get_data(as_text=True)
    response = as_role("reviewer").post("/queue/bulk", data={"action": "assign", "assignee": "me"})
    assert response.status_code == 422 and "Select at least one claim" in response.get_data(as_text=True)


def test_sorting_keeps_the_choice_in_the_pager_and_heading(as_role, article):
    page = as_role("viewer").get("/?sort=oldest").get_data(as_text=True)
    assert "Unreviewed claims, oldest first" in page
    assert '<option value="oldest" selected>' in page
    assert "Unreviewed claims, most check-worthy first" in as_role("viewer").get("/?sort=nonsense").get_data(
        as_text=True
    )


def _submit_and_return(engine, troops, users):
    from claimtrack.services.accounts.actors import Actor
    from claimtrack.services.review import sources, verdicts
    from claimtrack.services.review.sources import SourceInput
    from claimtrack.services.review.verdicts import VerdictInput

    good = VerdictInput("mostly-true", "Close: the Pentagon says about 5,200.", "Official figures.")
    reviewer = Actor(users["reviewer"], "reviewer", "reviewer")
    editor = Actor(users["editor"], "editor", "editor")
    with session_scope(engine) as s:
        sources.add_source(s, reviewer, troops, SourceInput("https://www.defense.gov/t", "Troops", "DoD", "refutes"))
        row = verdicts.save_draft(s, reviewer, troops, good, verdict_id=None, version=None, config={})
        row = verdicts.submit(s, reviewer, troops, good, verdict_id=row.id, version=row.version, config={})
        ref = (row.id, row.version)
    return editor, ref


def test_role_homes_and_the_notification_of_a_returned_verdict(as_role, engine, users, troops):
    from claimtrack.services.review import verdicts

    editor, (verdict_id, version) = _submit_and_return(engine, troops, users)
    home = as_role("editor").get("/").get_data(as_text=True)
    assert "Awaiting your approval, oldest first" in home and "submitted by reviewer" in home
    assert 'class="nav-count" title="1 awaiting approval"' in home
    with session_scope(engine) as s:
        verdicts.return_verdict(
            s, editor, troops, verdict_id=verdict_id, version=version, comment="Name the Pentagon briefing."
        )
    reviewer = as_role("reviewer")
    page = reviewer.get("/").get_data(as_text=True)
    assert "Returned to you" in page and '<p class="comment">Name the Pentagon briefing.</p>' in page
    assert '1<span class="visually-hidden"> unread</span>' in page
    inbox_page = reviewer.get("/notifications").get_data(as_text=True)
    assert "Returned to you" in inbox_page and "returned your verdict" in inbox_page
    assert "Name the Pentagon briefing." in inbox_page
    assert "Name the Pentagon briefing." not in as_role("viewer").get("/notifications").get_data(as_text=True)
    done = reviewer.post("/notifications/read", headers=HX).get_data(as_text=True)
    assert "Marked 1 notification read." in done
    assert 'visually-hidden"> unread' not in reviewer.get("/").get_data(as_text=True)


def test_notification_preferences_are_saved(as_role, users):
    client = as_role("reviewer")
    response = client.post("/notifications/preferences", data={"kind": ["", "returned"]})
    assert response.status_code == 303
    page = client.get("/notifications").get_data(as_text=True)
    assert 'id="pref-returned" name="kind" value="returned" checked' in page
    assert 'id="pref-assigned" name="kind" value="assigned">' in page
    bad = client.post("/notifications/preferences", data={"kind": "gossip"}, headers=HX)
    assert bad.status_code == 422 and "Unknown notification kind" in bad.get_data(as_text=True)


def test_a_viewer_home_shows_published_fact_checks_and_conflicts(as_role, article):
    page = as_role("viewer").get("/").get_data(as_text=True)
    assert "Recently published fact-checks" in page and "Numbers in conflict across coverage" in page
