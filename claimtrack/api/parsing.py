"""Reading requests: the JSON body and the query string; and the `next` link of a page."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from flask import request, url_for
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from .errors import ApiError, pydantic_fields

M = TypeVar("M", bound=BaseModel)


def json_body(model: type[M], *, optional: bool = False) -> M:
    """The body parsed as JSON and checked against `model`: 400 when it is not JSON at
    all (or not UTF-8), 422 when it is JSON of the wrong shape."""
    raw = request.get_data(cache=True)
    if not raw.strip() and optional:
        return model()
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "malformed_json", "The request body is not UTF-8 text.") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ApiError(400, "malformed_json", f"The request body is not valid JSON ({exc}).") from None
    if not isinstance(data, dict):
        raise ApiError(422, "validation", "The request body must be a JSON object.", {"body": "not an object"})
    return validated(model, data, "The request body")


def query(model: type[M]) -> M:
    return validated(model, request.args.to_dict(), "The query string")


def validated(model: type[M], data: dict, where: str) -> M:
    try:
        return model.model_validate(data)
    except PydanticError as exc:
        fields = pydantic_fields(exc)
        raise ApiError(422, "validation", f"{where} has invalid fields: {', '.join(fields)}.", fields) from None


def page(items: list[dict], limit: int, last_id: int | None) -> dict:
    """A page of items; `next` is the URL of the following page, or null on the last."""
    next_url = None
    if len(items) == limit and last_id is not None:
        args = request.args.to_dict()
        args["after"] = str(last_id)
        args["limit"] = str(limit)
        next_url = url_for(request.endpoint, **(request.view_args or {}), **args)
    return {"items": items, "next": next_url}
