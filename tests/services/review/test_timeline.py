"""A claim's history, read back from the audit log."""

from claimtrack.models import Claim
from claimtrack.services.review import claims, sources
from claimtrack.services.review.sources import SourceInput
from claimtrack.services.review.timeline import claim_timeline


def test_timeline_lists_every_change_newest_first(session, people, troops):
    claim = claims.set_status(session, people.reviewer, troops, version=1, status="in_review")
    sources.add_source(session, people.reviewer, troops, SourceInput("https://example.org/a", "A source"))
    claims.edit_text(
        session,
        people.reviewer2,
        troops,
        version=claim.version,
        text="Reworded.",
        start=claim.start_offset,
        end=claim.end_offset,
    )
    session.flush()
    entries = claim_timeline(session, session.get(Claim, troops))
    assert [e.summary for e in entries] == [
        "Edited the text or span",
        "Added source A source",
        "Moved from unreviewed to in review",
        "Extracted from the article on import",
    ]
    assert [e.who for e in entries[:3]] == ["reviewer2", "reviewer1", "reviewer1"]
    assert ("text", entries[0].changes[0][1], "Reworded.") == entries[0].changes[0]
