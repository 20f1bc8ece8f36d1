"""One place decides between a full page and an htmx fragment."""

from __future__ import annotations

from typing import Any

from flask import Response, make_response, render_template
from jinja2_fragments.flask import render_block

from ..http.extensions import htmx


def wants_fragment() -> bool:
    """htmx swaps get the fragment; normal requests and history restores the page."""
    return bool(htmx) and not htmx.history_restore_request


def render(template: str, block: str | None = None, *, status: int = 200, **context: Any) -> Response:
    if block and wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response
