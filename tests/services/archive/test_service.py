import pytest
from sqlalchemy import func, text
from sqlmodel import select

from claimtrack.archive_search.readers import read_archive
from claimtrack.db import session_scope
from claimtrack.errors import NotFound, ValidationError
from claimtrack.models import AuditEvent, Claim, FactCheck
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.archive import factchecks as service
from tests.helpers import import_text

from .archive import CHECKTHAT_TSV

ACTOR = Actor.system("test")


def load(engine, text: str, name: str = "archive.tsv", **kwargs) -> service.ImportSummary:
    rows = read_archive(text.encode("utf-8"), name, "." + name.rsplit(".", 1)[1])
    with session_scope(engine) as s:
        return service.import_factchecks(s, ACTOR, rows, source=name, **kwargs)


def count(engine) -> int:
    with session_scope(engine) as s:
        return s.exec(select(func.count()).select_from(FactCheck)).one()


def test_reimport_updates_rating_and_url_without_duplicates(engine):
    first = (
        "id,claim,rating,url\n7,Cats can fly,False,https://fc.example/7\n8,Dogs can sing,True,https://fc.example/8\n"
    )
    assert load(engine, first, "a.csv").to_dict() == {
        "source": "a.csv",
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "failed": 0,
        "errors": [],
    }
    again = load(
        engine,
        "id,claim,rating,url\n7,Cats can fly,Mostly false,https://fc.example/7-new\n"
        "8,Dogs can sing,True,https://fc.example/8\n",
        "a.csv",
    )
    assert (again.created, again.updated, again.unchanged) == (0, 1, 1)
    assert count(engine) == 2
    with session_scope(engine) as s:
        row = s.exec(select(FactCheck).where(FactCheck.external_id == "7")).one()
        assert (row.rating, row.url) == ("Mostly false", "https://fc.example/7-new")
        assert row.updated_at >= row.imported_at
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "factchecks.import")).all()
        assert [e.after["created"] for e in events] == [2, 0]


def test_rows_without_an_id_are_identified_by_their_wording_and_publisher(engine):
    load(engine, "claim,rating\nCats can fly,False\n", "a.csv")
    load(engine, "claim,rating\n  cats CAN fly ,Pants on fire\n", "b.csv")
    load(engine, "claim,rating\nCats can fly,False\n", "c.csv", publisher="Other Desk")
    with session_scope(engine) as s:
        rows = s.exec(select(FactCheck).order_by(FactCheck.id)).all()
        assert [(r.rating, r.publisher) for r in rows] == [("Pants on fire", None), ("False", "Other Desk")]


def test_bad_rows_are_counted_and_the_rest_load(engine):
    summary = load(engine, "id,claim,url\n1,Good,https://x.example/1\n2,,https://x.example/2\n3,Fine,nope\n", "a.csv")
    assert (summary.created, summary.failed) == (1, 2)
    assert summary.errors[0] == "a.csv:3: no claim text"
    assert summary.errors[1].startswith("a.csv:4: URL must start")


def test_match_ranks_the_paraphrased_fact_check_first(engine):
    load(engine, CHECKTHAT_TSV)
    with session_scope(engine) as s:
        results = service.match_text(
            s,
            "So a huge shark was swimming down the flooded freeway in Houston after Harvey?? "
            "https://t.co/abc — Storm Watcher (@stormwatch) August 28, 2017",
            3,
        )
        assert results[0].external_id == "1" and results[0].kind == "factcheck"
        assert results[0].score >= results[-1].score
        farmers = service.match_text(s, "White farmers in South Africa are being killed on a large scale", 3)
        assert farmers[0].external_id == "2"
        assert service.match_text(s, "zzzz qqqq", 3) == []


def test_match_includes_stored_claims_with_their_article_url(engine):
    load(engine, CHECKTHAT_TSV)
    outcome = import_text(
        engine,
        "Paris bans diesel\n\nBy Ann Writer\n\n"
        "The mayor said diesel cars would be banned from the streets of Paris next year.\n",
        url="https://news.example/paris-diesel",
        outlet="Example News",
    )
    with session_scope(engine) as s:
        results = service.match_text(s, "Is Paris banning diesel cars from its streets?", 5)
        kinds = {(r.kind, r.url) for r in results}
        assert ("claim", "https://news.example/paris-diesel") in kinds
        assert ("factcheck", None) in kinds
        claim_id = next(r.id for r in results if r.kind == "claim")
        assert s.get(Claim, claim_id).article_id == outcome.article_id
        previously = service.factchecks_for_claim(s, claim_id, 2)
        assert [r.external_id for r in previously] == ["4"]  # weak look-alikes are left out
        assert s.get(FactCheck, previously[0].id).claim_text.startswith("The city of Paris banned")
        assert previously[0].similarity >= service.MIN_SIMILARITY


def test_search_index_follows_updates_and_deletes(engine):
    load(engine, CHECKTHAT_TSV)
    with session_scope(engine) as s:
        row = s.exec(select(FactCheck).where(FactCheck.external_id == "3")).one()
        row.claim_text = "Eating raw garlic protects against the flu."
        s.add(row)
    with session_scope(engine) as s:
        assert service.match_text(s, "garlic flu", 1)[0].external_id == "3"
        # Words only the old claim text had (not its headline) no longer find it.
        assert service.match_text(s, "drinking every morning", 5) == []
        s.execute(text("DELETE FROM factchecks WHERE external_id = '3'"))
    with session_scope(engine) as s:
        assert service.match_text(s, "garlic flu", 5) == []


def test_match_refuses_empty_text_and_bad_limits(engine):
    with session_scope(engine) as s:
        with pytest.raises(ValidationError, match="empty"):
            service.match_text(s, "   ", 5)
        with pytest.raises(ValidationError, match="limit"):
            service.match_text(s, "cats", 0)
        with pytest.raises(NotFound):
            service.factchecks_for_claim(s, 999_999)
        with pytest.raises(ValidationError, match="limit"):
            service.factchecks_for_claim(s, 1, 0)
