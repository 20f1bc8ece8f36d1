"""Streaming exports of claims, verdicts, links and fact-checks: the service (columns,
filters, formats, permissions, keyset batches) on the fixed newsroom."""

import csv
import io
import json

import pytest

from claimtrack.errors import PermissionDenied, ValidationError
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.exports import datasets
from claimtrack.services.exports import filters as export_filters
from claimtrack.services.exports.streams import json_object_with_array, open_export
from claimtrack.services.review.queue import QueueFilters

from .conftest import assert_valid_claimreview

EDITOR = Actor(None, "eddie", "editor")


def body(session, config, dataset, fmt, args=None, actor=EDITOR) -> str:
    export = open_export(session, actor, dataset, fmt, export_filters.parse(args or {}, actor), config)
    return b"".join(export.chunks).decode("utf-8")


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_claims_csv_has_every_claim_and_the_fixed_columns(newsroom, session, config):
    rows = csv_rows(body(session, config, "claims", "csv"))
    assert [int(r["id"]) for r in rows] == sorted(newsroom.ids.values())
    assert list(rows[0]) == list(datasets.CLAIM_COLUMNS)
    a1 = next(r for r in rows if int(r["id"]) == newsroom.ids["a1"])
    assert (a1["claimant"], a1["speaker_title"], a1["outlet"], a1["status"]) == (
        "Jane Mayor",
        "Mayor",
        "Daily A",
        "published",
    )


def test_jsonl_carries_the_same_rows_as_csv(newsroom, session, config):
    lines = body(session, config, "claims", "jsonl").splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["id"] for d in docs] == sorted(newsroom.ids.values())
    assert docs[0]["created_at"] == "2026-01-06T00:00:00+00:00"


@pytest.mark.parametrize(
    ("args", "keys"),
    [
        ({"status": "published"}, {"a1", "a2", "a4"}),
        ({"outlet": "2"}, {"b1"}),
        ({"q": "teachers"}, {"a2"}),
        ({"conflict": "1"}, {"a1", "b1"}),
        ({"from": "2026-01-04"}, {"a1", "a2", "a3", "a4", "a5", "a6"}),
        ({"to": "2026-01-04"}, {"b1"}),
    ],
)
def test_the_queue_filters_select_the_same_claims(newsroom, session, config, args, keys):
    ids = {int(r["id"]) for r in csv_rows(body(session, config, "claims", "csv", args))}
    assert ids == {newsroom.ids[k] for k in keys}


def test_verdicts_are_every_version_with_reviewer_and_comments(newsroom, session, config):
    rows = csv_rows(body(session, config, "verdicts", "csv"))
    states = sorted(r["state"] for r in rows)
    assert states == sorted(["superseded", "published", "published", "published", "draft", "returned", "submitted"])
    returned = next(r for r in rows if r["state"] == "returned")
    assert returned["return_comment"].startswith("RETURN COMMENT")
    only_a1 = csv_rows(body(session, config, "verdicts", "csv", {"q": "Unemployment", "outlet": "1"}))
    assert [r["state"] for r in only_a1] == ["superseded", "published"]


def test_links_touching_a_filtered_claim(newsroom, session, config):
    rows = csv_rows(body(session, config, "links", "csv"))
    assert len(rows) == 1 and rows[0]["relation"] == "same" and rows[0]["numeric"] == "conflict"
    assert rows[0]["reasons"] == "4 percent vs 5 percent"
    assert csv_rows(body(session, config, "links", "csv", {"outlet": "2"})) == rows
    assert csv_rows(body(session, config, "links", "csv", {"q": "teachers"})) == []


def test_factchecks_in_every_format(newsroom, session, config):
    ids = newsroom.ids
    rows = csv_rows(body(session, config, "factchecks", "csv"))
    assert [int(r["claim_id"]) for r in rows] == sorted([ids["a1"], ids["a2"], ids["a4"]])
    assert rows[0]["rating_label"] == "Mostly false" and rows[0]["url"].endswith(f"/fact-checks/{ids['a1']}")
    reviews = json.loads(body(session, config, "factchecks", "claimreview"))
    assert len(reviews) == 3
    for doc in reviews:
        assert_valid_claimreview(doc)
    pages = json.loads(body(session, config, "factchecks", "factcheck-api"))
    assert [p["claimReviewMarkups"][0]["rating"]["textualRating"] for p in pages] == [
        "Mostly false",
        "True",
        "Half true",
    ]
    feed = json.loads(body(session, config, "factchecks", "datafeed"))
    assert feed["@type"] == "DataFeed" and len(feed["dataFeedElement"]) == 3
    assert (
        json.loads(body(session, config, "factchecks", "claimreview", {"q": "teachers"}))[0]["claimReviewed"]
        == "The city hired 300 new teachers."
    )
    assert json.loads(body(session, config, "factchecks", "claimreview", {"status": "unreviewed"})) == []


