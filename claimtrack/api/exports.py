"""Streaming exports over the API: the same data, formats and filters as the editors'
downloads in the browser, written while the response is sent."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from flask import request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from ..db import get_session
from ..http.access import allow, current_actor
from ..http.instance import desk_config
from ..http.streaming import streamed
from ..models import CLAIM_STATUSES
from ..services.exports.streams import FACTCHECK_FORMATS, ROW_FORMATS, open_export
from ..services.review.queue import QueueFilters
from .blueprint import bp
from .parsing import query
from .schemas import Id, bounded

DATASET_NAMES = ("claims", "verdicts", "links", "factchecks")


def _day(value: str) -> date:
    if len(value) != 10:
        raise ValueError("must be a date like 2026-01-31")
    return date.fromisoformat(value)  # ValueError (a 422) for 2026-02-30


# A calendar day written YYYY-MM-DD, and only that: pydantic's lax date would also take
# "0" (a Unix time), which the description's `format: date` does not allow.
Day = Annotated[str, AfterValidator(_day), WithJsonSchema({"type": "string", "format": "date"})]


class ExportQuery(BaseModel):
    """The review queue's filters; every export streams with no row limit."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    format: Literal[ROW_FORMATS] = "csv"  # type: ignore[valid-type]
    q: bounded(200) = Field(default="", description="Words in the claim, its speaker or the article title.")
    status: Literal[CLAIM_STATUSES] | None = None  # type: ignore[valid-type]
    outlet: Id | None = None
    claimant: Id | None = None
    assignee: Id | Literal["me", "none"] | None = Field(default=None, description="A user id, `me` or `none`.")
    from_: Day | None = Field(default=None, alias="from", description="Articles dated on or after this day.")
    to: Day | None = Field(default=None, description="Articles dated on or before this day.")
    has_conflict: bool = Field(default=False, description="Only claims with a numeric conflict.")

    def filters(self, user_id: int | None) -> QueueFilters:
        who = self.assignee
        return QueueFilters(
            q=self.q,
            status=self.status or "",
            outlet_id=self.outlet,
            claimant_id=self.claimant,
            date_from=self.from_,
            date_to=self.to,
            has_conflict=self.has_conflict,
            assignee_id=user_id if who == "me" else who if isinstance(who, int) else None,
            unassigned=who == "none",
        )


class FactcheckExportQuery(ExportQuery):
    format: Literal[ROW_FORMATS + FACTCHECK_FORMATS] = Field(  # type: ignore[valid-type]
        default="csv",
        description="claimreview: a JSON array of ClaimReview; factcheck-api: Fact Check Tools "
        "write-API pages; datafeed: a schema.org DataFeed.",
    )


@bp.get("/exports/<any(claims, verdicts, links, factchecks):dataset>")
@allow("editor")
def export(dataset: str):
    args = query(FactcheckExportQuery if dataset == "factchecks" else ExportQuery)
    who = current_actor()
    result = open_export(
        get_session(),
        who,
        dataset,
        args.format,
        args.filters(who.user_id),
        desk_config(),
        feed_url=request.url_root.rstrip("/") + "/feeds/claimreview.json",
    )
    response = streamed(result.chunks, result.content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
