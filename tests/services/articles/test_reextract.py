"""`claimtrack reextract`: the current extractor's reading replaces the old one, and every
claim a reviewer touched stays byte for byte as it was, on a database made by the
previous schema too."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import sqlalchemy as sa
from sqlmodel import select

from claimtrack import migrate
from claimtrack.db import make_engine, session_scope
from claimtrack.errors import PermissionDenied
from claimtrack.extraction import extract_claims, pipeline
from claimtrack.models import Article, AuditEvent, Claim, ClaimLink, ClaimSource, MatchClaim, Quantity, Verdict
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.articles.reextract import reextract_article
from claimtrack.services.linking import related as related_service
from claimtrack.services.review import claims as claim_service
from claimtrack.services.review import sources as source_service
from claimtrack.services.review import verdicts as verdict_service

from ...helpers import make_user
from ...test_import import run_cli
from ..conftest import CONFIG, ROLES
from ..linking.conftest import import_fixture

FILES = ("iraq-withdrawal-nbc.txt", "iraq-delegation-wire.txt", "norland-motors-release.txt")
_REAL = pipeline.extract_claims


def older_extractor(body: str):
    """What a weaker earlier extractor made of a body: every third claim missed, the
    quantities of every fourth claim not read, every fifth claim cut one character short."""
    claims = _REAL(body)
    keep = [i for i in range(len(claims)) if i % 3 != 2]
    where = {old: new for new, old in enumerate(keep)}
    out = []
    for i in keep:
        c = claims[i]
        repeat = where.get(c.repeat_of) if c.repeat_of is not None else None
        c = replace(c, repeat_of=repeat, quantities=[] if i % 4 == 1 else list(c.quantities))
        if i % 5 == 4 and c.end - c.start > 2:
            c = replace(
                c, end=c.end - 1, text=c.text[:-1].rstrip(), quantities=[q for q in c.quantities if q.end < c.end]
            )
            c.end = c.start + len(c.text)
        out.append(c)
    return out


def table_rows(session, model, where) -> list[dict]:
    """The rows, in the columns the database has: a previous release's database lacks the
    columns later revisions add, and every byte it stored must survive the upgrade."""
    table = model.__table__
    present = {c["name"] for c in sa.inspect(session.connection()).get_columns(table.name)}
    columns = [c for c in table.c if c.name in present]
    return [dict(r._mapping) for r in session.execute(sa.select(*columns).where(where).order_by(table.c.id))]


def snapshot(engine, claim_ids: list[int]) -> dict:
    """Every stored byte of these claims and of what hangs on them."""
    with session_scope(engine) as s:
        return {
            "claims": table_rows(s, Claim, Claim.id.in_(claim_ids)),
            "quantities": table_rows(s, Quantity, Quantity.claim_id.in_(claim_ids)),
            "sources": table_rows(s, ClaimSource, ClaimSource.claim_id.in_(claim_ids)),
            "verdicts": table_rows(s, Verdict, Verdict.claim_id.in_(claim_ids)),
            "decided": table_rows(
                s,
                ClaimLink,
                sa.and_(
                    ClaimLink.state != "suggested",
                    sa.or_(ClaimLink.claim_a_id.in_(claim_ids), ClaimLink.claim_b_id.in_(claim_ids)),
                ),
            ),
            "events": table_rows(
                s, AuditEvent, sa.and_(AuditEvent.entity_type == "claim", AuditEvent.entity_id.in_(claim_ids))
            ),
        }


def everything(engine) -> dict:
    with session_scope(engine) as s:
        return {m.__tablename__: table_rows(s, m, sa.true()) for m in (Claim, Quantity, ClaimLink, AuditEvent)}


def claim_with(session, text: str) -> Claim:
    return session.exec(select(Claim).where(Claim.text.contains(text))).one()


def build_old_database(engine, monkeypatch) -> dict[str, int]:
    """Three articles read by the older extractor, and reviewers' work on some claims,
    all through the services. Returns the touched claims by what was done to them."""
    monkeypatch.setattr(pipeline, "extract_claims", older_extractor)
    for name in FILES:
        import_fixture(engine, name)
    monkeypatch.setattr(pipeline, "extract_claims", _REAL)
    people = {
        name: Actor(user_id=make_user(engine, f"{name}1", role), name=f"{name}1", role=role)
        for name, role in ROLES.items()
        if name in ("reviewer", "editor")
    }
    reviewer = people["reviewer"]
    touched: dict[str, int] = {}
    with session_scope(engine) as s:
        claims = s.exec(select(Claim).order_by(Claim.id)).all()
        status, assigned, dismissed, sourced, drafted = claims[1], claims[2], claims[3], claims[5], claims[7]
        claim_service.set_status(s, reviewer, status.id, version=status.version, status="in_review")
        claim_service.assign(s, reviewer, assigned.id, version=assigned.version, assignee_id=reviewer.user_id)
        claim_service.dismiss(s, reviewer, dismissed.id, version=dismissed.version, reason="Opinion, not a fact.")
        source_service.add_source(
            s,
            reviewer,
            sourced.id,
            source_service.SourceInput(url="https://data.example.org/troops", title="Troop levels", stance="supports"),
        )
        verdict_service.save_draft(
            s,
            reviewer,
            drafted.id,
            verdict_service.VerdictInput(rating="half-true", summary="Partly right."),
            verdict_id=None,
            version=None,
            config=CONFIG,
        )
        touched.update(
            status=status.id, assigned=assigned.id, dismissed=dismissed.id, sourced=sourced.id, drafted=drafted.id
        )
    with session_scope(engine) as s:
        nbc = s.exec(select(Article).where(Article.title.contains("Iraq"))).first()
        body = nbc.body
        start = body.index("Iraq has asked")
        drawn = claim_service.create_claim(s, reviewer, nbc.id, start=start, end=body.index(".", start) + 1)
        touched["drawn"] = drawn.id
        link = s.exec(select(ClaimLink).where(ClaimLink.state == "suggested").order_by(ClaimLink.score.desc())).first()
        related_service.decide_link(s, reviewer, link.id, "confirmed")
        touched["linked_a"], touched["linked_b"] = link.claim_a_id, link.claim_b_id
    return touched


@pytest.fixture
def old_database(empty_database_url, monkeypatch, instance_path):
    """A database on the previous release's schema (revision 0004) holding reviewed work."""
    url = empty_database_url
    migrate.upgrade(url)
    engine = make_engine(url)
    touched = build_old_database(engine, monkeypatch)
    migrate.downgrade(url, "0004")
    assert migrate.current_revision(engine) == "0004"
    monkeypatch.setenv("CLAIMTRACK_DATABASE_URL", url)
    monkeypatch.setenv("CLAIMTRACK_INSTANCE_PATH", str(instance_path))
    return engine, url, touched


