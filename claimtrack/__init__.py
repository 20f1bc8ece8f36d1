"""claimtrack: a fact-check claim tracker."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

# Nothing heavy is imported at module level: the pure engines (extraction, matching,
# claimreview, ...) are subpackages, and importing them must not load Flask.
__version__ = "0.1.0"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the web application.

    Configuration layers, later ones winning: built-in defaults, the instance config
    file (`claimtrack.toml` in the instance folder), `CLAIMTRACK_*` environment
    variables, then `config`.
    """
    from flask import Flask

    from . import db
    from .api import init_api
    from .config import instance_path_from_env, load_config
    from .http import init_http
    from .jobs.queue import init_jobs
    from .resources import static_dir, templates_dir
    from .web import init_web, security
    from .web.publishing_routes import init_publishing

    overrides = dict(config or {})
    instance_path = overrides.pop("INSTANCE_PATH", None) or instance_path_from_env()
    app = Flask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=True,
        template_folder=str(templates_dir()),
        static_folder=str(static_dir()),
    )
    load_config(app, overrides)
    security.init_app(app)
    db.init_app(app)
    init_http(app)
    init_web(app)
    init_api(app)
    init_publishing(app)
    init_jobs(app)
    return app
