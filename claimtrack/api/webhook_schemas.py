"""Request and response shapes of the webhook API, and the event payloads the OpenAPI
description documents under `webhooks`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import WEBHOOK_EVENTS
from .responses import Out, Stamp
from .schemas import Body, bounded

EventName = Literal[WEBHOOK_EVENTS]  # type: ignore[valid-type]


class WebhookIn(Body):
    url: bounded(2000) = Field(
        description="The receiver's address, http or https; internal addresses are refused "
        "unless allow-listed (FETCH_ALLOW_NETWORKS)."
    )
    events: Annotated[list[EventName], Field(min_length=1, max_length=len(WEBHOOK_EVENTS))]
    description: bounded(500) = ""
    active: bool = True


class WebhookPatch(Body):
    """Only the fields given change; `active: false` deactivates."""

    url: bounded(2000) | None = None
    events: Annotated[list[EventName], Field(min_length=1, max_length=len(WEBHOOK_EVENTS))] | None = None
    description: bounded(500) | None = None
    active: bool | None = None


class DeliveryQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    limit: Annotated[int, Field(ge=1, le=500)] = 50


class Webhook(Out):
    id: int
    url: str
    events: list[str]
    description: str
    active: bool
    failing: bool
    failing_since: Stamp | None
    disabled_reason: str | None
    rotation_ends: Stamp | None
    created_at: Stamp


class WebhookWithSecret(Webhook):
    secret: str = Field(description="`whsec_` + base64; shown only in this answer.")


class WebhookList(Out):
    items: list[Webhook]


class Attempt(Out):
    number: int
    ok: bool
    status_code: int | None
    latency_ms: int
    response_excerpt: str
    error: str | None
    attempted_at: Stamp


class Delivery(Out):
    id: int
    subscription_id: int
    webhook_id: str
    event: str
    state: Literal["pending", "sending", "delivered", "failed"]
    attempts: int
    last_status: int | None
    last_error: str | None
    next_attempt_at: Stamp | None
    created_at: Stamp
    delivered_at: Stamp | None
    log: list[Attempt]


class DeliveryList(Out):
    items: list[Delivery]


# -- what receivers get -------------------------------------------------------------------


class FactCheckLinks(Out):
    claim: str
    claimreview: str
    fact_check: str


class FactCheckData(Out):
    claim_id: int
    verdict_id: int
    rating: str | None = None
    corrects_verdict_id: int | None = Field(None, description="factcheck.corrected: the verdict it replaces.")
    links: FactCheckLinks


class SubmittedData(Out):
    claim_id: int
    verdict_id: int
    links: dict[str, str]


class ArticleData(Out):
    article_id: int
    claims: int
    links: dict[str, str]


class CoverageData(Out):
    alert_id: int
    claim_id: int = Field(description="The new claim.")
    checked_claim_id: int = Field(description="The claim with the published verdict.")
    verdict_id: int
    links: dict[str, str]


EVENT_DATA: dict[str, type[BaseModel]] = {
    "factcheck.published": FactCheckData,
    "factcheck.corrected": FactCheckData,
    "factcheck.retracted": FactCheckData,
    "coverage.repeat": CoverageData,
    "coverage.conflict": CoverageData,
    "article.imported": ArticleData,
    "verdict.submitted": SubmittedData,
}


def event_payload_schema(event: str, data_ref: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "version", "timestamp", "data"],
        "properties": {
            "type": {"const": event},
            "version": {"const": 1},
            "timestamp": {"type": "string", "format": "date-time"},
            "data": data_ref,
        },
    }
