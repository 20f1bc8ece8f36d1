"""Queue queries: the two lists, filters, search with literal wildcards, pages."""

from datetime import date

from sqlmodel import select

from claimtrack.models import Claim, ClaimLink
from claimtrack.services.review import claims, queue
from claimtrack.services.review.queue import QueueFilters

from ...helpers import import_text
from ..conftest import claim_id_containing

OTHER = """Festival hires 100% of its volunteers_2024 locally

The city festival said it hired 300 volunteers this year, up from 120 last year.
"""


def test_ranked_lists_unreviewed_claims_most_check_worthy_first(session, article):
    page = queue.ranked(session, QueueFilters(), size=100)
    scores = [row.claim.checkworthiness for row in page.rows]
    assert scores == sorted(scores, reverse=True) and page.total == len(page.rows) > 5
    assert all(row.claim.status == "unreviewed" for row in page.rows)
    assert all(row.article_title.startswith("Troops Withdrawal") for row in page.rows)


def test_pages(session, article):
    first = queue.ranked(session, QueueFilters(), page=1, size=5)
    second = queue.ranked(session, QueueFilters(), page=2, size=5)
    assert first.has_next and len(first.rows) == 5 and second.page == 2
    assert not {r.claim.id for r in first.rows} & {r.claim.id for r in second.rows}
    assert queue.ranked(session, QueueFilters(), page=99, size=5).rows == []


def test_assigned_to_me_shows_open_work(session, people, troops):
    claims.set_status(session, people.reviewer, troops, version=1, status="in_review")
    mine = queue.assigned_to(session, people.reviewer.user_id, QueueFilters())
    assert [r.claim.id for r in mine.rows] == [troops] and mine.rows[0].assignee == "reviewer1"
    assert queue.assigned_to(session, people.reviewer2.user_id, QueueFilters()).rows == []
    claims.dismiss(session, people.reviewer, troops, version=session.get(Claim, troops).version, reason="Background")
    assert queue.assigned_to(session, people.reviewer.user_id, QueueFilters()).rows == []
    dismissed = queue.assigned_to(session, people.reviewer.user_id, QueueFilters(status="dismissed"))
    assert [r.claim.id for r in dismissed.rows] == [troops]


def test_search_covers_text_speaker_and_title(session, engine, article):
    milley = claim_id_containing(engine, article.article_id, "Milley")
    by_speaker = queue.ranked(session, QueueFilters(q="milley"), size=100)
    assert milley in [r.claim.id for r in by_speaker.rows]
    by_title = queue.ranked(session, QueueFilters(q="Withdrawal"), size=100)
    assert by_title.total == queue.ranked(session, QueueFilters(), size=100).total
    both = queue.ranked(session, QueueFilters(q="6,000 troops"), size=100)
    assert [r.claim.text[:30] for r in both.rows] == ["The removal of the 6,000 or so"]


def test_like_wildcards_in_the_search_match_literally(session, engine, article):
    import_text(engine, OTHER, where="festival.txt")
    everything = queue.ranked(session, QueueFilters(), size=100).total
    assert queue.ranked(session, QueueFilters(q="%"), size=100).total < everything
    assert queue.ranked(session, QueueFilters(q="_"), size=100).total < everything
    assert queue.ranked(session, QueueFilters(q="100%"), size=100).total >= 1
    assert queue.ranked(session, QueueFilters(q="volunteers_2024"), size=100).total >= 1
    assert queue.ranked(session, QueueFilters(q="volunteersX2024"), size=100).total == 0
    assert queue.ranked(session, QueueFilters(q="'; drop table claims; --"), size=100).total == 0


def test_filters(session, engine, people, article, troops):
    other = claim_id_containing(engine, article.article_id, "3,000 more troops")
    claim = session.get(Claim, troops)
    assert queue.ranked(session, QueueFilters(outlet_id=999), size=100).total == 0
    by_claimant = queue.ranked(session, QueueFilters(claimant_id=claim.claimant_id or -1), size=100)
    assert all(r.claim.claimant_id == claim.claimant_id for r in by_claimant.rows)
    today = date.today()
    assert queue.ranked(session, QueueFilters(date_from=today), size=100).total > 0
    assert queue.ranked(session, QueueFilters(date_to=date(2000, 1, 1)), size=100).total == 0
    assert queue.ranked(session, QueueFilters(has_conflict=True), size=100).total == 0
    a, b = sorted((troops, other))
    session.add(ClaimLink(claim_a_id=a, claim_b_id=b, score=0.7, relation="related", numeric="conflict"))
    session.flush()
    conflicted = queue.ranked(session, QueueFilters(has_conflict=True), size=100)
    assert sorted(r.claim.id for r in conflicted.rows) == [a, b] and all(r.has_conflict for r in conflicted.rows)
    link = session.exec(select(ClaimLink)).one()
    link.state = "dismissed"
    session.flush()
    assert queue.ranked(session, QueueFilters(has_conflict=True), size=100).total == 0


def test_filter_options(session, article):
    assert queue.claimants_with_claims(session)
    assert queue.outlets(session) == []


def test_a_search_count_stops_at_the_cap(session, article, monkeypatch):
    everything = queue.ranked(session, QueueFilters(q="the"), size=2)
    assert everything.total > 3 and not everything.capped and everything.total_label == str(everything.total)
    monkeypatch.setattr(queue, "SEARCH_COUNT_CAP", 3)
    capped = queue.ranked(session, QueueFilters(q="the"), size=2)
    assert (capped.total, capped.capped, capped.total_label) == (3, True, "more than 3")
    assert [r.claim.id for r in capped.rows] == [r.claim.id for r in everything.rows]
    # without a search the count is exact, however many there are
    assert not queue.ranked(session, QueueFilters(), size=2).capped


def test_status_sort_of_one_status_is_the_check_worthiness_order(session, article):
    by_status = queue.ranked(session, QueueFilters(sort="status"), size=100)
    by_worth = queue.ranked(session, QueueFilters(sort="worthiness"), size=100)
    assert [r.claim.id for r in by_status.rows] == [r.claim.id for r in by_worth.rows]
