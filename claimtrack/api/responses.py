"""Response shapes, declared once: `render.py` builds its answers from these models and
`openapi.py` describes them from the same models (the schema test checks every response
against the description)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, PlainSerializer, WithJsonSchema

from ..models import CLAIMANT_KINDS
from ..services.archive import factchecks

# Times go out as `datetime.isoformat()` writes them ("+00:00", not pydantic's "Z"), the
# form the API has always answered with.
Stamp = Annotated[
    datetime,
    PlainSerializer(datetime.isoformat, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: str
    message: str
    fields: dict[str, str] | None = None
    missing: list[str] | None = None
    current: dict[str, Any] | None = None
    changed_by: str | None = None
    changed_at: str | None = None


class Error(Out):
    error: ErrorDetail


class ClaimantRef(Out):
    id: int
    name: str
    kind: Literal[CLAIMANT_KINDS]  # type: ignore[valid-type]


class ArticleRef(Out):
    id: int
    title: str
    url: str | None
    outlet: str | None


class ArticleSummary(Out):
    id: int
    title: str
    url: str | None
    outlet: str | None
    byline: str | None
    dateline: str | None
    published_at: Stamp | None
    imported_at: Stamp
    claims_count: int


class ClaimSummary(Out):
    id: int
    article_id: int
    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    claimant: ClaimantRef | None
    speaker_title: str | None
    checkworthiness: float
    status: str
    assignee_id: int | None
    version: int
    updated_at: Stamp


class ArticleDetail(ArticleSummary):
    dek: str | None
    body: str
    claims: list[ClaimSummary]


class ImportedArticle(ArticleDetail):
    duplicate: bool


class DuplicateArticle(Out):
    duplicate: bool
    id: int
    title: str


class Quantity(Out):
    id: int
    text: str
    value: float
    low: float
    high: float
    approx: bool
    unit: str | None
    change: str | None
    start: int | None
    end: int | None


class SourceLink(Out):
    id: int
    source_id: int
    url: str
    title: str
    publisher: str | None
    stance: str
    excerpt: str | None
    fingerprint: str
    reused_from_claim_id: int | None
    created_at: Stamp


class Verdict(Out):
    id: int
    claim_id: int
    state: str
    rating: str | None
    rating_label: str | None
    summary: str
    rationale: str
    version: int
    reviewer_id: int | None
    approver_id: int | None
    return_comment: str | None
    correction_note: str | None
    corrects_id: int | None
    created_at: Stamp
    updated_at: Stamp
    submitted_at: Stamp | None
    published_at: Stamp | None


class ClaimDetail(ClaimSummary):
    quote: str | None
    dismissed_reason: str | None
    # Set when the status is "merged": the claim this one was joined into.
    merged_into_id: int | None
    article: ArticleRef
    span_text: str
    quantities: list[Quantity]
    sources: list[SourceLink]
    current_verdict: Verdict | None
    open_verdict: Verdict | None
    verdicts: list[Verdict]


class VerdictResult(Out):
    verdict: Verdict
    claim: ClaimDetail


class ArticlePage(Out):
    items: list[ArticleSummary]
    next: str | None


class ClaimPage(Out):
    items: list[ClaimSummary]
    next: str | None


class ClaimantSummary(Out):
    id: int
    name: str
    title: str | None
    kind: Literal[CLAIMANT_KINDS]  # type: ignore[valid-type]
    aliases: list[str]
    same_as: str | None
    claims_count: int
    published_count: int


class ClaimantPage(Out):
    items: list[ClaimantSummary]
    next: str | None


class ClaimantClaim(ClaimSummary):
    article: ArticleRef
    verdict: Verdict | None


class ClaimantDetail(ClaimantSummary):
    merged_into_id: int | None
    ratings: dict[str, int]
    claims: list[ClaimantClaim]


class RatingLabel(Out):
    key: str
    label: str
    value: float | None
    alternate_name: str


class RatingScale(Out):
    name: str
    worst: float
    best: float
    labels: list[RatingLabel]


# One "has this been checked?" result, declared once where the archive search builds it.
MatchResult = factchecks.MatchResult


class MatchList(Out):
    items: list[MatchResult]


class RelatedClaim(Out):
    link_id: int | None
    claim: ClaimSummary
    article: ArticleRef
    speaker: str | None
    score: float
    relation: str
    numeric: str | None  # consistent | conflict | different (figures of different measures) | null
    state: str
    reasons: list[str]
    verdict_reusable: bool  # offered "reuse its verdict": confirmed same claim, numbers agree or absent


class PriorCheck(Out):
    id: int
    external_id: str | None
    text: str
    title: str | None
    rating: str | None
    publisher: str | None
    url: str | None
    score: float
    similarity: float
    reasons: list[str]


class RelatedList(Out):
    items: list[RelatedClaim]
    factchecks: list[PriorCheck]  # earlier fact-checks from the archive, best first
    furniture: str | None  # why the claim is never linked, when it is page furniture


class Link(Out):
    id: int
    claim_a_id: int
    claim_b_id: int
    relation: str
    numeric: str | None
    state: str
    score: float


class ClaimReviewPage(Out):
    items: list[dict[str, Any]]
    next: str | None


class PollCounts(Out):
    new: int
    changed: int
    unchanged: int
    failed: int


class FeedSource(Out):
    id: int
    name: str
    url: str
    outlet: str | None
    kind: Literal["rss", "atom", "jsonfeed", "sitemap", "sitemapindex"] | None
    interval_minutes: int
    enabled: bool
    last_polled_at: Stamp | None
    next_poll_at: Stamp | None
    last_status: Literal["ok", "not_modified", "failed"] | None
    last_error: str | None
    last_counts: PollCounts


class FeedSourceList(Out):
    items: list[FeedSource]


class JobObject(Out):
    type: Literal["source", "article"]
    id: int


class JobDescription(Out):
    text: str
    object: JobObject | None  # what it works on, when that is one source or article


class Job(Out):
    id: int
    kind: str
    key: str
    description: JobDescription
    state: Literal["queued", "running", "done", "failed"]
    done: int
    total: int | None
    percent: int | None
    message: str | None
    error: str | None
    attempts: int
    result: dict[str, Any] | None
    created_at: Stamp | None
    started_at: Stamp | None
    finished_at: Stamp | None


class AlertClaim(Out):
    id: int
    text: str
    article_id: int | None = None
    outlet: str | None = None


class AlertVerdict(Out):
    id: int
    rating: str
    summary: str


class Alert(Out):
    id: int
    kind: Literal["repeat", "conflict"]
    state: Literal["open", "acknowledged", "reviewed"]
    score: float
    created_at: Stamp
    claim: AlertClaim
    checked_claim: AlertClaim
    verdict: AlertVerdict


class AlertList(Out):
    items: list[Alert]


class DigestItem(Out):
    claim_id: int
    text: str
    checkworthiness: float
    article_id: int
    article_title: str
    outlet: str | None
    alert: Literal["repeat", "conflict"] | None
    checked_claim_id: int | None


class DigestOutlet(Out):
    outlet: str
    claims: list[DigestItem]


class Digest(Out):
    day: str
    top: int
    overall: list[DigestItem]
    outlets: list[DigestOutlet]
