"""Importing one article from the web form."""

import json

import pytest

from claimtrack.errors import PermissionDenied, ValidationError
from claimtrack.services.articles.upload import ArticleForm, import_from_form

from ...conftest import EXAMPLE

LIMIT = 2_000_000


def test_pasted_text_with_its_headline(session, people):
    outcome = import_from_form(
        session, people.reviewer, ArticleForm(body=EXAMPLE.read_text(encoding="utf-8")), max_body_chars=LIMIT
    )
    assert outcome.title.startswith("Troops Withdrawal") and outcome.claims > 5 and not outcome.duplicate
    again = import_from_form(
        session, people.reviewer, ArticleForm(body=EXAMPLE.read_text(encoding="utf-8")), max_body_chars=LIMIT
    )
    assert again.duplicate and again.article_id == outcome.article_id


def test_pasted_body_with_a_separate_title(session, people):
    outcome = import_from_form(
        session,
        people.reviewer,
        ArticleForm(
            title="Council votes",
            body="The mayor said the harbour plan would create 1,200 jobs.",
            outlet="Harbour Times",
            published="2024-03-01",
            url="https://example.org/harbour",
        ),
        max_body_chars=LIMIT,
    )
    assert outcome.title == "Council votes" and outcome.claims >= 1


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "story.json",
            json.dumps({"title": "JSON story", "body": "The minister said 40 percent of roads were repaired."}),
        ),
        (
            "story.html",
            "<html><head><title>HTML story</title></head><body><article><h1>HTML story</h1>"
            "<p>The minister said 40 percent of roads were repaired last year, and more would follow.</p>"
            "</article></body></html>",
        ),
    ],
)
def test_uploads(session, people, name, data):
    outcome = import_from_form(
        session, people.reviewer, ArticleForm(filename=name, data=data.encode()), max_body_chars=LIMIT
    )
    assert outcome.title.endswith("story")


@pytest.mark.parametrize(
    "form, field",
    [
        (ArticleForm(), "body"),
        (ArticleForm(body="x", filename="a.txt", data=b"y"), "file"),
        (ArticleForm(filename="a.pdf", data=b"%PDF"), "file"),
        (ArticleForm(filename="a.json", data=b"{not json"), "file"),
        (ArticleForm(filename="a.json", data=b'[{"title": "a", "body": "b"}, {"title": "c", "body": "d"}]'), "file"),
        (ArticleForm(filename="a.txt", data=b"\xff\xfe\x00bad"), "file"),
        (ArticleForm(body="Headline\n\nBody text here.", url="javascript:alert(1)"), "url"),
        (ArticleForm(title="T", body="Body text.", published="yesterday"), "published"),
    ],
)
def test_problems_name_their_field(session, people, form, field):
    with pytest.raises(ValidationError) as info:
        import_from_form(session, people.reviewer, form, max_body_chars=LIMIT)
    assert field in info.value.fields


def test_the_body_limit_applies(session, people):
    with pytest.raises(ValidationError, match="over the limit"):
        import_from_form(session, people.reviewer, ArticleForm(title="T", body="word " * 100), max_body_chars=50)


def test_viewers_cannot_import(session, people):
    with pytest.raises(PermissionDenied):
        import_from_form(session, people.viewer, ArticleForm(title="T", body="Body."), max_body_chars=LIMIT)
