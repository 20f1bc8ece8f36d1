"""Sources: address rules, add/edit/remove, fingerprints instead of versions."""

import pytest
from sqlmodel import select

from claimtrack.errors import Conflict, StaleVersion, ValidationError
from claimtrack.models import AuditEvent, Claim, ClaimSource, Source
from claimtrack.services.review import claims, sources
from claimtrack.services.review.sources import SourceInput

from ..conftest import claim_id_containing

GOOD = SourceInput("https://www.defense.gov/troops", "Troop levels", "DoD", "refutes", "About 5,200 troops.")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.org/x",
        "data:text/html,hi",
        "example.org",
        "https://",
        "http://exa mple.org",
        "",
        "https://x.org/" + "a" * 2000,
    ],
)
def test_only_http_and_https_addresses(url):
    with pytest.raises(ValidationError) as info:
        sources.check_url(url)
    assert "url" in info.value.fields


@pytest.mark.parametrize("url", ["http://example.org", "HTTPS://Example.org/a?b=c#d", " https://x.org/path "])
def test_good_addresses(url):
    assert sources.check_url(url) == url.strip()


def test_add_edit_remove_are_audited(session, people, troops):
    link = sources.add_source(session, people.reviewer, troops, GOOD)
    src = session.get(Source, link.source_id)
    assert (src.url, src.title, src.publisher, link.stance, link.excerpt) == (
        GOOD.url,
        "Troop levels",
        "DoD",
        "refutes",
        "About 5,200 troops.",
    )
    seen = sources.fingerprint(link, src)
    link = sources.edit_source(
        session,
        people.reviewer,
        troops,
        link.id,
        SourceInput(GOOD.url, "Troop levels in Iraq", "DoD", "context", ""),
        seen=seen,
    )
    assert link.stance == "context" and link.excerpt is None
    assert session.get(Source, link.source_id).title == "Troop levels in Iraq"
    seen = sources.fingerprint(link, session.get(Source, link.source_id))
    sources.remove_source(session, people.reviewer, troops, link.id, seen=seen)
    session.flush()
    assert session.exec(select(ClaimSource).where(ClaimSource.claim_id == troops)).all() == []
    actions = session.exec(
        select(AuditEvent.action).where(AuditEvent.entity_id == troops, AuditEvent.action.startswith("source."))
    ).all()
    assert actions == ["source.add", "source.edit", "source.remove"]
    removed = session.exec(select(AuditEvent).where(AuditEvent.action == "source.remove")).one()
    assert removed.before["title"] == "Troop levels in Iraq" and removed.after is None


def test_field_errors_are_collected(session, people, troops):
    with pytest.raises(ValidationError) as info:
        sources.add_source(session, people.reviewer, troops, SourceInput("ftp://x", "t", "", "maybe", ""))
    assert set(info.value.fields) == {"url", "stance"}


def test_the_same_address_twice_is_refused(session, people, troops):
    sources.add_source(session, people.reviewer, troops, GOOD)
    with pytest.raises(ValidationError, match="already linked"):
        sources.add_source(session, people.reviewer, troops, SourceInput(GOOD.url, "Other title"))


def test_an_outdated_fingerprint_is_a_stale_edit(session, people, troops):
    link = sources.add_source(session, people.reviewer, troops, GOOD)
    seen = sources.fingerprint(link, session.get(Source, link.source_id))
    sources.edit_source(
        session,
        people.reviewer2,
        troops,
        link.id,
        SourceInput(GOOD.url, GOOD.title, GOOD.publisher, "supports", GOOD.excerpt),
        seen=seen,
    )
    with pytest.raises(StaleVersion) as info:
        sources.edit_source(session, people.reviewer, troops, link.id, GOOD, seen=seen)
    assert info.value.changed_by == "reviewer2"
    with pytest.raises(StaleVersion):
        sources.remove_source(session, people.reviewer, troops, link.id, seen=seen)


def test_editing_a_shared_source_copies_it_for_this_claim(session, engine, people, article, troops):
    other = claim_id_containing(engine, article.article_id, "3,000 more troops")
    mine = sources.add_source(session, people.reviewer, troops, GOOD)
    theirs = sources.add_source(session, people.reviewer, other, SourceInput(GOOD.url))
    assert mine.source_id == theirs.source_id
    seen = sources.fingerprint(mine, session.get(Source, mine.source_id))
    edited = sources.edit_source(
        session,
        people.reviewer,
        troops,
        mine.id,
        SourceInput(GOOD.url, "My better title", "DoD", "refutes", ""),
        seen=seen,
    )
    assert edited.source_id != theirs.source_id
    assert session.get(Source, theirs.source_id).title == "Troop levels"


def test_published_claims_keep_their_sources_unless_an_editor_acts(session, people, troops):
    link = sources.add_source(session, people.reviewer, troops, GOOD)
    session.get(Claim, troops).status = "published"
    with pytest.raises(Conflict, match="only an editor"):
        sources.add_source(session, people.reviewer, troops, SourceInput("https://example.org/2"))
    seen = sources.fingerprint(link, session.get(Source, link.source_id))
    with pytest.raises(Conflict, match="at least one source"):
        sources.remove_source(session, people.editor, troops, link.id, seen=seen)
    sources.add_source(session, people.editor, troops, SourceInput("https://example.org/2"))


def test_dismissed_and_merged_claims_take_no_sources(session, engine, people, article, troops):
    other = claim_id_containing(engine, article.article_id, "That coalition stood down")
    claims.dismiss(session, people.reviewer, troops, version=1, reason="Not checkable")
    with pytest.raises(Conflict, match="dismissed: restore it"):
        sources.add_source(session, people.editor, troops, GOOD)
    claims.set_status(session, people.reviewer, troops, version=2, status="unreviewed")
    sources.add_source(session, people.reviewer, troops, GOOD)
    claims.merge(session, people.reviewer, troops, other, version=3, other_version=1)
    with pytest.raises(Conflict, match=f"merged into claim #{troops}"):
        sources.add_source(session, people.reviewer, other, SourceInput("https://example.org/2"))
    assert not session.exec(select(ClaimSource).where(ClaimSource.claim_id == other)).all()