def expected_reading(engine, touched_ids: set[int]) -> dict[int, list[tuple]]:
    """Per article, what the current extractor finds outside the touched claims' spans."""
    out = {}
    with session_scope(engine) as s:
        for article in s.exec(select(Article)).all():
            kept = s.exec(
                select(Claim.start_offset, Claim.end_offset).where(
                    Claim.article_id == article.id, Claim.id.in_(touched_ids)
                )
            ).all()
            out[article.id] = [
                (
                    c.start,
                    c.end,
                    c.text,
                    c.kind,
                    c.cue,
                    [(q.start, q.end, q.value, q.low, q.high, q.unit) for q in c.quantities],
                )
                for c in extract_claims(article.body)
                if not any(c.start < k.end_offset and k.start_offset < c.end for k in kept)
            ]
    return out


def stored_reading(engine, touched_ids: set[int]) -> dict[int, list[tuple]]:
    out = {}
    with session_scope(engine) as s:
        for article in s.exec(select(Article)).all():
            # columns, not Claim: it also reads the previous release's schema
            rows = s.exec(
                select(Claim.id, Claim.start_offset, Claim.end_offset, Claim.text, Claim.kind, Claim.cue)
                .where(Claim.article_id == article.id, Claim.id.not_in(touched_ids))
                .order_by(Claim.start_offset)
            ).all()
            out[article.id] = [
                (
                    c.start_offset,
                    c.end_offset,
                    c.text,
                    c.kind,
                    c.cue,
                    [
                        tuple(q)
                        for q in s.exec(
                            select(
                                Quantity.start_offset,
                                Quantity.end_offset,
                                Quantity.value,
                                Quantity.low,
                                Quantity.high,
                                Quantity.unit,
                            )
                            .where(Quantity.claim_id == c.id)
                            .order_by(Quantity.start_offset)
                        ).all()
                    ],
                )
                for c in rows
            ]
    return out


