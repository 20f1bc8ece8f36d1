"""Who may use which route: one table over every rule in `app.url_map`, checked on the
server for every role.

Each row is one (method, route) with a concrete URL, a sample body and the least role
that may use it. A route added without a row fails `test_every_route_has_a_row`.
For each of anonymous, viewer, reviewer, editor and admin:
  - anonymous on the web is sent to log in (unless the row is public), and gets a 401
    JSON error on the API;
  - a role below the row's gets 403 (a JSON error on the API);
  - a role at or above it is let through: the answer may still be a validation error,
    a conflict or "not found", but never a refusal, a log-in redirect or a crash.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.http.access import PUBLIC, access_level
from claimtrack.models import ROLES, Claim
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.review.sources import SourceInput, add_source
from tests.api.conftest import new_token
from tests.conftest import EXAMPLE
from tests.helpers import PASSWORD, import_file, login, make_user

# The "Does the mayor say…" sample claim and a body every import route accepts.
ARTICLE = {"title": "T", "body": "The mayor said taxes rose 5 percent."}
VERDICT_REF = {"verdict_id": "1", "verdict_version": "1"}

# (method, route, body, least role). Route parameters are written `<name>` and filled
# from the test's data; a query string is part of the sample URL only.
ROUTES = [
    # Log-in and log-out
    ("GET", "/login", None, PUBLIC),
    ("POST", "/login", {"username": "viewer", "password": PASSWORD}, PUBLIC),
    ("POST", "/logout", None, "viewer"),
    # Account settings
    ("GET", "/settings", None, "viewer"),
    ("POST", "/settings/tokens", {"name": "table"}, "viewer"),
    ("POST", "/settings/tokens/<token_id>/revoke", None, "viewer"),
    (
        "POST",
        "/settings/password",
        {"current_password": "not it", "new_password": "x", "confirm_password": "x"},
        "viewer",
    ),
    # Workspace: queue and the "has this been checked?" box
    ("GET", "/", None, "viewer"),
    ("GET", "/checked?text=troops+in+Iraq", None, "viewer"),
    ("GET", "/?sort=newest&assignee=none", None, "viewer"),
    ("POST", "/queue/bulk", {"action": "assign", "assignee": "me", "claim": "1"}, "reviewer"),
    ("POST", "/queue/bulk/<event_id>/undo", None, "reviewer"),
    # Notifications: everyone reads their own
    ("GET", "/notifications", None, "viewer"),
    ("POST", "/notifications/read", None, "viewer"),
    ("POST", "/notifications/<notification_id>/read", None, "viewer"),
    ("POST", "/notifications/preferences", {"kind": "assigned"}, "viewer"),
    # Workspace: articles
    ("GET", "/articles", None, "viewer"),
    ("GET", "/articles/<article_id>", None, "viewer"),
    ("GET", "/articles/import", None, "reviewer"),
    ("POST", "/articles/import", ARTICLE, "reviewer"),
    ("POST", "/articles/<article_id>/claims", {"start": "0", "end": "20"}, "reviewer"),
    # Workspace: claims
    ("GET", "/claims/<claim_id>", None, "viewer"),
    ("POST", "/claims/<claim_id>/text", {"version": "1", "text": "x", "start": "0", "end": "4"}, "reviewer"),
    ("POST", "/claims/<claim_id>/speaker", {"version": "1", "speaker": "Someone"}, "reviewer"),
    ("POST", "/claims/<claim_id>/assign", {"version": "1", "assignee": "me"}, "reviewer"),
    ("POST", "/claims/<claim_id>/status", {"version": "1", "status": "in_review"}, "reviewer"),
    ("POST", "/claims/<claim_id>/split", {"version": "1", "at": "1"}, "reviewer"),
    ("POST", "/claims/<claim_id>/merge", {"version": "1", "other": "1:1"}, "reviewer"),
    ("POST", "/claims/<claim_id>/dismiss", {"version": "1", "reason": "not a claim"}, "reviewer"),
    # Workspace: review (sources and verdicts)
    ("POST", "/claims/<claim_id>/sources", {"url": "https://example.org/a"}, "reviewer"),
    ("POST", "/claims/<claim_id>/sources/<link_id>", {"url": "https://example.org/b", "fingerprint": "x"}, "reviewer"),
    ("POST", "/claims/<claim_id>/sources/<link_id>/remove", {"fingerprint": "x"}, "reviewer"),
    ("POST", "/claims/<claim_id>/verdict", {"rating": "false", "action": "save"}, "reviewer"),
    ("POST", "/claims/<claim_id>/verdict/reuse", {"link_id": "1"}, "reviewer"),
    ("POST", "/claims/<claim_id>/verdict/approve", VERDICT_REF, "editor"),
    ("POST", "/claims/<claim_id>/verdict/return", {**VERDICT_REF, "comment": "c"}, "editor"),
    ("POST", "/claims/<claim_id>/verdict/correct", {**VERDICT_REF, "note": "n"}, "editor"),
    ("POST", "/claims/<claim_id>/verdict/preview", {"claim_reviewed": "Taxes rose."}, "editor"),
    ("POST", "/claims/<claim_id>/verdict/withdraw", VERDICT_REF, "reviewer"),
    ("POST", "/claims/<claim_id>/verdict/retract", {**VERDICT_REF, "reason": "r"}, "editor"),
    # Workspace: related claims (registered when the matching service is installed)
    ("GET", "/claims/<claim_id>/related", None, "viewer"),
    ("POST", "/claims/<claim_id>/related/<link_id>", {"state": "confirmed"}, "reviewer"),
    ("POST", "/claims/<claim_id>/related/<link_id>/undo", {}, "reviewer"),
    # Monitoring: sources, jobs, alerts, the digest. Addresses are on loopback, which the
    # fetch guard refuses, so no row opens a connection anywhere.
    ("GET", "/sources", None, "viewer"),
    ("POST", "/sources", {"url": "http://127.0.0.1:9/feed.xml", "name": "Feed"}, "admin"),
    ("GET", "/sources/<source_id>", None, "viewer"),
    ("POST", "/sources/<source_id>", {"url": "http://127.0.0.1:9/feed.xml", "name": "Feed"}, "admin"),
    ("POST", "/sources/<source_id>/enabled", {"enabled": "on"}, "admin"),
    ("POST", "/sources/<source_id>/poll", None, "admin"),
    ("POST", "/articles/fetch", {"url": "http://127.0.0.1:9/story"}, "reviewer"),
    ("POST", "/articles/reextract", {"article_id": "999999"}, "editor"),
    ("GET", "/jobs", None, "viewer"),
    ("GET", "/jobs/<job_id>", None, "viewer"),
    ("GET", "/alerts", None, "viewer"),
    ("POST", "/alerts/<alert_id>/acknowledge", None, "reviewer"),
    ("POST", "/alerts/<alert_id>/review", None, "reviewer"),
    ("GET", "/digest", None, "viewer"),
    ("GET", "/digest.csv", None, "viewer"),
    ("GET", "/digest.json", None, "viewer"),
    # Workspace: claimants
    ("GET", "/claimants", None, "viewer"),
    ("GET", "/claimants/<claimant_id>", None, "viewer"),
    ("GET", "/claimants/suggest?speaker=ab", None, "viewer"),
    ("POST", "/claimants/<claimant_id>/merge", {"duplicate": "999"}, "editor"),
    # Reports (may show unpublished verdicts: never public)
    ("GET", "/reports", None, "viewer"),
    ("GET", "/reports/<name>", None, "viewer"),
    ("GET", "/reports/articles/<article_id>", None, "viewer"),
    # Publishing: public fact-check pages and ClaimReview downloads
    ("GET", "/fact-checks", None, PUBLIC),
    ("GET", "/fact-checks/<claim_id>", None, PUBLIC),
    ("GET", "/claims/<claim_id>/claimreview.json", None, PUBLIC),
    ("GET", "/claimreview.json", None, PUBLIC),
    # Open data feeds of published fact-checks
    ("GET", "/feeds/claimreview.json", None, PUBLIC),
    ("GET", "/feeds/fact-checks.json", None, PUBLIC),
    ("GET", "/feeds/fact-checks.atom", None, PUBLIC),
    # Exports: unpublished work included, so editors and up
    ("GET", "/exports", None, "editor"),
    ("GET", "/exports/download?dataset=claims&format=csv", None, "editor"),
    # Administration (the bodies are refused or change nothing, so every role meets the same world)
    ("GET", "/admin", None, "admin"),
    ("GET", "/admin/users", None, "admin"),
    ("POST", "/admin/users", {"username": "", "role": "viewer", "how": "link"}, "admin"),
    ("POST", "/admin/users/<user_id>/role", {"role": "no-such-role"}, "admin"),
    ("POST", "/admin/users/<user_id>/active", {"active": "1"}, "admin"),
    ("POST", "/admin/users/<user_id>/password", {"password": "short"}, "admin"),
    ("GET", "/admin/publisher", None, "admin"),
    ("POST", "/admin/publisher", {"publisher_url": "not an address"}, "admin"),
    ("GET", "/admin/ratings", None, "admin"),
    ("POST", "/admin/ratings", {"count": "0"}, "admin"),
    ("GET", "/admin/archive", None, "admin"),
    ("POST", "/admin/archive", {"publisher": "x"}, "admin"),
    ("GET", "/admin/webhooks", None, "admin"),
    ("POST", "/admin/webhooks", {"url": "http://10.0.0.1/hook", "events": "article.imported"}, "admin"),
    ("GET", "/admin/webhooks/<sub_id>", None, "admin"),
    ("POST", "/admin/webhooks/<sub_id>", {"url": "ftp://x/", "events": "article.imported"}, "admin"),
    ("POST", "/admin/webhooks/<sub_id>/deactivate", None, "admin"),
    ("POST", "/admin/webhooks/<sub_id>/rotate", None, "admin"),
    ("POST", "/admin/webhooks/deliveries/<delivery_id>/redeliver", None, "admin"),
    # A one-time set-password link (this one does not exist: 404 for everybody)
    ("GET", "/set-password/<secret>", None, PUBLIC),
    ("POST", "/set-password/<secret>", {"password": "x", "confirm": "x"}, PUBLIC),
    # Static files
    ("GET", "/static/<filename>", None, PUBLIC),
    # JSON API, bearer tokens only
    ("GET", "/api/v1/openapi.json", None, PUBLIC),
    ("GET", "/api/v1/articles", None, "viewer"),
    ("POST", "/api/v1/articles", ARTICLE, "reviewer"),
    ("GET", "/api/v1/articles/<article_id>", None, "viewer"),
    ("GET", "/api/v1/claims", None, "viewer"),
    ("GET", "/api/v1/claims/<claim_id>", None, "viewer"),
    ("PATCH", "/api/v1/claims/<claim_id>", {"version": 1, "claimant_title": "x"}, "reviewer"),
    ("GET", "/api/v1/sources", None, "viewer"),
    ("POST", "/api/v1/sources", {"url": "http://127.0.0.1:9/feed.xml"}, "admin"),
    ("GET", "/api/v1/sources/<source_id>", None, "viewer"),
    ("PATCH", "/api/v1/sources/<source_id>", {"name": "Feed"}, "admin"),
    ("POST", "/api/v1/sources/<source_id>/poll", None, "admin"),
    ("POST", "/api/v1/fetch", {"url": "http://127.0.0.1:9/story"}, "reviewer"),
    ("POST", "/api/v1/reindex", None, "admin"),
    ("GET", "/api/v1/jobs/<job_id>", None, "viewer"),
    ("GET", "/api/v1/alerts", None, "viewer"),
    ("POST", "/api/v1/alerts/<alert_id>/acknowledge", None, "reviewer"),
    ("POST", "/api/v1/alerts/<alert_id>/review", None, "reviewer"),
    ("GET", "/api/v1/digest", None, "viewer"),
    ("POST", "/api/v1/claims/<claim_id>/verdicts/reuse", {"link_id": 1}, "reviewer"),
    ("POST", "/api/v1/claims/<claim_id>/sources", {"url": "https://example.org/c"}, "reviewer"),
    ("DELETE", "/api/v1/claims/<claim_id>/sources/<link_id>", None, "reviewer"),
    ("POST", "/api/v1/claims/<claim_id>/verdicts", {"rating": "false", "version": None}, "reviewer"),
    ("POST", "/api/v1/claims/<claim_id>/publish", None, "editor"),
    ("GET", "/api/v1/claims/<claim_id>/related", None, "viewer"),
    ("POST", "/api/v1/links/<link_id>", {"state": "dismissed"}, "reviewer"),
    ("GET", "/api/v1/claimants", None, "viewer"),
    ("GET", "/api/v1/claimants/<claimant_id>", None, "viewer"),
    ("GET", "/api/v1/rating-scale", None, "viewer"),
    ("GET", "/api/v1/claimreview", None, "viewer"),
    ("GET", "/api/v1/exports/<dataset>?format=jsonl", None, "editor"),
    ("GET", "/api/v1/match?q=troops", None, "viewer"),
    ("GET", "/api/v1/webhooks", None, "admin"),
    ("POST", "/api/v1/webhooks", {"url": "http://10.0.0.1/hook", "events": ["article.imported"]}, "admin"),
    ("GET", "/api/v1/webhooks/<sub_id>", None, "admin"),
    ("PATCH", "/api/v1/webhooks/<sub_id>", {"description": "desk"}, "admin"),
    ("POST", "/api/v1/webhooks/<sub_id>/rotate", None, "admin"),
    ("GET", "/api/v1/webhooks/<sub_id>/deliveries", None, "admin"),
    ("POST", "/api/v1/webhook-deliveries/<delivery_id>/redeliver", None, "admin"),
]

# Methods Flask answers by itself for every rule.
AUTOMATIC = {"HEAD", "OPTIONS"}
# Rows whose request changes who is logged in run on a client of their own.
OWN_CLIENT = {("POST", "/login"), ("POST", "/logout")}


def _plain(rule: str) -> str:
    """`/claims/<int:claim_id>` and `/claims/<int(max=9):claim_id>` -> `/claims/<claim_id>`."""
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"<\1>", rule)


def _rows(app) -> list[tuple]:
    related = "related.panel" in app.view_functions
    return [
        row
        for row in ROUTES
        if related or not re.fullmatch(r"/claims/<claim_id>/related(/<link_id>)?", row[1].split("?")[0])
    ]


def _rules(app) -> dict[tuple[str, str], str]:
    """(method, plain route) -> endpoint, for every rule in the app."""
    return {
        (method, _plain(rule.rule)): rule.endpoint
        for rule in app.url_map.iter_rules()
        for method in rule.methods - AUTOMATIC
    }


def test_every_route_has_a_row(app):
    table = {(method, route.split("?")[0]) for method, route, _, _ in _rows(app)}
    missing = sorted(key for key in _rules(app) if key not in table)
    assert missing == [], f"routes with no row in the permission table: {missing}"


def test_every_row_is_a_route_with_the_level_its_view_declares(app):
    rules = _rules(app)
    for method, route, _, least in _rows(app):
        key = (method, route.split("?")[0])
        assert key in rules, f"{key} is in the table but not a route"
        assert access_level(app, rules[key]) == least, f"{key}: the view declares {access_level(app, rules[key])}"


@pytest.fixture
def world(app, engine):
    """A user, a bearer token and an own settings token per role; the example article
    with a claim, its claimant and a source linked to it."""
    users = {role: make_user(engine, role, role) for role in ROLES}
    api_tokens = {role: new_token(engine, role, "api")[1] for role in ROLES}
    settings_tokens = {role: new_token(engine, role, "settings")[0] for role in ROLES}
    article_id = import_file(engine, EXAMPLE).article_id
    with session_scope(engine) as s:
        claim = s.exec(
            select(Claim).where(Claim.article_id == article_id, Claim.claimant_id.is_not(None)).order_by(Claim.id)
        ).first()
        link = add_source(s, Actor.system("test"), claim.id, SourceInput(url="https://example.org/source"))
        values = {
            "article_id": article_id,
            "claim_id": claim.id,
            "claimant_id": claim.claimant_id,
            "link_id": link.id,
            "source_id": 1,
            "job_id": 1,
            "alert_id": 1,
            "event_id": 1,
            "notification_id": 1,
            "sub_id": 1,
            "delivery_id": 1,
            "dataset": "claims",
            "name": "overview",
            "filename": "css/claimtrack.css",
            "user_id": users["viewer"],
            "secret": "no-such-link",
        }
    return SimpleNamespace(users=users, api_tokens=api_tokens, settings_tokens=settings_tokens, values=values)


def _client(app, role: str | None):
    client = app.test_client()
    if role:
        assert login(client, role).status_code == 302
    return client


def _url(route: str, values: dict) -> str:
    return re.sub(r"<([^<>]+)>", lambda m: str(values[m.group(1)]), route)


def _is_login_redirect(response) -> bool:
    # What Flask-Login's "please log in" answer looks like: it carries the page to return to.
    return response.status_code == 302 and response.headers["Location"].startswith("/login?next=")


def _verdict(row: tuple, role: str | None, response) -> str | None:
    """None when the response is what the table promises for this role, else why not."""
    method, route, _, least = row
    api = route.startswith("/api/")
    status = response.status_code
    body = response.get_json(silent=True)
    found = body.get("error") if api and isinstance(body, dict) else None  # a job's own "error" is a string
    error = found.get("code") if isinstance(found, dict) else None
    if least != PUBLIC and role is None:
        if api:
            return None if status == 401 and error == "unauthorized" else f"expected 401 JSON, got {status} {error}"
        return None if _is_login_redirect(response) else f"expected a log-in redirect, got {status}"
    if least != PUBLIC and ROLES.index(role) < ROLES.index(least):
        if api:
            return None if status == 403 and error == "forbidden" else f"expected 403 JSON, got {status} {error}"
        return None if status == 403 else f"expected 403, got {status}"
    if status in (401, 403) or status >= 500 or _is_login_redirect(response):
        return f"expected to be let through, got {status}"
    return None


@pytest.mark.parametrize("role", [None, *ROLES], ids=["anonymous", *ROLES])
def test_each_role_against_every_route(app, world, role):
    shared = _client(app, role)
    values = {**world.values, "token_id": world.settings_tokens[role or "viewer"]}
    problems = []
    for row in _rows(app):
        method, route, body, _ = row
        url = _url(route, values)
        if route.startswith("/api/"):
            headers = {"Authorization": f"Bearer {world.api_tokens[role]}"} if role else {}
            response = shared.open(url, method=method, json=body, headers=headers)
        else:
            client = _client(app, role) if (method, route) in OWN_CLIENT else shared
            response = client.open(url, method=method, data=body)
        problem = _verdict(row, role, response)
        response.close()
        if problem:
            problems.append(f"{method} {url}: {problem}")
    assert problems == []
