"""Merging duplicate claimants."""

import pytest
from sqlmodel import select

from claimtrack.errors import PermissionDenied, ValidationError
from claimtrack.models import AuditEvent, Claim, Claimant, ClaimantAlias
from claimtrack.services.claimants import directory as claimant_directory
from claimtrack.services.claimants.admin import merge_claimants
from claimtrack.services.review import claims


def test_merge_moves_claims_and_aliases(session, people, article, troops):
    keep = session.exec(select(Claimant).where(Claimant.name == "Adel Abdul-Mahdi")).one()
    duplicate = Claimant(name="Office of the Iraqi Prime Minister", kind="organization")
    session.add(duplicate)
    session.flush()
    session.add(ClaimantAlias(claimant_id=duplicate.id, alias=duplicate.name, alias_key="office iraqi prime minister"))
    claim = claims.set_speaker(session, people.reviewer, troops, version=1, name=duplicate.name)
    assert claim.claimant_id == duplicate.id
    with pytest.raises(PermissionDenied):
        merge_claimants(session, people.reviewer, keep.id, duplicate.id)
    merged = merge_claimants(session, people.editor, keep.id, duplicate.id)
    session.flush()
    assert merged.id == keep.id and session.get(Claimant, duplicate.id).merged_into_id == keep.id
    assert session.get(Claim, troops).claimant_id == keep.id and session.get(Claim, troops).version == 3
    aliases = set(session.exec(select(ClaimantAlias.alias).where(ClaimantAlias.claimant_id == keep.id)).all())
    assert "Office of the Iraqi Prime Minister" in aliases
    event = session.exec(select(AuditEvent).where(AuditEvent.action == "claimant.merge")).one()
    assert event.after["claims_moved"] == [troops]
    assert event.before["duplicate"]["name"] == "Office of the Iraqi Prime Minister"
    with pytest.raises(ValidationError, match="already merged"):
        merge_claimants(session, people.editor, keep.id, duplicate.id)
    with pytest.raises(ValidationError):
        merge_claimants(session, people.editor, keep.id, keep.id)
    assert claims.find_claimant(session, "Office of the Iraqi Prime Minister").id == keep.id


def test_directory(session, article):
    page = claimant_directory.list_claimants(session, q="abdul")
    assert [r.claimant.name for r in page.rows] == ["Adel Abdul-Mahdi"] and page.rows[0].claims >= 3
    assert claimant_directory.list_claimants(session, q="%").total == 0
    record = claimant_directory.claimant_record(session, page.rows[0].claimant)
    assert len(record.claims) == page.rows[0].claims and not record.ratings
    assert [c.name for c in claimant_directory.suggest(session, "mil")] == ["Mark Milley"]
    candidates = claimant_directory.merge_candidates(session, page.rows[0].claimant)
    assert page.rows[0].claimant.id not in [c.id for c in candidates]
