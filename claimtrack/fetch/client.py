"""The one HTTP client for everything claimtrack fetches (feeds, sitemaps, articles).

Each request: check the scheme, resolve the host once and check every address, connect
to the checked address, send a conditional GET, read the body in bounded pieces under
a total deadline, follow at most five redirects re-checking each hop. Per host, one
request at a time with a pause, robots.txt obeyed, and Retry-After respected.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .body import read_body
from .connection import open_connection
from .errors import FetchError
from .guard import Resolver, checked_address, split_url, system_resolver
from .politeness import HostGate, parse_retry_after
from .settings import MAX_REDIRECTS, FetchSettings

REDIRECTS = {301, 302, 303, 307, 308}
ROBOTS_AGENT = "claimtrack"
# Seconds a host that answered 429/503 without Retry-After is left alone.
DEFAULT_BACK_OFF = 60.0


@dataclass(slots=True)
class FetchResult:
    url: str
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    redirects: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return None

    def text(self) -> str:
        charset = self.charset or "utf-8"
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class FetchClient:
    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        resolver: Resolver | None = None,
        ssl_context: ssl.SSLContext | None = None,
        gate: HostGate | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.resolver = resolver or system_resolver
        self.ssl_context = ssl_context
        # Per process by default; a SharedHostGate extends the rule to other processes.
        self.gate = gate or HostGate(self.settings.host_delay)
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self._robots_lock = threading.Lock()

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str = "*/*"
    ) -> FetchResult:
        """GET ``url``; a 304 answer comes back as a result with ``not_modified``."""
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        current = url
        for hop in range(MAX_REDIRECTS + 1):
            if self.settings.obey_robots:
                self._check_robots(current)
            result = self._request(current, {"Accept": accept, **conditional})
            if result.status in REDIRECTS:
                location = result.headers.get("location")
                if not location:
                    raise FetchError(
                        current, "http_status", f"redirect {result.status} without a Location", status=result.status
                    )
                current = urljoin(current, location.strip())
                continue
            result.redirects = hop
            return self._checked_status(url, result)
        raise FetchError(url, "redirects", f"more than {MAX_REDIRECTS} redirects (last to {current})")

    def _checked_status(self, url: str, result: FetchResult) -> FetchResult:
        status = result.status
        if status == 304 or 200 <= status < 300:
            return result
        if status in (429, 503):
            wait = parse_retry_after(result.headers.get("retry-after"), DEFAULT_BACK_OFF)
            self.gate.back_off(_host_key(result.url), wait)
            raise FetchError(
                result.url,
                "retry_later",
                f"the server answered {status}; asked to wait {wait:.0f} s",
                status=status,
                retry_after=wait,
            )
        raise FetchError(result.url, "http_status", f"the server answered {status}", status=status)

    # -- one request -------------------------------------------------------------------

    def _request(self, url: str, headers: dict[str, str]) -> FetchResult:
        scheme, host, port = split_url(url)
        address = checked_address(url, host, port, self.settings.allow_networks, self.resolver)
        key = _host_key(url)
        self._refuse_while_backing_off(url, key)  # known here already: no wait for the lock
        with self.gate.lock(key):
            # Another process may have been told to back off while this one waited.
            self._refuse_while_backing_off(url, key)
            self.gate.wait_turn(key)
            try:
                return self._exchange(url, scheme, host, port, address, headers)
            finally:
                self.gate.done(key)

    def _refuse_while_backing_off(self, url: str, key: str) -> None:
        wait = self.gate.retry_wait(key)
        if wait > 0:
            raise FetchError(
                url, "retry_later", f"the server asked not to be contacted for another {wait:.0f} s", retry_after=wait
            )

    def _exchange(
        self, url: str, scheme: str, host: str, port: int, address: str, headers: dict[str, str]
    ) -> FetchResult:
        s = self.settings
        deadline = time.monotonic() + s.total_timeout
        expired = threading.Event()
        conn = open_connection(scheme, host, port, address, timeout=s.connect_timeout, context=self.ssl_context)

        def expire() -> None:
            # The whole exchange has a deadline, however slowly the server drips bytes:
            # shutting the socket ends any read that is blocked on it.
            expired.set()
            sock = conn.sock
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        def check_time() -> None:
            if expired.is_set() or time.monotonic() > deadline:
                expire()
                raise FetchError(url, "timeout", f"no complete answer within {s.total_timeout:g} s")

        timer = threading.Timer(s.total_timeout, expire)
        timer.daemon = True
        timer.start()
        resp = None
        try:
            conn.connect()
            conn.sock.settimeout(s.read_timeout)
            target = _target(url)
            conn.putrequest("GET", target, skip_accept_encoding=True)
            for name, value in {
                "User-Agent": s.user_agent,
                "Accept-Encoding": "gzip, deflate",
                "Connection": "close",
                **headers,
            }.items():
                conn.putheader(name, value)
            conn.endheaders()
            resp = conn.getresponse()
            resp_headers = {k.lower(): v for k, v in resp.getheaders()}
            status = resp.status
            if status in REDIRECTS or status == 304 or status in (429, 503) or status >= 400:
                body = b""  # nothing of an error page or a redirect is kept
            else:
                body = read_body(resp, url, max_bytes=s.max_bytes, check_time=check_time)
            return FetchResult(url=url, status=status, body=body, headers=resp_headers)
        except FetchError:
            raise
        except TimeoutError:
            raise FetchError(url, "timeout", f"the server sent nothing for {s.read_timeout:g} s") from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if expired.is_set():
                raise FetchError(url, "timeout", f"no complete answer within {s.total_timeout:g} s") from None
            if isinstance(exc, ssl.SSLError):
                raise FetchError(url, "connect", f"TLS failed ({exc})") from None
            raise FetchError(url, "connect", f"the connection failed ({type(exc).__name__}: {exc})") from None
        finally:
            timer.cancel()
            if resp is not None:
                resp.close()  # the response holds its own reference to the socket
            conn.close()

    # -- robots.txt --------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return
        parser = self._robots_for(url)
        if not parser.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, "robots", "robots.txt of the site does not allow claimtrack to fetch this address")

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        key = _host_key(url)
        now = time.monotonic()
        with self._robots_lock:
            cached = self._robots.get(key)
        if cached and cached[0] > now:
            return cached[1]
        parser = urllib.robotparser.RobotFileParser()
        robots_url = urljoin(url, "/robots.txt")
        ttl = self.settings.robots_ttl
        try:
            result = self.fetch_robots(robots_url)
        except FetchError as exc:
            if exc.kind in ("blocked", "dns", "bad_url", "bad_scheme", "connect", "timeout", "retry_later"):
                # The host itself cannot be reached (or must not be): say so, cache nothing.
                raise FetchError(url, exc.kind, exc.reason, status=exc.status, retry_after=exc.retry_after) from None
            if exc.kind == "http_status" and exc.status in (401, 403):
                # The flags RobotFileParser.read() sets itself; typeshed leaves them out.
                parser.disallow_all = True  # type: ignore[attr-defined]
            elif exc.kind == "http_status" and exc.status is not None and 400 <= exc.status < 500:
                parser.allow_all = True  # type: ignore[attr-defined]  # no robots.txt: everything may be fetched
            else:
                # A robots.txt that errs (5xx, too big, redirect loop): fetch nothing from
                # the site for now and ask again soon (RFC 9309).
                raise FetchError(
                    url,
                    "robots",
                    f"robots.txt of the site could not be read ({exc.reason}); nothing is fetched from it until it can",
                ) from None
        else:
            parser.parse(result.text().splitlines())
        with self._robots_lock:
            self._robots[key] = (now + ttl, parser)
        return parser

    def fetch_robots(self, robots_url: str) -> FetchResult:
        current = robots_url
        for _ in range(MAX_REDIRECTS + 1):
            result = self._request(current, {"Accept": "text/plain"})
            if result.status in REDIRECTS and result.headers.get("location"):
                current = urljoin(current, result.headers["location"].strip())
                continue
            return self._checked_status(robots_url, result)
        raise FetchError(robots_url, "redirects", f"more than {MAX_REDIRECTS} redirects")


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{parts.port or ''}"


def _target(url: str) -> str:
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    # Keep the request line free of spaces and control characters whatever the feed held.
    return "".join(ch if 32 < ord(ch) < 127 else f"%{ord(ch):02X}" for ch in target.encode("utf-8").decode("latin-1"))
