"""What sort of number each quantity is (kind, role, what it is of, rate base, from-to
value, vote minority) is stored on every path into the database and reaches the
matcher's records."""

from __future__ import annotations

import json

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim, Quantity
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.articles.bulk_import import collect, import_items
from claimtrack.services.articles.upload import ArticleForm, import_from_form
from claimtrack.services.linking import index as match_index
from claimtrack.services.review import claims as claim_service

from ...helpers import import_text, make_user

BODY = (
    "Harbour Survey\n\nThe harbour board said 64 percent of voters surveyed back the new ferry plan. "
    "It said unemployment in the port district rose from 4.1 per cent to 6.3 per cent over the year. "
    "The clinic reported 31.2 cases per 100,000 residents in the district last winter."
)


def _quantities(engine, article_id: int) -> dict[str, Quantity]:
    with session_scope(engine) as s:
        ids = s.exec(select(Claim.id).where(Claim.article_id == article_id)).all()
        return {q.text: q for q in s.exec(select(Quantity).where(Quantity.claim_id.in_(ids))).all()}


def _check_fields(found: dict[str, Quantity]) -> None:
    share = found["64 percent"]
    assert (share.kind, share.role, share.of_what) == ("percent", "level", "voters surveyed")
    start, end = found["4.1 per cent"], found["6.3 per cent"]
    assert (start.role, end.role, end.from_value) == ("start", "level", 4.1)
    rate = found["31.2 cases per 100,000 residents"]
    assert (rate.kind, rate.per, rate.of_what, rate.unit) == ("rate", 100000.0, "residents", "case")


def test_import_stores_the_measure_and_the_index_reads_it(engine):
    outcome = import_text(engine, BODY)
    found = _quantities(engine, outcome.article_id)
    _check_fields(found)
    with session_scope(engine) as s:
        records = match_index.load_records(s, {q.claim_id for q in found.values()})
    by_text = {q.text: q for r in records.values() for q in r.quantities}
    assert by_text["64 percent"].kind == "percent" and by_text["64 percent"].of == "voters surveyed"
    assert by_text["6.3 per cent"].from_value == 4.1 and by_text["4.1 per cent"].role == "start"
    assert by_text["31.2 cases per 100,000 residents"].per == 100000.0


def test_upload_stores_the_measure(engine, session):
    reviewer = Actor(user_id=make_user(engine, "reviewer1", "reviewer"), name="reviewer1", role="reviewer")
    outcome = import_from_form(
        session,
        reviewer,
        ArticleForm(
            filename="survey.json",
            data=json.dumps({"title": "Harbour Survey", "body": BODY.partition("\n\n")[2]}).encode(),
        ),
        max_body_chars=100_000,
    )
    session.commit()
    _check_fields(_quantities(engine, outcome.article_id))


def test_bulk_import_stores_the_measure(engine, tmp_path):
    (tmp_path / "survey.txt").write_text(BODY, encoding="utf-8")
    (report,) = list(import_items(engine, Actor.system("test"), collect([tmp_path]), max_body_chars=100_000, workers=1))
    assert report.error is None
    _check_fields(_quantities(engine, report.article_id))


def test_a_claim_drawn_by_hand_stores_the_measure(engine):
    outcome = import_text(engine, BODY)
    reviewer = Actor(user_id=make_user(engine, "reviewer1", "reviewer"), name="reviewer1", role="reviewer")
    with session_scope(engine) as s:
        body = BODY.partition("\n\n")[2]
        start = body.index("clinic reported")
        claim = claim_service.create_claim(s, reviewer, outcome.article_id, start=start, end=len(body))
        new_id = claim.id
    with session_scope(engine) as s:
        (rate,) = s.exec(select(Quantity).where(Quantity.claim_id == new_id)).all()
        assert (rate.kind, rate.per, rate.of_what) == ("rate", 100000.0, "residents")
