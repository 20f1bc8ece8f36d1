"""No page scrolls sideways on a phone: every HTML page the app serves, read from its URL
map (a new page without an entry here fails the test), opened at 390 px by the role
that uses it, with `scrollWidth <= innerWidth`, a screenshot, and no console error."""

from __future__ import annotations

from datetime import timedelta
from ipaddress import ip_network

import pytest
from sqlmodel import select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import Article, Claim, Claimant, ClaimLink
from claimtrack.services.accounts import password_links
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.accounts.users import find_user
from claimtrack.services.demo.load import demo_users, load_demo
from claimtrack.services.monitoring import jobs, sources
from claimtrack.services.webhooks import subscriptions

from .conftest import PHONE, LiveServer
from .pages import Session

pytestmark = pytest.mark.browser
# Not pages: downloads, JSON, and fragments htmx asks for inside a page.
NOT_PAGES = {
    "public.feed",
    "public.claimreview",
    "sources.digest_csv",
    "sources.digest_json",
    "claimants.suggest",
    "exports.download",
    "feeds.datafeed",
    "feeds.json_feed",
    "feeds.atom",
    "static",
}


def _ids(engine) -> dict:
    with session_scope(engine) as s:
        admin = Actor.of(find_user(s, "admin"))
        source = sources.add_source(
            s, admin, sources.SourceForm("https://news.example.org/feed.xml", "Example feed", "Example News")
        )
        job, _ = jobs.submit(s, admin, "fetch", "https://news.example.org/a-long-story-address", {})
        # An IP literal on loopback, allow-listed: nothing is looked up or sent.
        policy = subscriptions.UrlPolicy(allow_networks=(ip_network("127.0.0.0/8"),))
        hook = subscriptions.add_subscription(
            s,
            admin,
            subscriptions.SubscriptionForm("http://127.0.0.3/hook", ["article.imported"], "Newsroom CMS"),
            policy,
        )
        viewer = find_user(s, "viewer")
        secret = password_links.issue(s, admin, viewer, lifetime=timedelta(hours=1))
        published = s.exec(select(Claim.id).where(Claim.status == "published")).first()
        conflict = s.exec(select(ClaimLink.claim_a_id).where(ClaimLink.numeric == "conflict")).first()
        return {
            "article_id": s.exec(select(Article.id).order_by(Article.id)).first(),
            "claim_id": conflict or published,
            "published_id": published,
            "claimant_id": s.exec(select(Claimant.id).order_by(Claimant.id)).first(),
            "source_id": source.id,
            "job_id": job.id,
            "secret": secret,
            "sub_id": hook.id,
        }


def _pages(app, ids: dict) -> list[tuple[str, str, str]]:
    """(endpoint, path, who) for every GET page in the URL map."""
    from flask import url_for

    named = {
        "reports.show": [
            ("overview", "editor"),
            ("claimants", "editor"),
            ("workload", "editor"),
            ("conflicts", "editor"),
        ]
    }
    out = []
    with app.test_request_context():
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if "GET" not in rule.methods or rule.endpoint in NOT_PAGES or rule.rule.startswith("/api"):
                continue
            if rule.endpoint in named:
                out += [(rule.endpoint, url_for(rule.endpoint, name=n), who) for n, who in named[rule.endpoint]]
                continue
            args = {a: ids["published_id"] if rule.endpoint == "public.show" else ids[a] for a in rule.arguments}
            who = (
                "nobody"
                if rule.endpoint in ("auth.login", "password_link.show")
                else "admin"
                if rule.rule.startswith(("/admin", "/sources", "/jobs"))
                else "editor"
            )
            out.append((rule.endpoint, url_for(rule.endpoint, **args), who))
    # each role's own home
    out += [("queue.index", "/", "reviewer"), ("queue.index", "/", "viewer")]
    return out


def test_no_page_scrolls_sideways_at_390px(app_config, engine, shoot, browser):
    load_demo(engine, max_body_chars=2_000_000, workers=1)
    ids = _ids(engine)
    app = create_app({**app_config, "WTF_CSRF_ENABLED": True, "TESTING": False})
    server = LiveServer(app).start()
    logins = {u["username"]: u["password"] for u in demo_users()}
    people: dict[str, Session] = {}
    wide, errors = [], []
    try:
        for _endpoint, path, who in _pages(app, ids):
            if who not in people:
                people[who] = Session(browser, server.url, PHONE)
                if who != "nobody":
                    people[who].log_in(who, logins[who])
            page = people[who].page
            response = page.goto(path)
            assert response.status == 200, f"{path} as {who}: {response.status}"
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1]:
                wide.append(f"{path} ({who}) is {width[0]}px wide in a {width[1]}px window")
            slug = path.strip("/").replace("/", "-") or "home"
            shoot(page, f"phone-{slug[:40]}-{who}")
        for who, person in people.items():
            errors += [f"{who}: {e}" for e in person.errors]
    finally:
        for person in people.values():
            person.close()
        server.stop()
    assert wide == [], "\n".join(wide)
    assert errors == []


def test_the_header_wraps_when_its_counts_are_shown(live_server, demo_logins, browser):
    """An admin's header at 390 px is full to the edge; the unread and queue counts must
    wrap it to another line, never push the page sideways."""
    admin = Session(browser, live_server.url, PHONE)
    try:
        admin.log_in("admin", demo_logins["admin"])
        admin.page.goto("/sources")
        admin.page.evaluate(
            """() => {
                for (const a of document.querySelectorAll('.site-header a')) {
                    if (['Queue', 'Notifications'].includes(a.textContent.trim())) {
                        a.insertAdjacentHTML('beforeend', ' <span class="nav-count">128</span>');
                    }
                }
            }"""
        )
        width = admin.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"the header is {width[0]}px wide in a {width[1]}px window"
    finally:
        admin.close()
