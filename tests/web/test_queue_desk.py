"""The queue as a desk: sort, assignee filter, bulk actions with undo, the score as a word."""
import re

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import AuditEvent, Claim

from .conftest import HX


def _unreviewed_ids(engine, n):  # noqa: ANN001, ANN202
    with session_scope(engine) as s:
        return list(s.exec(select(Claim.id).where(Claim.status == "unreviewed")
                           .order_by(Claim.checkworthiness.desc(), Claim.id).limit(n)).all())


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
    response = client.post("/queue/bulk", data={"action": "assign", "assignee": str(users["editor"]),
                                                "claim": [str(i) for i in ids]}, headers=HX)
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
    response = as_role("reviewer").post("/queue/bulk", data={"action": "dismiss", "reason": "",
                                                             "claim": [str(i) for i in ids]}, headers=HX)
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
    assert "Unreviewed claims, most check-worthy first" in as_role("viewer").get("/?sort=nonsense").get_data(as_text=True)
