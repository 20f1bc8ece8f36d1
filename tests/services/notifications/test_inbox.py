"""Notifications: who is told what, never of their own doing, only what they want, and
nobody reads another person's."""

import pytest

from claimtrack.errors import NotFound, ValidationError
from claimtrack.models import Claim
from claimtrack.services.notifications import inbox
from claimtrack.services.publishing import publish as publishing
from claimtrack.services.review import claims, desk, sources, verdicts
from claimtrack.services.review.sources import SourceInput
from claimtrack.services.review.verdicts import VerdictInput

GOOD = VerdictInput("mostly-true", "Close: the Pentagon says about 5,200.", "Official figures.")


def _submit(session, people, claim_id, config):
    sources.add_source(
        session, people.reviewer, claim_id, SourceInput("https://www.defense.gov/t", "Troops", "DoD", "refutes")
    )
    row = verdicts.save_draft(session, people.reviewer, claim_id, GOOD, verdict_id=None, version=None, config=config)
    return verdicts.submit(
        session, people.reviewer, claim_id, GOOD, verdict_id=row.id, version=row.version, config=config
    )


def _kinds(session, user_id):
    return [item.kind for item in inbox.inbox(session, user_id)]


def test_assigning_tells_the_assignee_but_not_someone_who_takes_it_themselves(session, people, troops):
    claims.assign(session, people.editor, troops, version=1, assignee_id=people.reviewer.user_id)
    (item,) = inbox.inbox(session, people.reviewer.user_id)
    assert item.kind == "assigned" and item.actor == "editor1" and item.claim_id == troops
    assert "assigned you claim" in item.message and not item.read
    claims.assign(session, people.reviewer2, troops, version=2, assignee_id=people.reviewer2.user_id)
    assert _kinds(session, people.reviewer2.user_id) == []


def test_a_returned_verdict_reaches_its_reviewer_with_the_comment_and_shows_on_their_desk(
    session, people, troops, config
):
    row = _submit(session, people, troops, config)
    waiting = desk.awaiting_approval(session)
    assert waiting.total == 1 and waiting.items[0].who == "reviewer1" and waiting.items[0].claim_id == troops
    verdicts.return_verdict(
        session,
        people.editor,
        troops,
        verdict_id=row.id,
        version=row.version,
        comment="Cite the Pentagon's own figure.",
    )
    (item,) = inbox.inbox(session, people.reviewer.user_id)
    assert item.kind == "returned" and item.message.endswith("Cite the Pentagon's own figure.")
    mine = desk.returned(session, reviewer_id=people.reviewer.user_id)
    assert mine.total == 1 and mine.items[0].comment == "Cite the Pentagon's own figure."
    assert mine.items[0].who == "editor1"
    assert desk.returned(session, reviewer_id=people.reviewer2.user_id).total == 0
    assert desk.awaiting_approval(session).total == 0
    assert inbox.inbox(session, people.reviewer2.user_id) == []


def test_publishing_tells_the_reviewer(session, people, troops, config):
    row = _submit(session, people, troops, config)
    config = {**config, "PUBLIC_BASE_URL": "https://checks.example.org"}
    publishing.publish(session, people.editor, troops, verdict_id=row.id, version=row.version, config=config)
    assert _kinds(session, people.reviewer.user_id) == ["published"]
    assert desk.recently_published(session).items[0].claim_id == troops


def test_a_muted_kind_is_not_stored_and_can_be_wanted_again(session, people, troops):
    inbox.set_preferences(session, people.reviewer.user_id, {"returned", "published"})
    assert "assigned" in inbox.muted(session, people.reviewer.user_id)
    claims.assign(session, people.editor, troops, version=1, assignee_id=people.reviewer.user_id)
    assert _kinds(session, people.reviewer.user_id) == []
    inbox.set_preferences(session, people.reviewer.user_id, {"assigned"})
    claims.assign(session, people.editor, troops, version=2, assignee_id=None)
    claims.assign(session, people.editor, troops, version=3, assignee_id=people.reviewer.user_id)
    assert _kinds(session, people.reviewer.user_id) == ["assigned"]
    with pytest.raises(ValidationError, match="Unknown notification kind"):
        inbox.set_preferences(session, people.reviewer.user_id, {"gossip"})


def test_reading_is_per_person(session, people, troops):
    claims.assign(session, people.editor, troops, version=1, assignee_id=people.reviewer.user_id)
    (item,) = inbox.inbox(session, people.reviewer.user_id)
    with pytest.raises(NotFound):
        inbox.mark_read(session, people.reviewer2.user_id, item.id)
    assert inbox.unread_count(session, people.reviewer.user_id) == 1
    assert inbox.mark_read(session, people.reviewer.user_id, item.id) == 1
    assert inbox.unread_count(session, people.reviewer.user_id) == 0
    assert session.get(Claim, troops).assignee_id == people.reviewer.user_id
