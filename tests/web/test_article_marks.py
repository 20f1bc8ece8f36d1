"""The article page marks each claim that has related coverage or a numeric conflict,
and says "No speaker: the outlet's own statement" for a claim nobody is quoted in."""

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import ClaimLink
from claimtrack.services.articles.view import coverage

from ..conftest import FIXTURES
from ..helpers import import_file
from .conftest import HX


def test_claims_with_other_coverage_are_marked(as_role, engine, article, troops):
    import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        links = s.exec(select(ClaimLink)).all()
        marks = coverage(s, [troops])
    assert links and troops in marks
    for role in ("viewer", "reviewer", "editor"):
        page = as_role(role).get(f"/articles/{article.article_id}").get_data(as_text=True)
        assert "numbers conflict with other coverage" in page or "related coverage" in page
    panel = as_role("viewer").get(f"/claims/{troops}", headers=HX).get_data(as_text=True)
    assert "<html" not in panel


def test_the_article_text_flags_those_claims_too(as_role, engine, article, troops):
    plain = as_role("viewer").get(f"/articles/{article.article_id}").get_data(as_text=True)
    assert "flag-conflict" not in plain and "flag-related" not in plain
    import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        kind = coverage(s, [troops])[troops]
    page = as_role("viewer").get(f"/articles/{article.article_id}").get_data(as_text=True)
    mark = page[page.index(f'id="span-{troops}"') - 200 : page.index(f'id="span-{troops}"')]
    assert f"flag-{kind}" in mark
    assert f'id="span-{troops}" aria-describedby="flag-{kind}"' in page
    assert f'id="flag-{kind}"' in page  # the legend entry it points at
    # the body refreshed after a panel action (its htmx region) carries the same flags
    body = as_role("reviewer").get(
        f"/articles/{article.article_id}", headers={"HX-Request": "true", "HX-Target": "article-body"}
    )
    assert f'aria-describedby="flag-{kind}"' in body.get_data(as_text=True)


def test_dismissed_links_do_not_mark(engine, article, troops):
    import_file(engine, FIXTURES / "articles" / "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        for link in s.exec(
            select(ClaimLink).where((ClaimLink.claim_a_id == troops) | (ClaimLink.claim_b_id == troops))
        ):
            link.state = "dismissed"
            s.add(link)
    with session_scope(engine) as s:
        assert troops not in coverage(s, [troops])


def test_one_label_for_no_speaker(as_role, article):
    page = as_role("viewer").get(f"/articles/{article.article_id}").get_data(as_text=True)
    assert ">Reporter<" not in page and "Reporter ·" not in page


def test_report_filters_name_reviewers_by_display_name(as_role, engine, article):
    from claimtrack.services.accounts.actors import Actor
    from claimtrack.services.accounts.users import create_user

    with session_scope(engine) as s:
        create_user(
            s, Actor.system("test"), "rpatel", "a long enough password", role="reviewer", display_name="Rina Patel"
        )
    page = as_role("editor").get("/reports/overview").get_data(as_text=True)
    assert ">Rina Patel (rpatel)</option>" in page
    conflicts = as_role("editor").get("/reports/conflicts").get_data(as_text=True)
    assert "<html" in conflicts