def test_reextract_after_upgrading_a_previous_release_database(old_database, capsys):
    engine, url, touched = old_database
    ids = sorted(set(touched.values()))
    before = snapshot(engine, ids)
    with session_scope(engine) as s:  # columns, not Claim: the old schema lacks the newer ones
        spans = select(Claim.article_id, Claim.start_offset, Claim.end_offset, Claim.id)
        old_ids = {(a, start, end): i for a, start, end, i in s.exec(spans).all()}
    assert stored_reading(engine, set(ids)) != expected_reading(engine, set(ids))

    migrate.upgrade(url)
    code, out, err = run_cli(["reextract", "--format", "json"], capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["articles"] == 3 and report["changed"] == 3 and not report["dry_run"]

    # Every column the previous release stored is kept as it was (new columns hold defaults).
    after = snapshot(engine, ids)
    assert {
        name: [{k: row[k] for k in old} for row, old in zip(after[name], rows, strict=True)]
        for name, rows in before.items()
    } == before
    assert stored_reading(engine, set(ids)) == expected_reading(engine, set(ids))
    with session_scope(engine) as s:
        now = {(c.article_id, c.start_offset, c.end_offset): c.id for c in s.exec(select(Claim)).all()}
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "article.reextract")).all()
        indexed = set(s.exec(select(MatchClaim.claim_id)).all())
        added = {i for c in report["changes"] for i in c["added"]}
        removed = {i for c in report["changes"] for i in c["removed"]}
        updated = {i for c in report["changes"] for i in c["updated"]}
        assert removed and updated
        assert not s.exec(select(Claim.id).where(Claim.id.in_(removed))).all()
        assert not s.exec(select(Quantity.id).where(Quantity.claim_id.in_(removed))).all()
        assert not s.exec(
            select(ClaimLink.id).where(sa.or_(ClaimLink.claim_a_id.in_(removed), ClaimLink.claim_b_id.in_(removed)))
        ).all()
    # A claim the old reading already had at the same span keeps its id.
    assert all(now[key] == old_ids[key] for key in now.keys() & old_ids.keys())
    assert added and added == set(now.values()) - set(old_ids.values())
    assert sorted(e.entity_id for e in events) == sorted(c["article_id"] for c in report["changes"])
    assert set(now.values()) <= indexed  # the new claims joined the matching index

    # Idempotent: a second run, dry or not, finds nothing to do and writes nothing.
    state = everything(engine)
    for args in (["reextract", "--dry-run", "--format", "json"], ["reextract", "--format", "json"]):
        code, out, err = run_cli(args, capsys)
        assert code == 0, err
        assert json.loads(out)["changed"] == 0
    assert everything(engine) == state


def test_dry_run_reports_and_changes_nothing(old_database, capsys):
    engine, url, touched = old_database
    migrate.upgrade(url)
    state = everything(engine)
    code, out, err = run_cli(["reextract", "--dry-run"], capsys)
    assert code == 0, err
    assert "would change" in err and out.count("added") == 3
    assert everything(engine) == state
    with session_scope(engine) as s:
        nbc = s.exec(select(Article.id).where(Article.title.contains("Iraq"))).first()
    code, out, err = run_cli(["reextract", "--dry-run", "--article", str(nbc), "--format", "json"], capsys)
    dry = json.loads(out)
    code, out, err = run_cli(["reextract", "--article", str(nbc), "--format", "json"], capsys)
    real = json.loads(out)
    assert dry["articles"] == real["articles"] == 1
    strip = [{k: v for k, v in c.items() if k != "added"} for c in dry["changes"]]
    assert strip == [{k: v for k, v in c.items() if k != "added"} for c in real["changes"]]
    assert [len(c["added"]) for c in dry["changes"]] == [len(c["added"]) for c in real["changes"]]


def test_new_claims_never_overlap_a_touched_claim(old_database, capsys):
    engine, url, touched = old_database
    migrate.upgrade(url)
    assert run_cli(["reextract"], capsys)[0] == 0
    with session_scope(engine) as s:
        drawn = s.get(Claim, touched["drawn"])
        others = s.exec(select(Claim).where(Claim.article_id == drawn.article_id, Claim.id != drawn.id)).all()
        extracted = extract_claims(s.get(Article, drawn.article_id).body)
    inside = [c for c in extracted if c.start < drawn.end_offset and drawn.start_offset < c.end]
    assert inside  # the extractor does find a claim there ...
    for c in others:  # ... but only the reviewer's drawn claim covers that text now
        assert not (c.start_offset < drawn.end_offset and drawn.start_offset < c.end_offset) or c.id in touched.values()


def test_outlet_and_article_filters_and_errors(old_database, capsys):
    engine, url, _ = old_database
    migrate.upgrade(url)
    code, out, _ = run_cli(["reextract", "--outlet", "Meridian Wire", "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 0 and report["articles"] == 1 and report["changed"] == 1
    code, _, err = run_cli(["reextract", "--outlet", "No Such Paper"], capsys)
    assert code == 1 and "no outlet named 'No Such Paper'" in err
    code, _, err = run_cli(["reextract", "--article", "999999"], capsys)
    assert code == 1 and "no article #999999" in err
    code, _, err = run_cli(["reextract", "--article", "1", "--outlet", "Meridian Wire"], capsys)
    assert code == 1 and "not both" in err


def test_a_reviewer_cannot_reextract(engine):
    article = import_fixture(engine, FILES[0])
    reviewer = Actor(user_id=make_user(engine, "reviewer1", "reviewer"), name="reviewer1", role="reviewer")
    with session_scope(engine) as s, pytest.raises(PermissionDenied):
        reextract_article(s, reviewer, article.article_id)


def test_untouched_article_read_the_same_is_left_alone(engine):
    article = import_fixture(engine, FILES[1])
    state = everything(engine)
    with session_scope(engine) as s:
        change = reextract_article(s, Actor.system("test"), article.article_id)
    assert not change.changed and change.kept and not change.touched
    assert everything(engine) == state
