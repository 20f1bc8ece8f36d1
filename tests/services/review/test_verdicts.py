"""Verdicts: drafting, submitting, publishing, returning, correcting, reusing."""

import pytest
from sqlmodel import select

from claimtrack.errors import Conflict, PermissionDenied, StaleVersion, ValidationError
from claimtrack.models import AuditEvent, Claim, ClaimLink, ClaimSource, Verdict
from claimtrack.services.publishing import publish as publishing
from claimtrack.services.review import sources, verdicts
from claimtrack.services.review.sources import SourceInput
from claimtrack.services.review.verdicts import VerdictInput

from ..conftest import claim_id_containing

GOOD = VerdictInput("mostly-true", "Close: the Pentagon says about 5,200.", "Official figures.")
SOURCE = SourceInput("https://www.defense.gov/troops", "Troop levels", "DoD", "refutes")


def _submitted(session, people, claim_id, config):
    sources.add_source(session, people.reviewer, claim_id, SOURCE)
    row = verdicts.save_draft(session, people.reviewer, claim_id, GOOD, verdict_id=None, version=None, config=config)
    return verdicts.submit(
        session, people.reviewer, claim_id, GOOD, verdict_id=row.id, version=row.version, config=config
    )


def test_publish_problems_name_exactly_what_is_missing(session, people, troops, config):
    claim = session.get(Claim, troops)
    assert verdicts.publish_problems(session, claim, {}) == [
        "No rating chosen.",
        "No summary written.",
        "No source linked: add at least one.",
        # Services outside a web request: no address the server is reached at to fall back on.
        "There is no public base URL, so fact-checks have no public address: set it in "
        "Admin → Publisher settings, or set CLAIMTRACK_PUBLIC_BASE_URL.",
    ]
    sources.add_source(session, people.reviewer, troops, SOURCE)
    verdicts.save_draft(
        session, people.reviewer, troops, VerdictInput("false", "", ""), verdict_id=None, version=None, config=config
    )
    assert verdicts.publish_problems(session, claim, config) == ["No summary written."]


def test_the_whole_workflow(session, people, troops, config):
    row = _submitted(session, people, troops, config)
    claim = session.get(Claim, troops)
    assert (row.state, claim.status, claim.assignee_id) == ("submitted", "awaiting_approval", people.reviewer.user_id)
    published = publishing.publish(
        session, people.editor, troops, verdict_id=row.id, version=row.version, config=config
    )
    assert published.state == "published" and published.approver_id == people.editor.user_id
    assert published.published_at is not None and claim.status == "published"
    actions = session.exec(
        select(AuditEvent.action).where(AuditEvent.entity_id == troops).order_by(AuditEvent.id)
    ).all()
    assert actions == [
        "source.add",
        "claim.status",
        "verdict.draft",
        "claim.status",
        "verdict.submit",
        "claim.status",
        "verdict.publish",
    ]
    status_changes = session.exec(
        select(AuditEvent).where(AuditEvent.entity_id == troops, AuditEvent.action == "claim.status")
    ).all()
    assert [(e.before["status"], e.after["status"]) for e in status_changes] == [
        ("unreviewed", "in_review"),
        ("in_review", "awaiting_approval"),
        ("awaiting_approval", "published"),
    ]


def test_submitting_needs_rating_summary_and_a_source(session, people, troops, config):
    with pytest.raises(ValidationError) as info:
        verdicts.submit(
            session, people.reviewer, troops, VerdictInput("", "", ""), verdict_id=None, version=None, config=config
        )
    assert set(info.value.fields) == {"rating", "summary", "sources"}


def test_only_editors_approve_return_and_correct(session, people, troops, config):
    row = _submitted(session, people, troops, config)
    with pytest.raises(PermissionDenied):
        publishing.publish(session, people.reviewer, troops, verdict_id=row.id, version=row.version, config=config)
    with pytest.raises(PermissionDenied):
        verdicts.return_verdict(session, people.reviewer, troops, verdict_id=row.id, version=row.version, comment="x")


def test_publishing_refuses_without_a_public_address(session, people, troops, config):
    row = _submitted(session, people, troops, config)
    with pytest.raises(ValidationError, match="PUBLIC_BASE_URL"):
        publishing.publish(session, people.editor, troops, verdict_id=row.id, version=row.version, config={})


def test_return_with_comment_then_a_new_draft_keeps_the_returned_row(session, people, troops, config):
    row = _submitted(session, people, troops, config)
    with pytest.raises(ValidationError):
        verdicts.return_verdict(session, people.editor, troops, verdict_id=row.id, version=row.version, comment=" ")
    returned = verdicts.return_verdict(
        session,
        people.editor,
        troops,
        verdict_id=row.id,
        version=row.version,
        comment="Cite the Pentagon's own figure.",
    )
    assert returned.state == "returned" and session.get(Claim, troops).status == "in_review"
    redraft = verdicts.save_draft(
        session,
        people.reviewer,
        troops,
        VerdictInput("half-true", "Better.", ""),
        verdict_id=returned.id,
        version=returned.version,
        config=config,
    )
    assert redraft.id != returned.id and redraft.state == "draft" and redraft.version == returned.version + 1
    assert session.get(Verdict, returned.id).return_comment == "Cite the Pentagon's own figure."


