"""Editing claims: spans and text, locking, audit, split, merge, speaker, assignment."""

import pytest
from sqlmodel import select

from claimtrack.errors import Conflict, IllegalTransition, PermissionDenied, StaleVersion, ValidationError
from claimtrack.models import Article, AuditEvent, Claim, Claimant, Quantity
from claimtrack.services.review import claims

from ..conftest import claim_id_containing


def _events(session, claim_id, action=None):
    query = select(AuditEvent).where(AuditEvent.entity_type == "claim", AuditEvent.entity_id == claim_id)
    if action:
        query = query.where(AuditEvent.action == action)
    return session.exec(query.order_by(AuditEvent.id)).all()


def test_new_claim_from_a_span_is_trimmed_checked_and_audited(session, people, article):
    body = session.get(Article, article.article_id).body
    start = body.index("Operation Inherent Resolve")
    assert body[start - 1] == " "
    claim = claims.create_claim(
        session,
        people.reviewer,
        article.article_id,
        start=start - 1,
        end=start + len("Operation Inherent Resolve"),
        selected=" Operation Inherent\nResolve",
    )
    assert body[claim.start_offset : claim.end_offset] == claim.text == "Operation Inherent Resolve"
    assert claim.created_by_id == people.reviewer.user_id
    (event,) = _events(session, claim.id, "claim.create")
    assert event.after["start_offset"] == start and event.actor == "reviewer1"


def test_a_drawn_claim_is_scored_not_put_on_top_of_every_queue(session, people, article):
    body = session.get(Article, article.article_id).body
    bare = body.index("Operation Inherent Resolve")
    name_only = claims.create_claim(
        session, people.reviewer, article.article_id, start=bare, end=bare + len("Operation Inherent Resolve")
    )
    figure = body.index("sending 3,000 more troops")
    numeric = claims.create_claim(
        session, people.reviewer, article.article_id, start=figure, end=figure + len("sending 3,000 more troops")
    )
    assert name_only.checkworthiness < 1.0 and numeric.checkworthiness < 1.0
    # A figure makes a claim more check-worthy, drawn by hand or not.
    assert numeric.checkworthiness > name_only.checkworthiness


def test_new_claim_gets_its_quantities(session, people, article):
    body = session.get(Article, article.article_id).body
    start = body.index("sending 3,000 more troops")
    claim = claims.create_claim(
        session, people.reviewer, article.article_id, start=start, end=start + len("sending 3,000 more troops")
    )
    session.flush()
    (q,) = session.exec(select(Quantity).where(Quantity.claim_id == claim.id)).all()
    assert q.value == 3000 and body[q.start_offset : q.end_offset] == q.text


@pytest.mark.parametrize("start, end, field", [(-1, 5, "start"), (10, 5, "start"), (0, 10**7, "end"), (3, 3, "start")])
def test_spans_outside_the_body_are_refused(session, people, article, start, end, field):
    with pytest.raises(ValidationError) as info:
        claims.create_claim(session, people.reviewer, article.article_id, start=start, end=end)
    assert field in info.value.fields


def test_a_selection_that_does_not_match_the_body_is_refused(session, people, article):
    with pytest.raises(ValidationError, match="does not match"):
        claims.create_claim(session, people.reviewer, article.article_id, start=0, end=5, selected="Hello")


def test_white_space_alone_and_exact_duplicates_are_refused(session, people, article, troops):
    body = session.get(Article, article.article_id).body
    gap = body.index("\n\n")
    with pytest.raises(ValidationError, match="white space"):
        claims.create_claim(session, people.reviewer, article.article_id, start=gap, end=gap + 2)
    claim = session.get(Claim, troops)
    with pytest.raises(ValidationError, match="already covers"):
        claims.create_claim(
            session, people.reviewer, article.article_id, start=claim.start_offset, end=claim.end_offset
        )


def test_viewers_cannot_write(session, people, article, troops):
    with pytest.raises(PermissionDenied):
        claims.create_claim(session, people.viewer, article.article_id, start=0, end=5)
    with pytest.raises(PermissionDenied):
        claims.assign(session, people.viewer, troops, version=1, assignee_id=None)


