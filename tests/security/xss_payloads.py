"""Hostile input written for these tests, and a scanner that finds live markup in HTML.

Every markup payload would set `window.__xss` (or fetch a `/xss-probe` URL, or log the
user out) if a page ever rendered it as HTML, so the browser test can see one fire; the
HTML tests parse each page and look for what the payloads would have injected.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

# Markup payloads: each one is also searched for, verbatim, in the visible text of the
# pages that show it, so a page that silently dropped it would not pass for safe.
SCRIPT = "<script>window.__xss=1</script>"
IMG_ONERROR = '<img src=x onerror="window.__xss=2">'
SVG_ONLOAD = "<svg onload=window.__xss=3>"
ATTR_BREAK_DOUBLE = '"><script>window.__xss=4</script>'
ATTR_BREAK_SINGLE = "' onmouseover='window.__xss=5' x='"
SCRIPT_END = "</script><script>window.__xss=6</script>"
TEXTAREA_END = "</textarea><script>window.__xss=7</script>"
HX_LOGOUT = '<div hx-post="/logout" hx-trigger="load">xss-hx-post</div>'
HX_GET = '<div hx-get="/logout" hx-trigger="load">xss-hx-get</div>'
HX_ON = '<button hx-on:click="window.__xss=9">xss-hx-on</button>'
HX_VALS = '<form hx-post="/xss-probe" hx-vals=\'{"xss":10}\' hx-trigger="load"></form>'
JS_LINK = '<a href="javascript:window.__xss=11">xss-js-link</a>'
JS_LINK_MIXED = '<a href=" JaVaScRiPt:window.__xss=12">xss-js-mixed</a>'
JS_LINK_ENTITY = '<a href="jav&#x09;ascript:window.__xss=13">xss-js-entity</a>'
DATA_FRAME = '<iframe src="data:text/html,<script>parent.__xss=14</script>"></iframe>'
PROBE_IMG = '<img src="/xss-probe/img">'
META_REFRESH = '<meta http-equiv="refresh" content="0;url=/xss-probe/meta">'
BASE_HREF = '<base href="/xss-probe/">'
TEMPLATE = "{{7*7}}"
TEMPLATE_BLOCK = "{% print(7*7) %}"
TEMPLATE_DOLLAR = "${7*7}"

MARKUP = (
    SCRIPT,
    IMG_ONERROR,
    SVG_ONLOAD,
    ATTR_BREAK_DOUBLE,
    ATTR_BREAK_SINGLE,
    SCRIPT_END,
    TEXTAREA_END,
    HX_LOGOUT,
    HX_GET,
    HX_ON,
    HX_VALS,
    JS_LINK,
    JS_LINK_MIXED,
    JS_LINK_ENTITY,
    DATA_FRAME,
    PROBE_IMG,
    META_REFRESH,
    BASE_HREF,
)
TEMPLATES = (TEMPLATE, TEMPLATE_BLOCK, TEMPLATE_DOLLAR)
PAYLOADS = MARKUP + TEMPLATES

# Addresses that must never become a link: refused where a link is entered.
BAD_URLS = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/relative/path",
    "ftp://files.example/x",
)

# An http(s) address that carries markup in its query: allowed, but only ever escaped.
TRICKY_URL = 'https://src.example/page?q=%22%3E&x="><script>window.__xss=15</script>'


def joined(limit: int, payloads: tuple[str, ...] = PAYLOADS) -> str:
    """As many payloads as fit in `limit` characters, separated by spaces."""
    out = ""
    for p in payloads:
        candidate = f"{out} {p}" if out else p
        if len(candidate) > limit:
            break
        out = candidate
    return out


_URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "srcdoc",
    "data",
    "ping",
    "cite",
    "manifest",
}
_FRAMING_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
_CONTROL = re.compile(r"[\x00-\x20]+")


def dangerous_url(value: str) -> bool:
    """What a browser would run: it ignores ASCII control characters and white space
    inside the scheme and compares it case-insensitively."""
    squashed = _CONTROL.sub("", value).lower()
    return squashed.startswith(("javascript:", "data:", "vbscript:"))


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self.values: list[str] = []
        self.links: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        self._value(tag, attrs)
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        self._value(tag, attrs)

    def _value(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("input", "option"):
            self.values.extend(v for k, v in attrs if k == "value" and v)
        if tag == "a":
            self.links.extend(v for k, v in attrs if k == "href" and v)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)}>"[:200]
        if tag == "script":
            src, kind = found.get("src") or "", found.get("type") or ""
            if not (src.startswith("/static/") or kind == "application/ld+json"):
                self.problems.append(f"live script element: {where}")
        if tag in _FRAMING_TAGS:
            self.problems.append(f"live {tag} element: {where}")
        if tag == "meta" and "http-equiv" in found:
            self.problems.append(f"live meta refresh: {where}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}: {where}")
            if name.startswith(("hx-", "data-hx-")):
                if name.startswith(("hx-on", "data-hx-on")) or name in ("hx-vals", "hx-headers", "data-hx-vals"):
                    self.problems.append(f"injected htmx attribute {name}: {where}")
                elif "logout" in value or "xss" in value.lower():
                    self.problems.append(f"htmx attribute from input {name}={value!r}: {where}")
            if name in _URL_ATTRS and dangerous_url(value):
                self.problems.append(f"{name} with a script or data URL: {where}")
            # Where the URL leads, not its query: a link that carries the search terms along
            # (pagination, "export these") holds the payload percent-encoded, inert.
            if name in _URL_ATTRS and "xss-probe" in value.split("?", 1)[0]:
                self.problems.append(f"{name} pointing at a payload URL: {where}")


def scan(html: str) -> _Scanner:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner


def live_markup(html: str) -> list[str]:
    """Everything in `html` that input could have made live; [] when the page is safe.
    Also checks that every JSON-LD block is one well-formed JSON document (a `</script>`
    in the data would have cut it short)."""
    scanner = scan(html)
    problems = list(scanner.problems)
    for attrs, body in scanner.scripts:
        if attrs.get("type") == "application/ld+json":
            try:
                json.loads(body)
            except ValueError as exc:
                problems.append(f"JSON-LD block broken out of: {exc}")
        elif body.strip():
            problems.append(f"inline script: {body[:80]!r}")
    return problems


def visible_text(html: str) -> str:
    """The page's text as a reader sees it (entities decoded, tags dropped)."""
    return "".join(scan(html).text)


def field_values(html: str) -> list[str]:
    """The values of the page's inputs and options, decoded: where a search box echoes
    what was typed."""
    return scan(html).values


def links(html: str) -> list[str]:
    """Every link target on the page, decoded."""
    return scan(html).links


def missing(html: str, expected: tuple[str, ...] | list[str]) -> list[str]:
    """The expected payloads that do not appear as text on the page."""
    text = visible_text(html)
    return [p for p in expected if p not in text]
