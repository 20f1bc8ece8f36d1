"""The configuration a request's services see: environment and config file, then the
instance settings an admin stored, then the address this request reached the server at
(so a fresh instance publishes under the URL people use, with nothing to configure).

Shared by the web pages and the API; read once per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import current_app, g, has_request_context, request

from ..db import get_session
from ..services.publishing import settings as instance_settings


def request_base() -> str | None:
    """The address this request reached the server at: scheme, host and mount point."""
    if not has_request_context():
        return None
    return request.host_url.rstrip("/") + request.script_root


def desk_config() -> Mapping[str, Any]:
    if "desk_config" not in g:
        g.desk_config = instance_settings.effective(get_session(), current_app.config, request_base=request_base())
    return g.desk_config


def forget() -> None:
    """After a settings change, so the same request renders with the new values."""
    g.pop("desk_config", None)
