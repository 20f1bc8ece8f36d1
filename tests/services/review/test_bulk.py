"""Bulk work from the queue: one audit event per claim, one undo for the batch."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select

from claimtrack.errors import NotFound, PermissionDenied, ValidationError
from claimtrack.models import AuditEvent, Claim
from claimtrack.services.review import bulk, claims, queue
from claimtrack.services.review.queue import QueueFilters


def _unreviewed(session, n):
    ids = [r.claim.id for r in queue.ranked(session, QueueFilters(), size=100).rows]
    assert len(ids) >= n
    return ids[:n]


def _claim_events(session, claim_id, action):
    return session.exec(
        select(AuditEvent).where(
            AuditEvent.entity_type == "claim", AuditEvent.entity_id == claim_id, AuditEvent.action == action
        )
    ).all()


def test_bulk_assign_audits_each_claim_and_undo_puts_them_back(session, people, article):
    ids = _unreviewed(session, 4)
    result = bulk.apply(session, people.reviewer, "assign", ids, assignee_id=people.reviewer2.user_id)
    assert result.done == ids and not result.skipped and result.event_id
    for claim_id in ids:
        assert session.get(Claim, claim_id).assignee_id == people.reviewer2.user_id
        assert len(_claim_events(session, claim_id, "claim.assign")) == 1
    batch = session.get(AuditEvent, result.event_id)
    assert batch.action == "bulk.assign" and batch.after["count"] == 4

    undone = bulk.undo(session, people.reviewer, result.event_id)
    assert sorted(undone.done) == sorted(ids)
    assert all(session.get(Claim, i).assignee_id is None for i in ids)
    assert len(_claim_events(session, ids[0], "claim.assign")) == 2  # the undo went through the service
    with pytest.raises(ValidationError, match="already been undone"):
        bulk.undo(session, people.reviewer, result.event_id)


def test_bulk_dismiss_needs_a_reason_and_undo_restores_the_earlier_status(session, people, article):
    ids = _unreviewed(session, 3)
    claims.set_status(session, people.reviewer, ids[0], version=session.get(Claim, ids[0]).version, status="in_review")
    with pytest.raises(ValidationError, match="Say why"):
        bulk.apply(session, people.reviewer, "dismiss", ids, reason="  ")
    result = bulk.apply(session, people.reviewer, "dismiss", ids, reason="Not checkable")
    assert all(session.get(Claim, i).status == "dismissed" for i in ids)
    assert all(session.get(Claim, i).dismissed_reason == "Not checkable" for i in ids)
    bulk.undo(session, people.reviewer, result.event_id)
    assert [session.get(Claim, i).status for i in ids] == ["in_review", "unreviewed", "unreviewed"]
    assert session.get(Claim, ids[0]).assignee_id == people.reviewer.user_id
    assert all(session.get(Claim, i).dismissed_reason is None for i in ids)


def test_claims_the_action_cannot_apply_to_are_skipped_with_the_reason(session, people, article):
    ids = _unreviewed(session, 2)
    claims.dismiss(session, people.reviewer, ids[1], version=session.get(Claim, ids[1]).version, reason="Opinion")
    result = bulk.apply(session, people.reviewer, "assign", [*ids, 99999], assignee_id=people.reviewer.user_id)
    assert result.done == [ids[0]]
    assert "no work left" in result.skipped[ids[1]] and "no claim #99999" in result.skipped[99999]


def test_undo_leaves_claims_changed_since_as_they_are(session, people, article):
    ids = _unreviewed(session, 2)
    result = bulk.apply(session, people.reviewer, "status", ids, status="in_review")
    claim = session.get(Claim, ids[1])
    claims.assign(session, people.editor, ids[1], version=claim.version, assignee_id=people.reviewer2.user_id)
    undone = bulk.undo(session, people.reviewer, result.event_id)
    assert undone.done == [ids[0]] and "Changed since" in undone.skipped[ids[1]]
    assert session.get(Claim, ids[0]).status == "unreviewed"
    assert session.get(Claim, ids[1]).status == "in_review"


def test_undo_is_for_the_author_or_an_editor_and_only_for_a_while(session, people, article, monkeypatch):
    ids = _unreviewed(session, 1)
    result = bulk.apply(session, people.reviewer, "assign", ids, assignee_id=people.reviewer.user_id)
    with pytest.raises(PermissionDenied):
        bulk.undo(session, people.reviewer2, result.event_id)
    later = bulk.utcnow() + bulk.UNDO_WINDOW + timedelta(minutes=1)
    monkeypatch.setattr(bulk, "utcnow", lambda: later)
    with pytest.raises(ValidationError, match="undone for 15 minutes"):
        bulk.undo(session, people.editor, result.event_id)
    with pytest.raises(NotFound):
        bulk.undo(session, people.editor, 987654)


def test_viewers_cannot_work_in_bulk_and_a_selection_is_bounded(session, people, article):
    with pytest.raises(PermissionDenied):
        bulk.apply(session, people.viewer, "assign", _unreviewed(session, 1), assignee_id=None)
    with pytest.raises(ValidationError, match="at least one"):
        bulk.apply(session, people.reviewer, "assign", [], assignee_id=None)
    with pytest.raises(ValidationError, match="at most"):
        bulk.apply(session, people.reviewer, "assign", list(range(1, bulk.MAX_CLAIMS + 2)), assignee_id=None)


def test_queue_sorts_and_filters_by_assignee(session, people, article):
    ids = _unreviewed(session, 3)
    bulk.apply(session, people.reviewer, "assign", ids[:2], assignee_id=people.reviewer2.user_id)
    theirs = queue.ranked(session, QueueFilters(assignee_id=people.reviewer2.user_id), size=100)
    assert sorted(r.claim.id for r in theirs.rows) == sorted(ids[:2])
    nobody = queue.ranked(session, QueueFilters(unassigned=True), size=100)
    assert ids[2] in [r.claim.id for r in nobody.rows] and not set(ids[:2]) & {r.claim.id for r in nobody.rows}
    by_status = queue.ranked(session, QueueFilters(sort="status"), size=100).rows
    scores = [r.claim.checkworthiness for r in by_status]
    assert scores == sorted(scores, reverse=True)  # one status: ties fall back to check-worthiness
    newest = [r.claim.id for r in queue.ranked(session, QueueFilters(sort="newest"), size=100).rows]
    oldest = [r.claim.id for r in queue.ranked(session, QueueFilters(sort="oldest"), size=100).rows]
    assert sorted(newest) == sorted(oldest) and newest != oldest


def test_bulk_assign_and_undo_cost_a_few_queries_not_some_per_claim(session, people, article):
    ids = _unreviewed(session, 8)
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    engine = session.get_bind()
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        result = bulk.apply(session, people.reviewer, "assign", ids, assignee_id=people.reviewer2.user_id)
        session.flush()
        applied = len(statements)
        bulk.undo(session, people.reviewer, result.event_id)
        session.flush()
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # claims, assignee, mute setting, then the batch event and its undo checks: no SELECT per claim
    assert len(selects) < len(ids), selects
    assert applied < len(statements)
