"""Request bodies and query strings the API accepts, as pydantic models.

They do two jobs: they check input before any service sees it (wrong JSON types, ids
out of range, strings the database would refuse), and they are the source of the
OpenAPI schemas, so the description cannot drift from what is enforced.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

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


# The characters Python's str.strip() removes, spelled out: the services test for
# "empty" with strip(), and the `\s` of JSON Schema (ECMA-262) and of pydantic's regex
# engine are each a slightly different set.
_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def with_content(max_length: int) -> object:
    """Text that is not empty once white space is stripped (and holds no NUL)."""
    return Annotated[
        str, Field(max_length=max_length, pattern=rf"^[^\x00]*[^\x00{_SPACE}][^\x00]*$"), AfterValidator(_storable)
    ]


def web_address(max_length: int) -> object:
    """An http(s) address with a host name, and no white space anywhere."""
    pattern = (
        rf"^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{{1,5}})?([/?#][^\x00{_SPACE}]*)?$"
    )
    return Annotated[str, Field(max_length=max_length, pattern=pattern), AfterValidator(_storable)]


def _integral(value: Any) -> Any:
    """JSON does not tell 3 from 3.0, and JSON Schema counts 3.0 as an integer: so does
    the API. 3.5, "3" and true stay refused (the models are strict)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_RFC3339_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_RFC3339_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII)


def _iso_date_or_time(value: str) -> str:
    """An RFC 3339 date (2026-01-31) or date and time (2026-01-31T09:30:00Z), as the
    description's `format` says; returned in the form the importer reads."""
    if _RFC3339_DATE.fullmatch(value):
        date.fromisoformat(value)  # ValueError (a 422) for 2026-02-30
        return value
    found = _RFC3339_TIME.fullmatch(value)
    if not found:
        raise ValueError("must be an ISO 8601 date (2026-01-31) or date and time (2026-01-31T09:30:00Z)")
    day, hour, minute, second, fraction, zone = found.groups()
    second = min(int(second), 59)  # RFC 3339 allows a leap second; Python has none
    zone = "+00:00" if zone in ("Z", "z") else zone
    text = f"{day}T{hour}:{minute}:{second:02d}{(fraction or '')[:7]}{zone}"
    datetime.fromisoformat(text)  # ValueError for hour 25, zone +24:00, ...
    return text


IsoDateOrTime = Annotated[
    str,
    AfterValidator(_iso_date_or_time),
    WithJsonSchema(
        {
            "type": "string",
            "anyOf": [{"format": "date"}, {"format": "date-time"}],
            "description": "ISO 8601 (RFC 3339) date, or date and time with a zone.",
        }
    ),
]
Id = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_integral)]
Offset = Annotated[int, Field(ge=0, le=MAX_ID), BeforeValidator(_integral)]
Version = Annotated[int, Field(ge=0, le=MAX_ID), BeforeValidator(_integral)]


class Body(BaseModel):
    # Strict: "5" is not a number and true is not 1; unknown fields are mistakes.
    model_config = ConfigDict(extra="forbid", strict=True)


class ArticleIn(Body):
    title: with_content(1000)
    body: with_content(4_000_000)
    url: web_address(2000) | None = None
    outlet: bounded(200) | None = None
    byline: bounded(500) | None = None
    published: IsoDateOrTime | None = None


class ClaimPatch(Body):
    """Only the fields given change; `version` is the claim version the caller last saw."""

    model_config = ConfigDict(
        extra="forbid", strict=True, json_schema_extra={"dependentRequired": {"start": ["end"], "end": ["start"]}}
    )

    version: Version
    text: bounded(5000) | None = None
    # Not nullable: the span moves when both are given, and only then.
    start: Offset = Field(default=None, description="Span start in the article body; give with `end`.")
    end: Offset = Field(default=None, description="Span end in the article body; give with `start`.")
    claimant: bounded(300) | None = Field(default=None, description="Speaker name; empty for the outlet's own voice.")
    claimant_title: bounded(300) | None = None
    assignee: Id | None = Field(default=None, description="User id; null unassigns.")
    status: Literal[CLAIM_STATUSES] | None = None  # type: ignore[valid-type]
    dismissed_reason: bounded(1000) | None = Field(default=None, description="Required when status is dismissed.")


class SourceIn(Body):
    url: web_address(2000)
    title: bounded(1000) = ""
    publisher: bounded(300) = ""
    stance: Literal[STANCES] = "context"  # type: ignore[valid-type]
    excerpt: bounded(5000) = ""


class VerdictIn(Body):
    rating: bounded(64) = Field(default="", description="A key from GET /rating-scale.")
    summary: bounded(2000) = ""
    rationale: bounded(50_000) = ""
    version: Version | None = Field(description="Version of the open verdict the caller saw; null if none.")
    verdict_id: Id | None = Field(
        default=None, description="The open verdict the caller saw; defaults to the current one."
    )
    submit: bool = Field(default=False, description="Submit for approval after saving.")


class ReuseIn(Body):
    link_id: Id = Field(description="A confirmed same-claim link to a claim with a published verdict.")
    version: Version | None = Field(
        default=None, description="Version of the open verdict the caller saw; null if none."
    )
    verdict_id: Id | None = Field(
        default=None, description="The open verdict the caller saw; defaults to the current one."
    )


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
        default="named",
        description="Which claimants: `named` (people and organisations, the default), "
        '`all`, or one kind. Descriptions (`group`: "officials", "a spokesman") and documents belong '
        "to one article each.",
    )


class MatchQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    q: with_content(2000)
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
    day: (
        Annotated[
            str,
            WithJsonSchema(
                {
                    "type": "string",
                    "anyOf": [{"format": "date"}, {"maxLength": 0}],
                    "description": "YYYY-MM-DD (UTC); today when absent or empty.",
                }
            ),
        ]
        | None
    ) = None
    top: Annotated[int, Field(ge=1, le=200)] = 15
