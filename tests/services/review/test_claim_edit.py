"""One claim edit of several fields: all applied under one version check, or refused."""

import pytest

from claimtrack.errors import StaleVersion, ValidationError
from claimtrack.models import Claim
from claimtrack.services.review.claim_edit import ClaimEdit, edit_claim


def test_several_fields_change_in_one_edit(session, people, troops):
    version = session.get(Claim, troops).version
    edit = ClaimEdit(
        version=version,
        given=frozenset({"claimant", "assignee", "status"}),
        claimant="A harbour official",
        assignee=people.reviewer.user_id,
        status="in_review",
    )
    claim = edit_claim(session, people.reviewer, troops, edit)
    assert claim.assignee_id == people.reviewer.user_id and claim.status == "in_review"
    assert claim.version > version


def test_a_span_needs_both_ends(session, people, troops):
    edit = ClaimEdit(version=session.get(Claim, troops).version, given=frozenset({"start"}), start=3)
    with pytest.raises(ValidationError) as caught:
        edit_claim(session, people.reviewer, troops, edit)
    assert caught.value.fields == {"end": "required with the other"}


def test_an_empty_edit_still_refuses_a_stale_version(session, people, troops):
    stale = session.get(Claim, troops).version - 1
    with pytest.raises(StaleVersion):
        edit_claim(session, people.reviewer, troops, ClaimEdit(version=stale))
