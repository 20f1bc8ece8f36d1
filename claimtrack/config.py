"""Layered configuration: defaults < instance config file < CLAIMTRACK_* environment < mapping.

Values from the environment arrive as strings; `from_prefixed_env` parses them as JSON
when it can, so `CLAIMTRACK_MAX_BODY_CHARS=500000` is an int and plain URLs stay strings.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from .fetch.settings import DEFAULTS as FETCH_DEFAULTS
from .jobs.settings import DEFAULTS as JOBS_DEFAULTS
from .services.linking.settings import DEFAULTS as MATCH_DEFAULTS
from .services.webhooks.settings import DEFAULTS as WEBHOOK_DEFAULTS

ENV_PREFIX = "CLAIMTRACK"
INSTANCE_CONFIG_FILE = "claimtrack.toml"
SECRET_KEY_FILE = "secret_key"  # noqa: S105  # nosec B105 - a file name, not a secret

DEFAULTS: dict[str, Any] = {
    # None means: a SQLite file in the instance folder (filled in by `database_url`).
    "DATABASE_URL": None,
    # Seconds a SQLite writer waits for a lock before giving up.
    "SQLITE_BUSY_TIMEOUT": 15,
    # Largest article body accepted on import, in characters of text.
    "MAX_BODY_CHARS": 2_000_000,
    # Rating scale file; None means the default scale in fixtures/.
    "RATING_SCALE_PATH": None,
    # Publishing: None means the instance setting an admin saved, and for the base URL
    # then the address the request reached the server at (see services.publishing.settings).
    "PUBLIC_BASE_URL": None,
    # The origin(s) browsers use to reach the app, when that is not what the app itself
    # sees (behind a proxy): state-changing requests from any other origin are refused.
    "PUBLIC_ORIGIN": None,
    "PUBLISHER_NAME": None,
    "PUBLISHER_URL": None,
    "PUBLISHER_LOGO_URL": None,
    "DEFAULT_LICENSE": None,
    # The language of the published fact-checks (a BCP 47 tag), in the data feeds' inLanguage.
    "PUBLICATION_LANGUAGE": "en",
    # Hours a one-time set-password link keeps working.
    "PASSWORD_LINK_HOURS": 72,  # nosec B105 - a number of hours, not a password
    "PAGE_SIZE": 50,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    # Seconds a log-in lasts, whatever the activity (a working day and then some; the
    # server ends older sessions, see services.accounts.sessions).
    "PERMANENT_SESSION_LIFETIME": 12 * 3600,
    "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
    # API: requests per token per window (0 turns the limit off; counted per process),
    # the window in seconds, and the largest request body in bytes.
    "API_RATE_LIMIT": 6000,
    "API_RATE_WINDOW": 60,
    "API_MAX_BODY_BYTES": 4 * 1024 * 1024,
    # Log-in throttling: failures allowed per account and per client address within
    # the window (seconds) before further attempts are refused until it passes.
    "LOGIN_MAX_FAILURES_PER_ACCOUNT": 5,
    "LOGIN_MAX_FAILURES_PER_ADDRESS": 20,
    "LOGIN_WINDOW_SECONDS": 900,
    # "production" unless set; debug mode is refused in production.
    "ENV_NAME": "production",
    # Related-claim matching (see README "Related claims"): weakest score stored as a
    # suggested link, score from which similar texts are the "same" claim, fewest words
    # a linkable text has, share of claims above which a key is too common to index,
    # links suggested per new claim, candidates scored per lookup.
    # The values live with the settings they configure, so the two never drift apart.
    **MATCH_DEFAULTS,
    # Fetching feeds and pages (see README "Watching sources"): limits and politeness.
    **FETCH_DEFAULTS,
    # The job queue (see README "Background jobs").
    **JOBS_DEFAULTS,
    # Webhook deliveries (see README "Webhooks").
    **WEBHOOK_DEFAULTS,
}


def load_config(app: Flask, overrides: Mapping[str, Any] | None = None) -> None:
    app.config.update(DEFAULTS)
    app.config.from_file(INSTANCE_CONFIG_FILE, load=tomllib.load, text=False, silent=True)
    app.config.from_prefixed_env(ENV_PREFIX)
    if overrides:
        app.config.update(overrides)
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = default_database_url(app.instance_path)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)


def default_database_url(instance_path: str) -> str:
    return f"sqlite:///{Path(instance_path) / 'claimtrack.db'}"


def instance_secret_key(instance_path: str) -> str:
    """Generate a key on first use and keep it, so sessions survive restarts."""
    path = Path(instance_path) / SECRET_KEY_FILE
    if path.exists():
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # Create readable by the owner only; O_EXCL so two starting workers don't both write.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


def instance_path_from_env() -> str | None:
    return os.environ.get(f"{ENV_PREFIX}_INSTANCE_PATH") or None
