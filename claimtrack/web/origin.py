"""Refuse state-changing requests sent from another site.

The CSRF token already stops forged forms; this is the second lock the token cannot be
(if a token ever leaked, or a page of ours were framed or scripted): a POST, PUT, PATCH
or DELETE whose `Origin` header, or without one its `Referer`, names any origin but
ours is refused with 403, `Origin: null` (sandboxed frames, some redirects) included.
A request with neither header passes, as API clients and scripts send none.

"Ours" is the origin the request was addressed to (scheme and Host), plus each origin
in the `PUBLIC_ORIGIN` setting: behind a TLS-terminating proxy the app sees
`http://127.0.0.1:5000` while browsers send `Origin: https://factcheck.example.org`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, abort, current_app, request

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise(origin: str) -> str | None:
    """`scheme://host[:port]` in lower case without a default port, or None when the
    text is not an http(s) origin (so it can match nothing)."""
    try:
        parts = urlsplit(origin.strip())
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"{scheme}://{host}" + (f":{port}" if port and port != _DEFAULT_PORTS[scheme] else "")


def configured_origins(value: object) -> set[str]:
    """The `PUBLIC_ORIGIN` setting: one origin, or several separated by commas or spaces."""
    if not value:
        return set()
    items = value if isinstance(value, (list, tuple)) else str(value).replace(",", " ").split()
    found = set()
    for item in items:
        origin = normalise(str(item))
        if origin is None:
            raise ValueError(f"PUBLIC_ORIGIN: {item!r} is not an origin like https://factcheck.example.org")
        found.add(origin)
    return found


def _allowed() -> set[str]:
    own = normalise(f"{request.scheme}://{request.host}")
    return {own, *current_app.extensions["claimtrack_origins"]} - {None}


def _check() -> None:
    if request.method not in UNSAFE_METHODS:
        return
    sent = request.headers.get("Origin")
    header = "Origin"
    if sent is None:
        sent, header = request.headers.get("Referer"), "Referer"
        if sent is None:
            return
    if normalise(sent) not in _allowed():
        abort(
            403,
            description=f"This request came from another site ({header}: {sent[:100]!r}) and was refused. "
            "Open claimtrack at its own address and try again.",
        )


def init_app(app: Flask) -> None:
    # Parsed once at start-up, so a mistyped setting stops the server with a clear message.
    app.extensions["claimtrack_origins"] = configured_origins(app.config.get("PUBLIC_ORIGIN"))
    app.before_request(_check)