def test_text_may_be_reworded_while_the_span_stays_in_the_body(session, people, troops):
    claim = session.get(Claim, troops)
    span = (claim.start_offset, claim.end_offset)
    edited = claims.edit_text(
        session,
        people.reviewer,
        troops,
        version=1,
        text="About 6,000 US troops are in Iraq.",
        start=span[0],
        end=span[1],
    )
    assert edited.text == "About 6,000 US troops are in Iraq." and (edited.start_offset, edited.end_offset) == span
    assert edited.version == 2
    (event,) = _events(session, troops, "claim.edit")
    assert event.before["text"].startswith("The removal of the 6,000")
    assert event.after["text"] == "About 6,000 US troops are in Iraq."


def test_moving_the_span_takes_the_new_text_and_quantities(session, people, article, troops):
    body = session.get(Article, article.article_id).body
    claim = session.get(Claim, troops)
    new_end = body.index(" would impact", claim.start_offset)
    edited = claims.edit_text(
        session, people.reviewer, troops, version=1, text=claim.text, start=claim.start_offset, end=new_end
    )
    assert (
        edited.text
        == body[edited.start_offset : edited.end_offset]
        == "The removal of the 6,000 or so American troops in Iraq"
    )
    session.flush()
    (q,) = session.exec(select(Quantity).where(Quantity.claim_id == troops)).all()
    assert q.approx and edited.start_offset <= q.start_offset < q.end_offset <= edited.end_offset


def test_a_stale_version_is_refused_with_who_and_when(session, people, troops):
    claim = session.get(Claim, troops)
    claims.edit_text(
        session,
        people.reviewer,
        troops,
        version=1,
        text="First wording.",
        start=claim.start_offset,
        end=claim.end_offset,
    )
    with pytest.raises(StaleVersion) as info:
        claims.edit_text(
            session,
            people.reviewer2,
            troops,
            version=1,
            text="Second wording.",
            start=claim.start_offset,
            end=claim.end_offset,
        )
    exc = info.value
    assert exc.changed_by == "reviewer1" and exc.changed_at is not None and exc.current.text == "First wording."
    assert "reviewer1" in exc.message
    assert session.get(Claim, troops).text == "First wording."


def test_every_write_bumps_the_version(session, people, troops):
    v = 1
    claim = claims.assign(session, people.reviewer, troops, version=v, assignee_id=people.reviewer2.user_id)
    assert claim.version == v + 1
    claim = claims.set_speaker(
        session, people.reviewer, troops, version=claim.version, name="Patrick Smith", title="Reporter"
    )
    assert claim.version == v + 2
    claim = claims.set_status(session, people.reviewer, troops, version=claim.version, status="in_review")
    assert claim.version == v + 3 and claim.assignee_id == people.reviewer2.user_id


def test_assignment_rules(session, people, troops):
    with pytest.raises(ValidationError, match="viewer"):
        claims.assign(session, people.reviewer, troops, version=1, assignee_id=people.viewer.user_id)
    with pytest.raises(ValidationError):
        claims.assign(session, people.reviewer, troops, version=1, assignee_id=999_999)
    claim = claims.assign(session, people.reviewer, troops, version=1, assignee_id=people.editor.user_id)
    (event,) = _events(session, troops, "claim.assign")
    assert event.before == {"assignee_id": None} and event.after["assignee"] == "editor1"
    claim = claims.assign(session, people.reviewer, troops, version=claim.version, assignee_id=None)
    assert claim.assignee_id is None


