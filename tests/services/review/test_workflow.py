"""The status workflow: which moves exist, which are refused and how."""

import pytest

from claimtrack.errors import IllegalTransition, ValidationError
from claimtrack.services.review import claims, workflow

ALL = ("unreviewed", "in_review", "awaiting_approval", "published", "dismissed")
LEGAL = {
    ("unreviewed", "in_review"),
    ("unreviewed", "dismissed"),
    ("in_review", "unreviewed"),
    ("in_review", "awaiting_approval"),
    ("in_review", "dismissed"),
    ("awaiting_approval", "in_review"),
    ("awaiting_approval", "published"),
    ("dismissed", "unreviewed"),
}


@pytest.mark.parametrize("current", ALL)
@pytest.mark.parametrize("target", ALL)
def test_every_pair_of_statuses(current, target):
    if (current, target) in LEGAL:
        workflow.check_move(current, target)
    else:
        with pytest.raises(IllegalTransition) as info:
            workflow.check_move(current, target)
        assert info.value.message.endswith(".")


def test_messages_say_what_to_do_instead():
    with pytest.raises(IllegalTransition, match="issue a correction"):
        workflow.check_move("published", "in_review")
    with pytest.raises(IllegalTransition, match="approving its verdict"):
        workflow.check_move("unreviewed", "published")
    with pytest.raises(IllegalTransition, match="return its verdict first"):
        workflow.check_move("awaiting_approval", "dismissed")
    with pytest.raises(IllegalTransition, match="needs a reason"):
        workflow.check_manual("in_review", "dismissed")
    with pytest.raises(IllegalTransition, match="Submit its verdict"):
        workflow.check_manual("in_review", "awaiting_approval")


def test_status_moves_by_hand(session, people, troops):
    claim = claims.set_status(session, people.reviewer, troops, version=1, status="in_review")
    assert claim.status == "in_review" and claim.assignee_id == people.reviewer.user_id
    with pytest.raises(IllegalTransition):
        claims.set_status(session, people.reviewer, troops, version=claim.version, status="published")
    claim = claims.set_status(session, people.reviewer, troops, version=claim.version, status="unreviewed")
    assert claim.status == "unreviewed"


def test_dismiss_needs_a_reason_and_can_be_undone(session, people, troops):
    with pytest.raises(ValidationError) as info:
        claims.dismiss(session, people.reviewer, troops, version=1, reason="  ")
    assert "reason" in info.value.fields
    claim = claims.dismiss(session, people.reviewer, troops, version=1, reason="Background, not a claim")
    assert (claim.status, claim.dismissed_reason) == ("dismissed", "Background, not a claim")
    with pytest.raises(IllegalTransition):
        claims.edit_text(
            session,
            people.reviewer,
            troops,
            version=claim.version,
            text="x",
            start=claim.start_offset,
            end=claim.end_offset,
        )
    claim = claims.set_status(session, people.reviewer, troops, version=claim.version, status="unreviewed")
    assert claim.status == "unreviewed" and claim.dismissed_reason is None
