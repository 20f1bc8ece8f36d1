"""The demo's review work: claims in several states, seeded once."""

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import AuditEvent, Claim, Verdict
from claimtrack.services.demo.workflow import seed_workflow

from ...conftest import EXAMPLE
from ...helpers import import_file, make_user


def test_seeds_claims_in_several_states_once(engine):
    import_file(engine, EXAMPLE)
    make_user(engine, "reviewer", "reviewer")
    make_user(engine, "editor", "editor")
    assert seed_workflow(engine) is True
    with session_scope(engine) as s:
        statuses = sorted(c.status for c in s.exec(select(Claim)).all() if c.status != "unreviewed")
        states = sorted(v.state for v in s.exec(select(Verdict)).all())
        events = len(s.exec(select(AuditEvent)).all())
    assert statuses == ["dismissed", "in_review", "in_review", "published"]
    assert states == ["draft", "published"]
    assert seed_workflow(engine) is False
    with session_scope(engine) as s:
        assert len(s.exec(select(AuditEvent)).all()) == events


def test_does_nothing_without_the_demo_article_or_users(engine):
    assert seed_workflow(engine) is False


def test_the_demo_archive_fills_previously_fact_checked(engine):
    from claimtrack.models import FactCheck
    from claimtrack.services.accounts.actors import Actor
    from claimtrack.services.archive.factchecks import factchecks_for_claim
    from claimtrack.services.demo.load import load_demo_archive

    from ..conftest import claim_id_containing

    article = import_file(engine, EXAMPLE)
    assert load_demo_archive(engine, Actor.system("demo")) == 6
    assert load_demo_archive(engine, Actor.system("demo")) == 0  # loading again adds nothing
    claim_id = claim_id_containing(engine, article.article_id, "Prime Minister Adel Abdul-Mahdi said the U.S. had")
    with session_scope(engine) as s:
        assert len(s.exec(select(FactCheck)).all()) == 6
        found = factchecks_for_claim(s, claim_id)
    assert found and found[0].url == "https://checks.harbour-desk.example/2020/drones-without-authorisation"
