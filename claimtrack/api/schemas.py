"""Request bodies and query strings the API accepts, as pydantic models.

They do two jobs: they check input before any service sees it (wrong JSON types, ids
out of range, strings the database would refuse), and they are the source of the
OpenAPI schemas, so the description cannot drift from what is enforced.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..models import CLAIM_STATUSES, CLAIMANT_KINDS, STANCES

MAX_ID = 2**31 - 1
MAX_LIMIT = 200


def _storable(value: str) -> str:
    """Text both databases can store: PostgreSQL refuses NUL, and neither can encode a
    lone surrogate (JSON allows "\\ud800")."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


def bounded(max_length: int) -> object:
    return Annotated[str, Field(max_length=max_length, pattern=r"^[^\x00]*$"), AfterValidator(_storable)]


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Offset = Annotated[int, Field(ge=0, le=MAX_ID)]
Version = Annotated[int, Field(ge=0, le=MAX_ID)]


class Body(BaseModel):
    # Strict: "5" is not a number and true is not 1; unknown fields are mistakes.
    model_config = ConfigDict(extra="forbid", strict=True)


class ArticleIn(Body):
    title: bounded(1000)
    body: bounded(4_000_000)
    url: bounded(2000) | None = None
    outlet: bounded(200) | None = None
    byline: bounded(500) | None = None
    published: bounded(64) | None = Field(default=None, description="ISO 8601 date or date and time.")


class ClaimPatch(Body):
    """Only the fields given change; `version` is the claim version the caller last saw."""

    version: Version
    text: bounded(5000) | None = None
    start: Offset | None = Field(default=None, description="Span start in the article body; give with `end`.")
    end: Offset | None = Field(default=None, description="Span end in the article body; give with `start`.")
    claimant: bounded(300) | None = Field(default=None, description="Speaker name; empty for the outlet's own voice.")
    claimant_title: bounded(300) | None = None
    assignee: Id | None = Field(default=None, description="User id; null unassigns.")
    status: Literal[CLAIM_STATUSES] | None = None  # type: ignore[valid-type]
    dismissed_reason: bounded(1000) | None = Field(default=None, description="Required when status is dismissed.")


class SourceIn(Body):
    url: bounded(2000)
    title: bounded(1000) = ""
    publisher: bounded(300) = ""
    stance: Literal[STANCES] = "context"  # type: ignore[valid-type]
    excerpt: bounded(5000) = ""


class VerdictIn(Body):
    rating: bounded(64) = Field(default="", description="A key from GET /rating-scale.")
    summary: bounded(2000) = ""
    rationale: bounded(50_000) = ""
    version: Version | None = Field(description="Version of the open verdict the caller saw; null if none.")
    verdict_id: Id | None = Field(default=None, description="The open verdict the caller saw; defaults to the current one.")
    submit: bool = Field(default=False, description="Submit for approval after saving.")


class PublishIn(Body):
    verdict_id: Id | None = None
    version: Version | None = None


class LinkDecision(Body):
    state: Literal["confirmed", "dismissed"]


class Query(BaseModel):
    # Query strings are text: "5" becomes 5 here, and unknown parameters are ignored.
    model_config = ConfigDict(extra="ignore")

    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = 50
    after: Annotated[int, Field(ge=0, le=MAX_ID, description="Cursor: the last id of the previous page.")] = 0


class ArticleQuery(Query):
    q: bounded(200) = Field(default="", description="Words in the title.")
    outlet: bounded(200) = Field(default="", description="Outlet name, exactly.")


class ClaimQuery(Query):
    status: Literal[CLAIM_STATUSES] | None = None  # type: ignore[valid-type]
    article: Id | None = None
    claimant: Id | None = None
    assignee: Id | None = None
    has_conflict: bool = False
    q: bounded(200) = Field(default="", description="Words in the claim, its speaker or the article title.")


class ClaimantQuery(Query):
    q: bounded(200) = ""
    kind: Literal["named", "all", *CLAIMANT_KINDS] = Field(  # type: ignore[valid-type]
        default="named", description="Which claimants: `named` (people and organisations, the default), "
        "`all`, or one kind. Descriptions (`group`: \"officials\", \"a spokesman\") and documents belong "
        "to one article each.")


class MatchQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    q: bounded(2000)
    limit: Annotated[int, Field(ge=1, le=100)] = 10


Interval = Annotated[int, Field(ge=1, le=7 * 24 * 60, description="Minutes between polls.")]


class FeedSourceIn(Body):
    url: bounded(2000) = Field(description="Feed (RSS, Atom, JSON Feed) or news sitemap address, http or https.")
    name: bounded(200) | None = None
    outlet: bounded(200) | None = None
    interval_minutes: Interval = 15
    enabled: bool = True


class FeedSourcePatch(Body):
    """Only the fields given change."""

    url: bounded(2000) | None = None
    name: bounded(200) | None = None
    outlet: bounded(200) | None = None
    interval_minutes: Interval | None = None
    enabled: bool | None = None


class FetchIn(Body):
    url: bounded(2000) = Field(description="Address of the article page, http or https.")


class AlertQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    state: Literal["open", "acknowledged", "reviewed", "all"] = "open"
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = 50


class DigestQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    day: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD (UTC); today when absent.")] | None = None
    top: Annotated[int, Field(ge=1, le=200)] = 15
