"""The OpenAPI 3.1 description, built from the same pydantic models that check requests
(`schemas.py`) and describe responses (`responses.py`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .. import __version__
from . import exports
from . import responses as out
from . import schemas as inp
from . import webhook_schemas as wh
from .blueprint import PREFIX

REF = "#/components/schemas/{model}"
_ROWS_CONTENT = {"text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}}}
EXPORT_CONTENT = {
    False: _ROWS_CONTENT,
    True: {
        **_ROWS_CONTENT,
        "application/ld+json": {"schema": {}},
        "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
    },
}
ERROR_TEXT = {
    400: "Malformed JSON",
    401: "Missing, wrong or revoked token",
    403: "Role not allowed",
    404: "Not found",
    409: "Stale version or illegal transition",
    413: "Body too large",
    422: "Invalid input",
    429: "Rate limit exceeded (see Retry-After)",
}
_ID = {"type": "integer", "minimum": 1, "maximum": inp.MAX_ID}


def _ref(model: type[BaseModel]) -> dict:
    return {"$ref": REF.format(model=model.__name__)}


def _json(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


def _query_params(model: type[BaseModel]) -> list[dict]:
    schema = model.model_json_schema(ref_template=REF)
    required = set(schema.get("required", ()))
    return [
        {"name": name, "in": "query", "required": name in required, "schema": prop}
        for name, prop in schema["properties"].items()
    ]


def _path_params(path: str) -> list[dict]:
    return [
        {"name": part[1:-1], "in": "path", "required": True, "schema": _ID}
        for part in path.split("/")
        if part.startswith("{")
    ]


def _op(
    summary: str,
    role: str,
    path: str,
    ok: dict[int, Any],
    *,
    query: type[BaseModel] | None = None,
    body: type[BaseModel] | None = None,
    body_optional: bool = False,
    errors: tuple[int, ...] = (),
    rule: str | None = None,
) -> dict:
    """One operation. `rule` names the check beyond the schema that can still refuse a
    schema-valid request with 422 (it depends on stored data, so no schema can say it)."""
    params = _path_params(path) + (_query_params(query) if query else [])
    codes = {401, 403, 429, *errors}
    if "{" in path:
        codes.add(404)
    if query or body:
        codes.add(422)
    if body:
        codes |= {400, 413}
    op: dict[str, Any] = {
        "summary": summary,
        "description": f"Least role: {role}.",
        "operationId": summary.lower().replace(" ", "_").replace("'", ""),
        "responses": {},
    }
    if params:
        op["parameters"] = params
    if body:
        op["requestBody"] = {"required": not body_optional, **_json(_ref(body))}
    for status, model in ok.items():
        op["responses"][str(status)] = {"description": "OK" if status < 300 else "Created"} | (
            _json(_ref(model)) if model is not None else {}
        )
    for status in sorted(codes):
        text = ERROR_TEXT[status] + (f", or {rule}" if status == 422 and rule else "")
        op["responses"][str(status)] = {"description": text, **_json(_ref(out.Error))}
    return op


def _paths() -> dict[str, dict]:
    claim = "/claims/{claim_id}"
    paths: dict[str, dict] = {
        "/articles": {
            "get": _op("List articles", "viewer", "/articles", {200: out.ArticlePage}, query=inp.ArticleQuery),
            "post": _op(
                "Import an article",
                "reviewer",
                "/articles",
                {201: out.ImportedArticle, 200: out.DuplicateArticle},
                body=inp.ArticleIn,
                rule="no article text is left once the headline, byline and page junk are removed",
            ),
        },
        "/articles/{article_id}": {
            "get": _op("Get an article", "viewer", "/articles/{article_id}", {200: out.ArticleDetail})
        },
        "/claims": {"get": _op("List claims", "viewer", "/claims", {200: out.ClaimPage}, query=inp.ClaimQuery)},
        claim: {
            "get": _op("Get a claim", "viewer", claim, {200: out.ClaimDetail}),
            "patch": _op(
                "Edit a claim",
                "reviewer",
                claim,
                {200: out.ClaimDetail},
                body=inp.ClaimPatch,
                errors=(409,),
                rule="the span does not lie inside the article's text",
            ),
        },
        claim + "/sources": {
            "post": _op(
                "Link a source",
                "reviewer",
                claim + "/sources",
                {201: out.SourceLink},
                body=inp.SourceIn,
                errors=(409,),
                rule="the address is already linked to the claim",
            )
        },
        claim + "/sources/{link_id}": {
            "delete": _op(
                "Unlink a source",
                "reviewer",
                claim + "/sources/{link_id}",
                {204: None},
                errors=(409, 422),
                query=_Fingerprint,
            )
        },
        claim + "/verdicts": {
            "post": _op(
                "Save or submit a verdict",
                "reviewer",
                claim + "/verdicts",
                {200: out.VerdictResult, 201: out.VerdictResult},
                body=inp.VerdictIn,
                errors=(409,),
            )
        },
        claim + "/verdicts/reuse": {
            "post": _op(
                "Reuse the verdict of a same claim",
                "reviewer",
                claim + "/verdicts/reuse",
                {200: out.VerdictResult, 201: out.VerdictResult},
                body=inp.ReuseIn,
                errors=(409,),
            )
        },
        claim + "/publish": {
            "post": _op(
                "Publish the verdict",
                "editor",
                claim + "/publish",
                {200: out.VerdictResult},
                body=inp.PublishIn,
                body_optional=True,
                errors=(409,),
            )
        },
        "/claimants": {
            "get": _op("List claimants", "viewer", "/claimants", {200: out.ClaimantPage}, query=inp.ClaimantQuery)
        },
        "/claimants/{claimant_id}": {
            "get": _op("Get a claimant", "viewer", "/claimants/{claimant_id}", {200: out.ClaimantDetail})
        },
        "/claimreview": {
            "get": _op(
                "Get the ClaimReview feed", "viewer", "/claimreview", {200: out.ClaimReviewPage}, query=inp.Query
            )
        },
        "/rating-scale": {"get": _op("Get the rating scale", "viewer", "/rating-scale", {200: out.RatingScale})},
        "/match": {
            "get": _op(
                "Match text against claims and fact-checks",
                "viewer",
                "/match",
                {200: out.MatchList},
                query=inp.MatchQuery,
            )
        },
    }
    paths[claim + "/related"] = {"get": _op("Get related claims", "viewer", claim + "/related", {200: out.RelatedList})}
    paths["/links/{link_id}"] = {
        "post": _op(
            "Decide a link", "reviewer", "/links/{link_id}", {200: out.Link}, body=inp.LinkDecision, errors=(409,)
        )
    }
    src = "/sources/{source_id}"
    paths["/sources"] = {
        "get": _op("List sources", "viewer", "/sources", {200: out.FeedSourceList}),
        "post": _op("Watch a source", "admin", "/sources", {201: out.FeedSource}, body=inp.FeedSourceIn),
    }
    paths[src] = {
        "get": _op("Get a source", "viewer", src, {200: out.FeedSource}),
        "patch": _op("Edit a source", "admin", src, {200: out.FeedSource}, body=inp.FeedSourcePatch),
    }
    paths[src + "/poll"] = {"post": _op("Poll a source now", "admin", src + "/poll", {202: out.Job})}
    paths["/fetch"] = {
        "post": _op("Fetch an article by its address", "reviewer", "/fetch", {202: out.Job}, body=inp.FetchIn)
    }
    paths["/reindex"] = {"post": _op("Re-index the matching index", "admin", "/reindex", {202: out.Job})}
    paths["/jobs/{job_id}"] = {"get": _op("Get a job", "viewer", "/jobs/{job_id}", {200: out.Job})}
    paths["/alerts"] = {
        "get": _op("List repeats and conflicts", "viewer", "/alerts", {200: out.AlertList}, query=inp.AlertQuery)
    }
    for action, summary in (("acknowledge", "Acknowledge an alert"), ("review", "Review an alert")):
        path = "/alerts/{alert_id}/" + action
        paths[path] = {"post": _op(summary, "reviewer", path, {200: out.Alert}, errors=(409,))}
    paths["/digest"] = {
        "get": _op("Get the daily digest", "viewer", "/digest", {200: out.Digest}, query=inp.DigestQuery)
    }
    hook = "/webhooks/{sub_id}"
    paths["/webhooks"] = {
        "get": _op("List webhook subscriptions", "admin", "/webhooks", {200: wh.WebhookList}),
        "post": _op(
            "Add a webhook subscription",
            "admin",
            "/webhooks",
            {201: wh.WebhookWithSecret},
            body=wh.WebhookIn,
            rule="the address is internal (not allow-listed) or does not resolve",
        ),
    }
    paths[hook] = {
        "get": _op("Get a webhook subscription", "admin", hook, {200: wh.Webhook}),
        "patch": _op(
            "Edit a webhook subscription",
            "admin",
            hook,
            {200: wh.Webhook},
            body=wh.WebhookPatch,
            rule="the address is internal (not allow-listed) or does not resolve",
        ),
    }
    paths[hook + "/rotate"] = {
        "post": _op("Rotate a webhook secret", "admin", hook + "/rotate", {200: wh.WebhookWithSecret})
    }
    paths[hook + "/deliveries"] = {
        "get": _op(
            "List a webhook's deliveries", "admin", hook + "/deliveries", {200: wh.DeliveryList}, query=wh.DeliveryQuery
        )
    }
    redo = "/webhook-deliveries/{delivery_id}/redeliver"
    paths[redo] = {"post": _op("Redeliver a webhook delivery", "admin", redo, {202: wh.Delivery}, errors=(409,))}
    for dataset, what in (
        ("claims", "claims"),
        ("verdicts", "verdicts"),
        ("links", "links"),
        ("factchecks", "published fact-checks"),
    ):
        path = "/exports/" + dataset
        model = exports.FactcheckExportQuery if dataset == "factchecks" else exports.ExportQuery
        op = _op(f"Export {what}", "editor", path, {}, query=model)
        op["responses"]["200"] = {
            "description": "The export, streamed (no row limit)",
            "content": EXPORT_CONTENT[dataset == "factchecks"],
        }
        paths[path] = {"get": op}
    paths["/openapi.json"] = {
        "get": {
            "summary": "This description",
            "operationId": "openapi",
            "security": [],
            "responses": {"200": {"description": "OK", **_json({"type": "object"})}},
        }
    }
    return paths


class _Fingerprint(BaseModel):
    fingerprint: str | None = None


def _components() -> dict[str, Any]:
    inputs = [
        inp.ArticleIn,
        inp.ClaimPatch,
        inp.SourceIn,
        inp.VerdictIn,
        inp.ReuseIn,
        inp.PublishIn,
        inp.LinkDecision,
        inp.FeedSourceIn,
        inp.FeedSourcePatch,
        inp.FetchIn,
        wh.WebhookIn,
        wh.WebhookPatch,
    ]
    outputs = [
        out.Error,
        out.ArticlePage,
        out.ArticleDetail,
        out.ImportedArticle,
        out.DuplicateArticle,
        out.ClaimPage,
        out.ClaimDetail,
        out.SourceLink,
        out.VerdictResult,
        out.ClaimantPage,
        out.ClaimantDetail,
        out.RatingScale,
        out.MatchList,
        out.ClaimReviewPage,
        out.RelatedList,
        out.Link,
        out.FeedSource,
        out.FeedSourceList,
        out.Job,
        out.Alert,
        out.AlertList,
        out.Digest,
        wh.Webhook,
        wh.WebhookWithSecret,
        wh.WebhookList,
        wh.Delivery,
        wh.DeliveryList,
        *dict.fromkeys(wh.EVENT_DATA.values()),
    ]
    _, defs = models_json_schema(
        [(m, "validation") for m in inputs] + [(m, "serialization") for m in outputs], ref_template=REF
    )
    return defs.get("$defs", {})


WEBHOOK_HEADERS = {
    "webhook-id": "The message id (`msg_…`): the same on every retry and redelivery; drop repeats by it.",
    "webhook-timestamp": "Seconds since the epoch when this attempt was signed.",
    "webhook-signature": "`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with "
    "the secret's bytes (base64 after `whsec_`); space-separated, one per live secret "
    "while a rotation overlaps.",
}


def _webhooks() -> dict[str, Any]:
    """Standard Webhooks 1.0 deliveries: one POST per event to each subscribed URL."""
    from ..services.webhooks.events import EVENT_LABELS

    params = [
        {"name": name, "in": "header", "required": True, "description": text, "schema": {"type": "string"}}
        for name, text in WEBHOOK_HEADERS.items()
    ]
    out_hooks = {}
    for event, model in wh.EVENT_DATA.items():
        out_hooks[event] = {
            "post": {
                "summary": EVENT_LABELS[event],
                "operationId": "webhook_" + event.replace(".", "_"),
                "description": "Answer 2xx within WEBHOOKS_TIMEOUT seconds. Anything else (3xx included) is retried "
                "on the schedule WEBHOOKS_RETRY_SCHEDULE.",
                "parameters": params,
                "requestBody": {"required": True, **_json(wh.event_payload_schema(event, _ref(model)))},
                "responses": {"2XX": {"description": "Received"}},
            }
        }
    return out_hooks


def build() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "claimtrack API",
            "version": __version__,
            "description": 'Every error is `{"error": {"code", "message", "fields"?}}`. '
            "Lists page by id: follow `next` until it is null.",
        },
        "servers": [{"url": PREFIX}],
        "security": [{"bearerAuth": []}],
        "paths": _paths(),
        "webhooks": _webhooks(),
        "components": {
            "schemas": _components(),
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
    }