def test_an_empty_export_is_still_well_formed(session, config):
    assert body(session, config, "claims", "csv") == "\r\n".join([",".join(datasets.CLAIM_COLUMNS), ""])
    assert body(session, config, "claims", "jsonl") == ""
    assert json.loads(body(session, config, "factchecks", "claimreview")) == []
    assert json.loads(body(session, config, "factchecks", "datafeed"))["dataFeedElement"] == []


def test_streamed_object_is_valid_json_for_any_count():
    for items in ([], [1], [{"a": "</script>"}, 2]):
        text = "".join(json_object_with_array({"k": "v"}, "list", items))
        assert json.loads(text) == {"k": "v", "list": items}


def test_batches_walk_the_whole_table(newsroom, session):
    """A batch of one row still reads every claim once, in id order."""
    rows = list(datasets.claim_rows(session, QueueFilters(), batch=1))
    assert [r[0] for r in rows] == sorted(newsroom.ids.values())
    assert len(list(datasets.published(session, QueueFilters(), batch=1))) == 3


def test_reviewers_and_viewers_cannot_export(newsroom, session, config):
    for role in ("viewer", "reviewer"):
        with pytest.raises(PermissionDenied):
            open_export(session, Actor(None, role, role), "claims", "csv", QueueFilters(), config)


@pytest.mark.parametrize(
    ("dataset", "fmt", "field"),
    [("nothing", "csv", "dataset"), ("claims", "claimreview", "format"), ("links", "xml", "format")],
)
def test_unknown_dataset_or_format_is_named(session, config, dataset, fmt, field):
    with pytest.raises(ValidationError) as caught:
        open_export(session, EDITOR, dataset, fmt, QueueFilters(), config)
    assert field in caught.value.fields


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"status": "lost"}, "status"),
        ({"from": "yesterday"}, "from"),
        ({"outlet": "x"}, "outlet"),
        ({"from": "2026-02-01", "to": "2026-01-01"}, "from"),
        ({"conflict": "maybe"}, "conflict"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_filters_are_named(args, field):
    with pytest.raises(ValidationError) as caught:
        export_filters.parse(args, EDITOR)
    assert field in caught.value.fields


def test_formula_cells_are_neutralised(newsroom, session, config, engine):
    from claimtrack.db import session_scope
    from claimtrack.models import Claim

    with session_scope(engine) as s:
        s.get(Claim, newsroom.ids["b1"]).text = '=HYPERLINK("http://evil.example")'
    rows = csv_rows(body(session, config, "claims", "csv", {"outlet": "2"}))
    assert rows[0]["text"].startswith("'=")


def test_a_merged_claim_is_exported_as_merged_with_the_claim_it_joined(newsroom, engine, session, config):
    from sqlmodel import select

    from claimtrack.models import Claim
    from claimtrack.services.review import claims

    from ...helpers import import_text, make_user

    text = "Ferry fares\n\nFerry fares rose 12 percent in May.\n\nThe ferry carried 40,000 riders in May."
    stored = import_text(engine, text, where="ferry.txt", suffix=".txt")
    rita = Actor(make_user(engine, "rosa", "reviewer"), "rosa", "reviewer")
    keep, gone = session.exec(select(Claim).where(Claim.article_id == stored.article_id).order_by(Claim.id)).all()
    claims.merge(session, rita, keep.id, gone.id, version=keep.version, other_version=gone.version)
    session.commit()
    row = next(r for r in csv_rows(body(session, config, "claims", "csv")) if int(r["id"]) == gone.id)
    assert (row["status"], row["merged_into_id"], row["dismissed_reason"]) == ("merged", str(keep.id), "")
