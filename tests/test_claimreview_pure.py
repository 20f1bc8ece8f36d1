"""The ClaimReview builder, checked by expanding its output as JSON-LD with pyld
against a schema.org context shipped in tests/data (no network)."""

from datetime import UTC, date, datetime

import pytest

from claimtrack.claimreview import (
    Appearance,
    Claimant,
    Organisation,
    Rating,
    Review,
    claim_review,
    factcheck_api_page,
)

from .jsonld import SCHEMA, expand, one

S = SCHEMA


def review(**changes) -> Review:
    base = dict(
        url="https://factcheck.example.org/fact-checks/7",
        claim_reviewed="The removal of the 6,000 or so American troops in Iraq",
        rating=Rating("Mostly false", value=2, worst=1, best=5, explanation="The Pentagon put it at 5,200."),
        author=Organisation("Example Fact Check", "https://factcheck.example.org"),
        date_published=datetime(2020, 1, 14, 15, 30, tzinfo=UTC),
        claimant=Claimant("Adel Abdul-Mahdi", "person", "Prime Minister"),
        appearance=Appearance(
            "https://news.example/iraq",
            "Iraq asks U.S. to plan exit",
            "NBC News",
            datetime(2020, 1, 10, 12, tzinfo=UTC),
        ),
        first_appearance=Appearance(
            "https://wire.example/iraq", "Iraq PM asks Pompeo", "Meridian Wire", date(2020, 1, 9)
        ),
    )
    base.update(changes)
    return Review(**base)


def test_expanded_document_has_types_and_required_properties():
    node = expand(claim_review(review()))
    assert node["@type"] == [S + "ClaimReview"]
    assert one(node, "url") == "https://factcheck.example.org/fact-checks/7"
    assert one(node, "claimReviewed") == "The removal of the 6,000 or so American troops in Iraq"
    assert one(node, "datePublished") == "2020-01-14"
    rating = one(node, "reviewRating")
    assert rating["@type"] == [S + "Rating"]
    assert one(rating, "alternateName") == "Mostly false"
    assert (one(rating, "ratingValue"), one(rating, "worstRating"), one(rating, "bestRating")) == (2, 1, 5)
    assert one(rating, "ratingExplanation") == "The Pentagon put it at 5,200."
    author = one(node, "author")
    assert author["@type"] == [S + "Organization"]
    assert (one(author, "name"), one(author, "url")) == ("Example Fact Check", "https://factcheck.example.org")


def test_item_reviewed_is_a_claim_with_author_date_and_appearances():
    claim = one(expand(claim_review(review())), "itemReviewed")
    assert claim["@type"] == [S + "Claim"]
    person = one(claim, "author")
    assert person["@type"] == [S + "Person"]
    assert (one(person, "name"), one(person, "jobTitle")) == ("Adel Abdul-Mahdi", "Prime Minister")
    assert one(claim, "datePublished") == "2020-01-10"
    appearance = one(claim, "appearance")
    assert appearance["@type"] == [S + "CreativeWork"]
    assert one(appearance, "url") == "https://news.example/iraq"
    assert one(appearance, "headline") == "Iraq asks U.S. to plan exit"
    assert one(one(appearance, "publisher"), "name") == "NBC News"
    assert one(one(claim, "firstAppearance"), "url") == "https://wire.example/iraq"


def test_organisation_claimant_and_off_scale_rating():
    doc = claim_review(
        review(
            claimant=Claimant("Pentagon", "organization", "ignored"),
            rating=Rating("Unverifiable"),
            first_appearance=None,
        )
    )
    node = expand(doc)
    author = one(one(node, "itemReviewed"), "author")
    assert author["@type"] == [S + "Organization"] and S + "jobTitle" not in author
    rating = one(node, "reviewRating")
    assert one(rating, "alternateName") == "Unverifiable"
    assert S + "ratingValue" not in rating and S + "bestRating" not in rating
    assert "firstAppearance" not in doc["itemReviewed"]


def test_claimreviewed_is_never_the_verdict():
    doc = claim_review(review())
    assert doc["claimReviewed"] != doc["reviewRating"]["alternateName"]


def test_factcheck_api_payload_shape():
    page = factcheck_api_page(review(), version_id="3")
    assert page["pageUrl"] == "https://factcheck.example.org/fact-checks/7"
    assert page["publishDate"] == "2020-01-14"
    assert page["claimReviewAuthor"] == {"name": "Example Fact Check"}
    (markup,) = page["claimReviewMarkups"]
    assert markup["claimAuthor"] == {"name": "Adel Abdul-Mahdi", "jobTitle": "Prime Minister"}
    assert markup["claimFirstAppearance"] == "https://wire.example/iraq"
    assert markup["claimAppearances"] == ["https://news.example/iraq"]
    assert markup["rating"] == {
        "textualRating": "Mostly false",
        "ratingValue": 2,
        "worstRating": 1,
        "bestRating": 5,
        "ratingExplanation": "The Pentagon put it at 5,200.",
    }


@pytest.mark.parametrize("kind, name", [("group", "a campaign spokesman"), ("document", "the leaked letter")])
def test_descriptions_and_documents_are_no_author(kind, name):
    doc = claim_review(review(claimant=Claimant(name, kind, "spokesman")))
    node = expand(doc)
    claim = one(node, "itemReviewed")
    assert claim["@type"] == [S + "Claim"]
    assert S + "author" not in claim and "author" not in doc["itemReviewed"]
    assert one(claim, "datePublished") == "2020-01-10"
    markup = factcheck_api_page(review(claimant=Claimant(name, kind)))["claimReviewMarkups"][0]
    assert "claimAuthor" not in markup


@pytest.mark.parametrize("kind, schema_type", [("person", "Person"), ("organization", "Organization")])
def test_people_and_organisations_are_typed_authors(kind, schema_type):
    doc = claim_review(review(claimant=Claimant("Dana Webb", kind, "Senator")))
    author = one(one(expand(doc), "itemReviewed"), "author")
    assert author["@type"] == [S + schema_type]
    assert one(author, "name") == "Dana Webb"
    assert (S + "jobTitle" in author) == (kind == "person")
    markup = factcheck_api_page(review(claimant=Claimant("Dana Webb", kind)))["claimReviewMarkups"][0]
    assert markup["claimAuthor"]["name"] == "Dana Webb"
