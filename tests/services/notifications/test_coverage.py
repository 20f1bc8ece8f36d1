"""New coverage of a claim you reviewed reaches its reviewer, once per batch, with only
public facts in the message."""

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import ClaimLink, Notification
from claimtrack.services.notifications import coverage, inbox
from claimtrack.services.review import verdicts
from claimtrack.services.review.verdicts import VerdictInput

from ...conftest import FIXTURES
from ...helpers import import_file

PRIVATE = VerdictInput("mostly-true", "My private working note about the troop count.", "Draft reasoning.")


def _draft(engine, people, claim_id, config):
    with session_scope(engine) as s:
        verdicts.save_draft(s, people.reviewer, claim_id, PRIVATE, verdict_id=None, version=None, config=config)


def test_new_coverage_tells_the_reviewer_of_the_linked_claim(engine, people, troops, config):
    _draft(engine, people, troops, config)
    import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt", outlet="The Dispatch")
    with session_scope(engine) as s:
        links = s.exec(
            select(ClaimLink).where((ClaimLink.claim_a_id == troops) | (ClaimLink.claim_b_id == troops))
        ).all()
        assert links, "the fixture should link the troop claims"
        items = inbox.inbox(s, people.reviewer.user_id)
        assert items and {i.kind for i in items} <= {"related", "conflict"}
        assert all(i.claim_id == troops for i in items)
        assert "which you reviewed" in items[0].message and "The Dispatch" in items[0].message
        # a verdict's own words never travel in a notification
        assert all("private working note" not in i.message for i in items)
        assert inbox.inbox(s, people.reviewer2.user_id) == []
        # one per reviewed claim and kind, however many new claims link to it
        assert len(items) == len({i.kind for i in items})


def test_a_muted_kind_and_an_unreviewed_claim_send_nothing(engine, people, troops, config):
    with session_scope(engine) as s:
        inbox.set_preferences(s, people.reviewer.user_id, {"assigned"})
    _draft(engine, people, troops, config)
    import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        assert s.exec(select(Notification)).all() == []


def test_the_message_counts_what_it_does_not_name(engine, people, troops, config):
    _draft(engine, people, troops, config)
    with session_scope(engine) as s:
        rows = [
            {"claim_a_id": troops, "claim_b_id": other, "numeric": "conflict"} for other in (troops + 1, troops + 2)
        ]
        rows += [{"claim_a_id": troops, "claim_b_id": troops + 3, "numeric": None}]
        assert coverage.notify_new_links(s, rows) == 2
        by_kind = {i.kind: i.message for i in inbox.inbox(s, people.reviewer.user_id)}
    assert by_kind["conflict"].startswith(f"New coverage whose numbers conflict with claim #{troops}")
    assert f"#{troops + 1}" in by_kind["conflict"] and f"#{troops + 2}" in by_kind["conflict"]
    assert by_kind["related"].startswith(f"New coverage related to claim #{troops}, which you reviewed: claim #")
