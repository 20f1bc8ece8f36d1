"""schema.org ClaimReview documents, built from plain data (no database, no Flask).

The fields and their needs follow schema.org's ClaimReview, Claim and Rating types (see
README, "Publishing"): claimReviewed, reviewRating and url are required; author,
datePublished and itemReviewed are recommended, and itemReviewed carries the claim's
author, date and appearances.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeGuard

SCHEMA_CONTEXT = "https://schema.org"
_HTML_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def embeddable_json(doc: Any, *, indent: int | None = None) -> str:
    """JSON that stays inert inside an HTML <script type="application/ld+json"> block,
    where exported ClaimReview ends up: `<`, `>` and `&` are written as \\u escapes, the
    same data once parsed, so no text (such as `</script>` or `<!--`) can end the element."""
    return json.dumps(doc, ensure_ascii=False, indent=indent).translate(_HTML_UNSAFE)


# How a claimant kind is typed as the claim's author. A description ("a campaign
# spokesman", "officials") names nobody and a document is not an author, so neither
# gets one: schema.org's Claim.author is the Person or Organization who made it.
AUTHOR_TYPES = {"person": "Person", "organization": "Organization"}


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    url: str | None = None
    logo: str | None = None


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str
    kind: str = "person"
    job_title: str | None = None
    same_as: str | None = None


@dataclass(frozen=True, slots=True)
class Appearance:
    url: str | None
    headline: str | None = None
    publisher: str | None = None
    published: datetime | date | None = None


@dataclass(frozen=True, slots=True)
class Rating:
    alternate_name: str
    value: float | None = None
    worst: float | None = None
    best: float | None = None
    explanation: str | None = None


@dataclass(frozen=True, slots=True)
class Review:
    url: str
    claim_reviewed: str
    rating: Rating
    author: Organisation
    date_published: datetime | date
    claimant: Claimant | None = None
    claim_date: datetime | date | None = None
    appearance: Appearance | None = None
    first_appearance: Appearance | None = None
    headline: str | None = None
    date_modified: datetime | date | None = None
    # sdLicense: the licence of the structured data itself (a URL).
    license: str | None = None
    # The fact-checker who wrote the review (the byline); the author stays the organisation.
    contributor: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def claim_review(review: Review) -> dict[str, Any]:
    """The JSON-LD object for one review."""
    doc: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "url": review.url,
        "claimReviewed": review.claim_reviewed,
        "datePublished": _day(review.date_published),
        "author": _organisation(review.author),
        "reviewRating": _rating(review.rating),
        "itemReviewed": _claim(review),
    }
    if review.headline:
        doc["headline"] = review.headline
    if review.date_modified:
        doc["dateModified"] = _day(review.date_modified)
    if review.contributor:
        doc["contributor"] = {"@type": "Person", "name": review.contributor}
    if review.license:
        doc["sdLicense"] = review.license
    doc.update(review.extra)
    return doc


def factcheck_api_markup(review: Review) -> dict[str, Any]:
    """One `claimReviewMarkups` entry in the shape of Google's Fact Check Tools write API."""
    markup: dict[str, Any] = {
        "url": review.url,
        "claimReviewed": review.claim_reviewed,
        "rating": _drop_none(
            {
                "textualRating": review.rating.alternate_name,
                "ratingValue": _number(review.rating.value),
                "worstRating": _number(review.rating.worst) if review.rating.value is not None else None,
                "bestRating": _number(review.rating.best) if review.rating.value is not None else None,
                "ratingExplanation": review.rating.explanation,
            }
        ),
    }
    if review.claim_date:
        markup["claimDate"] = _day(review.claim_date)
    if has_author(review.claimant):
        markup["claimAuthor"] = _drop_none(
            {"name": review.claimant.name, "jobTitle": review.claimant.job_title, "sameAs": review.claimant.same_as}
        )
    if review.first_appearance and review.first_appearance.url:
        markup["claimFirstAppearance"] = review.first_appearance.url
    if review.appearance and review.appearance.url:
        markup["claimAppearances"] = [review.appearance.url]
    return markup


def factcheck_api_page(review: Review, *, version_id: str | None = None) -> dict[str, Any]:
    """A whole page payload (one review a page) for the Fact Check Tools write API."""
    return _drop_none(
        {
            "pageUrl": review.url,
            "publishDate": _day(review.date_published),
            "claimReviewAuthor": {"name": review.author.name},
            "versionId": version_id,
            "claimReviewMarkups": [factcheck_api_markup(review)],
        }
    )


def _claim(review: Review) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    author = _claimant(review.claimant) if review.claimant else None
    if author:
        claim["author"] = author
    claim_date = review.claim_date or (review.appearance.published if review.appearance else None)
    if claim_date:
        claim["datePublished"] = _day(claim_date)
    if review.appearance:
        claim["appearance"] = _creative_work(review.appearance)
    if review.first_appearance:
        claim["firstAppearance"] = _creative_work(review.first_appearance)
    return claim


def has_author(claimant: Claimant | None) -> TypeGuard[Claimant]:
    """Whether the claimant is published as the claim's author."""
    return claimant is not None and claimant.kind in AUTHOR_TYPES


def _claimant(claimant: Claimant) -> dict[str, Any] | None:
    kind = AUTHOR_TYPES.get(claimant.kind)
    if kind is None:
        return None
    doc = {"@type": kind, "name": claimant.name}
    if claimant.job_title and kind == "Person":
        doc["jobTitle"] = claimant.job_title
    if claimant.same_as:
        doc["sameAs"] = claimant.same_as
    return doc


def _creative_work(appearance: Appearance) -> dict[str, Any]:
    doc: dict[str, Any] = {"@type": "CreativeWork"}
    if appearance.url:
        doc["url"] = appearance.url
    if appearance.headline:
        doc["headline"] = appearance.headline
    if appearance.publisher:
        doc["publisher"] = {"@type": "Organization", "name": appearance.publisher}
    if appearance.published:
        doc["datePublished"] = _day(appearance.published)
    return doc


def _rating(rating: Rating) -> dict[str, Any]:
    doc: dict[str, Any] = {"@type": "Rating", "alternateName": rating.alternate_name}
    if rating.value is not None:
        # ratingValue only means something with the scale's ends beside it.
        doc["ratingValue"] = _number(rating.value)
        doc["worstRating"] = _number(rating.worst)
        doc["bestRating"] = _number(rating.best)
    if rating.explanation:
        doc["ratingExplanation"] = rating.explanation
    return doc


def _organisation(org: Organisation) -> dict[str, Any]:
    return _drop_none({"@type": "Organization", "name": org.name, "url": org.url, "logo": org.logo})


def _day(value: datetime | date) -> str:
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _drop_none(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if v is not None}