def test_speaker_uses_existing_claimants_creates_new_ones_or_clears(session, people, article, troops):
    claim = claims.set_speaker(
        session, people.reviewer, troops, version=1, name="Adel Abdul-Mahdi", title="Prime Minister"
    )
    existing = session.exec(select(Claimant).where(Claimant.name == "Adel Abdul-Mahdi")).one()
    assert claim.claimant_id == existing.id and claim.speaker_title == "Prime Minister"
    claim = claims.set_speaker(session, people.reviewer, troops, version=claim.version, name="Jane Newcomer")
    assert session.get(Claimant, claim.claimant_id).name == "Jane Newcomer"
    claim = claims.set_speaker(session, people.reviewer, troops, version=claim.version, name="")
    assert claim.claimant_id is None
    events = _events(session, troops, "claim.speaker")
    assert [e.after["speaker"] for e in events] == ["Adel Abdul-Mahdi", "Jane Newcomer", None]


def test_split_cuts_the_span_and_moves_quantities(session, people, article, troops):
    body = session.get(Article, article.article_id).body
    claim = session.get(Claim, troops)
    at = body.index("Operation Inherent Resolve", claim.start_offset)
    first, second = claims.split(session, people.reviewer, troops, version=1, at=at)
    session.flush()
    assert body[first.start_offset : first.end_offset] == first.text
    assert first.text.endswith("would impact")
    assert second.text.startswith("Operation Inherent Resolve") and second.created_by_id == people.reviewer.user_id
    assert second.claimant_id == first.claimant_id and second.status == first.status
    assert session.exec(select(Quantity).where(Quantity.claim_id == first.id)).all()
    assert [e.after["split_from"] for e in _events(session, second.id, "claim.create")] == [first.id]
    with pytest.raises(ValidationError):
        claims.split(session, people.reviewer, troops, version=first.version, at=first.end_offset + 5)


def test_split_points_follow_punctuation(session, article, troops):
    body = session.get(Article, article.article_id).body
    claim = session.get(Claim, troops)
    points = claims.split_points(body, claim)
    assert points and all(claim.start_offset < p < claim.end_offset for p in points)
    assert any(body[p - 2 : p] == ", " for p in points)


def test_merge_joins_spans_and_keeps_the_other_claim_as_merged(session, engine, people, article, troops):
    other = claim_id_containing(engine, article.article_id, "That coalition stood down")
    body = session.get(Article, article.article_id).body
    merged = claims.merge(session, people.reviewer, troops, other, version=1, other_version=1)
    assert merged.text == body[merged.start_offset : merged.end_offset]
    assert "would impact" in merged.text and merged.text.endswith("defending U.S. bases.")
    gone = session.get(Claim, other)
    assert (gone.status, gone.merged_into_id, gone.dismissed_reason) == ("merged", troops, None)
    assert _events(session, other, "claim.merged_into")[0].after["into"] == troops


def test_a_merged_claim_stays_merged(session, engine, people, article, troops):
    other = claim_id_containing(engine, article.article_id, "That coalition stood down")
    claims.merge(session, people.reviewer, troops, other, version=1, other_version=1)
    gone = session.get(Claim, other)
    with pytest.raises(IllegalTransition, match="stays merged"):
        claims.set_status(session, people.reviewer, other, version=gone.version, status="unreviewed")
    with pytest.raises(IllegalTransition, match=f"merged into claim #{troops}"):
        claims.edit_text(
            session,
            people.reviewer,
            other,
            version=gone.version,
            text=None,
            start=gone.start_offset,
            end=gone.end_offset,
        )
    with pytest.raises(Conflict, match="no work left"):
        claims.assign(session, people.reviewer, other, version=gone.version, assignee_id=None)
    with pytest.raises(IllegalTransition, match="Merge"):
        claims.set_status(session, people.reviewer, troops, version=session.get(Claim, troops).version, status="merged")


def test_merge_refusals(session, engine, people, article, troops):
    other = claim_id_containing(engine, article.article_id, "That coalition stood down")
    with pytest.raises(ValidationError):
        claims.merge(session, people.reviewer, troops, troops, version=1, other_version=1)
    with pytest.raises(StaleVersion):
        claims.merge(session, people.reviewer, troops, other, version=1, other_version=7)
    session.get(Claim, other).status = "published"
    with pytest.raises(Conflict):
        claims.merge(session, people.reviewer, troops, other, version=1, other_version=1)
