"""Response headers that harden every response (pages, fragments, JSON, errors) and the
start-up check that refuses a debug server outside development."""

from __future__ import annotations

from flask import Flask, Response

# No inline script or style and nothing from other origins: htmx reads its settings from
# a meta tag and page behaviour lives in static files, so none is needed.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class UnsafeConfiguration(RuntimeError):
    pass


def check_startup(app: Flask) -> None:
    """Debug mode runs arbitrary code for whoever triggers an error page; it must never
    be on in production (anything that is not explicitly development or testing)."""
    env = str(app.config.get("ENV_NAME") or "production").lower()
    if app.debug and env not in ("development", "testing") and not app.testing:
        raise UnsafeConfiguration(
            "refusing to start: debug mode is on in production; unset FLASK_DEBUG / "
            "CLAIMTRACK_DEBUG or set CLAIMTRACK_ENV_NAME=development on a private machine"
        )


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        # Pages show reviewers' unpublished work: never from a shared cache.
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def init_app(app: Flask) -> None:
    from . import origin

    check_startup(app)
    origin.init_app(app)  # before CSRF's own hook: a foreign origin is refused first
    app.after_request(_add_headers)
