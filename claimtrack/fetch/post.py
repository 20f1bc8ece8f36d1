"""POSTing a webhook: the same guard as fetching (scheme, every resolved address
checked, the connection pinned to the checked address), one deadline for the whole
exchange, no redirects followed (a 3xx is a failed attempt), and only the first few
kilobytes of the answer read. Nothing here raises for a bad answer: every outcome is
an `Attempt` the caller records."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from .connection import open_connection
from .errors import FetchError
from .guard import IPNetwork, Resolver, checked_address, split_url, system_resolver


@dataclass(slots=True)
class Attempt:
    ok: bool
    status: int | None
    latency_ms: int
    excerpt: str
    error: str | None = None


@dataclass(frozen=True, slots=True)
class PostSettings:
    allow_networks: tuple[IPNetwork, ...] = ()
    timeout: float = 10.0
    # Bytes of the answer read; a longer answer fails the attempt (a receiver should
    # answer briefly, and a 10 MB reply must not tie up a worker).
    max_response_bytes: int = 64 * 1024
    excerpt_chars: int = 500
    user_agent: str = "claimtrack-webhooks"


def check_url(url: str, allow: tuple[IPNetwork, ...], resolver: Resolver | None = None) -> str:
    """The address a webhook URL would reach; FetchError naming what is wrong."""
    _scheme, host, port = split_url(url)
    return checked_address(url, host, port, allow, resolver or system_resolver)


def post(
    url: str, body: bytes, headers: dict[str, str], settings: PostSettings, resolver: Resolver | None = None
) -> Attempt:
    started = time.monotonic()

    def done(ok: bool, status: int | None, excerpt: str = "", error: str | None = None) -> Attempt:
        return Attempt(ok, status, int((time.monotonic() - started) * 1000), excerpt[: settings.excerpt_chars], error)

    try:
        scheme, host, port = split_url(url)
        address = checked_address(url, host, port, settings.allow_networks, resolver or system_resolver)
    except FetchError as exc:
        return done(False, None, error=exc.reason)
    conn = open_connection(scheme, host, port, address, timeout=settings.timeout)
    expired = threading.Event()

    def expire() -> None:  # a receiver that drips or hangs is cut off at the deadline
        expired.set()
        if conn.sock is not None:
            try:
                conn.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    timer = threading.Timer(settings.timeout, expire)
    timer.daemon = True
    timer.start()
    resp = None
    try:
        conn.connect()
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn.putrequest("POST", target, skip_accept_encoding=True)
        for name, value in {
            "User-Agent": settings.user_agent,
            "Content-Type": "application/json",
            "Content-Length": str(len(body)),
            "Connection": "close",
            **headers,
        }.items():
            conn.putheader(name, value)
        conn.endheaders(body)
        resp = conn.getresponse()
        data = resp.read(settings.max_response_bytes + 1)
        excerpt = data[: settings.excerpt_chars * 4].decode("utf-8", errors="replace")
        status = resp.status
        if len(data) > settings.max_response_bytes:
            return done(False, status, excerpt, f"the answer passed {settings.max_response_bytes:,} bytes")
        if 300 <= status < 400:
            return done(False, status, excerpt, f"redirect {status} not followed (give the final address)")
        if not 200 <= status < 300:
            return done(False, status, excerpt, f"the receiver answered {status}")
        return done(True, status, excerpt)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if expired.is_set():
            return done(False, None, error=f"no answer within {settings.timeout:g} s")
        return done(False, None, error=f"the connection failed ({type(exc).__name__}: {exc})")
    finally:
        timer.cancel()
        if resp is not None:
            resp.close()
        conn.close()