def test_drafts_are_locked_too(session, people, troops, config):
    first = verdicts.save_draft(session, people.reviewer, troops, GOOD, verdict_id=None, version=None, config=config)
    with pytest.raises(StaleVersion):
        verdicts.save_draft(
            session,
            people.reviewer2,
            troops,
            VerdictInput("false", "No.", ""),
            verdict_id=None,
            version=None,
            config=config,
        )
    second = verdicts.save_draft(
        session,
        people.reviewer2,
        troops,
        VerdictInput("false", "No.", ""),
        verdict_id=first.id,
        version=first.version,
        config=config,
    )
    with pytest.raises(StaleVersion) as info:
        verdicts.save_draft(session, people.reviewer, troops, GOOD, verdict_id=first.id, version=1, config=config)
    assert info.value.changed_by == "reviewer2"
    assert session.get(Verdict, second.id).summary == "No."


def test_a_submitted_verdict_is_frozen(session, people, troops, config):
    row = _submitted(session, people, troops, config)
    with pytest.raises(Conflict, match="awaiting approval"):
        verdicts.save_draft(
            session, people.reviewer, troops, GOOD, verdict_id=row.id, version=row.version, config=config
        )


def test_ratings_must_be_on_the_scale(session, people, troops, config):
    with pytest.raises(ValidationError) as info:
        verdicts.save_draft(
            session,
            people.reviewer,
            troops,
            VerdictInput("pants-on-fire", "", ""),
            verdict_id=None,
            version=None,
            config=config,
        )
    assert "rating" in info.value.fields


def test_a_correction_supersedes_and_keeps_history(session, people, troops, config):
    row = _submitted(session, people, troops, config)
    published = publishing.publish(
        session, people.editor, troops, verdict_id=row.id, version=row.version, config=config
    )
    with pytest.raises(ValidationError):
        verdicts.correct(
            session,
            people.editor,
            troops,
            GOOD,
            verdict_id=published.id,
            version=published.version,
            note="",
            config=config,
        )
    fixed = verdicts.correct(
        session,
        people.editor,
        troops,
        VerdictInput("half-true", "Corrected summary.", "More."),
        verdict_id=published.id,
        version=published.version,
        note="We misread the Pentagon's figure.",
        config=config,
    )
    old = session.get(Verdict, published.id)
    assert old.state == "superseded" and old.summary == GOOD.summary
    assert (fixed.state, fixed.corrects_id, fixed.correction_note) == (
        "published",
        old.id,
        "We misread the Pentagon's figure.",
    )
    assert [v.state for v in verdicts.history(session, troops)] == ["superseded", "published"]
    assert verdicts.published_verdict(session, troops).id == fixed.id
    with pytest.raises(StaleVersion):
        verdicts.correct(
            session,
            people.editor,
            troops,
            GOOD,
            verdict_id=published.id,
            version=published.version,
            note="again",
            config=config,
        )


def test_reuse_from_a_confirmed_same_claim_link(session, engine, people, article, troops, config):
    other = claim_id_containing(engine, article.article_id, "The presence of U.S. troops in Iraq")
    row = _submitted(session, people, troops, config)
    publishing.publish(session, people.editor, troops, verdict_id=row.id, version=row.version, config=config)
    a, b = sorted((troops, other))
    link = ClaimLink(claim_a_id=a, claim_b_id=b, score=0.9, relation="same", state="suggested")
    session.add(link)
    session.flush()
    with pytest.raises(Conflict, match="confirmed"):
        verdicts.reuse(session, people.reviewer, other, link.id, verdict_id=None, version=None, config=config)
    link.state = "confirmed"
    draft = verdicts.reuse(session, people.reviewer, other, link.id, verdict_id=None, version=None, config=config)
    assert (draft.rating, draft.summary, draft.reused_from_claim_id, draft.state) == (
        GOOD.rating,
        GOOD.summary,
        troops,
        "draft",
    )
    copied = session.exec(select(ClaimSource).where(ClaimSource.claim_id == other)).all()
    assert [c.reused_from_claim_id for c in copied] == [troops]


def test_no_reuse_across_a_conflict_or_a_different_measure(session, engine, people, article, troops, config):
    presence = claim_id_containing(engine, article.article_id, "The presence of U.S. troops in Iraq")
    increment = claim_id_containing(engine, article.article_id, "3,000 more troops")
    row = _submitted(session, people, troops, config)
    publishing.publish(session, people.editor, troops, verdict_id=row.id, version=row.version, config=config)
    a, b = sorted((troops, presence))
    stored = ClaimLink(claim_a_id=a, claim_b_id=b, score=0.9, relation="same", state="confirmed", numeric="conflict")
    session.add(stored)
    session.flush()
    with pytest.raises(Conflict, match="numbers of the two claims conflict"):
        verdicts.reuse(session, people.reviewer, presence, stored.id, verdict_id=None, version=None, config=config)
    # A link stored without a verdict, between a total and an increment: compared again
    # under the current rules, they are different measures.
    a, b = sorted((troops, increment))
    old = ClaimLink(claim_a_id=a, claim_b_id=b, score=0.9, relation="same", state="confirmed")
    session.add(old)
    session.flush()
    with pytest.raises(Conflict, match="different measures"):
        verdicts.reuse(session, people.reviewer, increment, old.id, verdict_id=None, version=None, config=config)
    assert verdicts.open_verdict(session, increment) is None
