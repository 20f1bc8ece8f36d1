"""Who may do what: every route against every role, checked on the server.

Each row names the least role allowed. Anonymous users are sent to log in; a role
below the row's gets 403; a role at or above it is let through (the answer may still
be a validation error or a conflict, but never a refusal and never a crash)."""
import pytest

from claimtrack.web.access import ROLE_ORDER

from .conftest import HX

# (name, method, url, form data, least role)
ACTIONS = [
    ("queue", "GET", "/", None, "viewer"),
    ("has this been checked", "GET", "/checked?text=troops+in+Iraq", None, "viewer"),
    ("article list", "GET", "/articles", None, "viewer"),
    ("article page", "GET", "/articles/{article}", None, "viewer"),
    ("claim page", "GET", "/claims/{claim}", None, "viewer"),
    ("claimant list", "GET", "/claimants", None, "viewer"),
    ("claimant page", "GET", "/claimants/1", None, "viewer"),
    ("speaker suggestions", "GET", "/claimants/suggest?speaker=ab", None, "viewer"),
    ("import form", "GET", "/articles/import", None, "reviewer"),
    ("import", "POST", "/articles/import", {"title": "T", "body": "The mayor said 40 percent agreed."}, "reviewer"),
    ("add claim", "POST", "/articles/{article}/claims", {"start": "0", "end": "20"}, "reviewer"),
    ("edit text", "POST", "/claims/{claim}/text", {"version": "1", "text": "x", "start": "0", "end": "4"}, "reviewer"),
    ("speaker", "POST", "/claims/{claim}/speaker", {"version": "1", "speaker": "Someone"}, "reviewer"),
    ("assign", "POST", "/claims/{claim}/assign", {"version": "1", "assignee": "me"}, "reviewer"),
    ("status", "POST", "/claims/{claim}/status", {"version": "1", "status": "in_review"}, "reviewer"),
    ("dismiss", "POST", "/claims/{claim}/dismiss", {"version": "1", "reason": "not a claim"}, "reviewer"),
    ("split", "POST", "/claims/{claim}/split", {"version": "1", "at": "1"}, "reviewer"),
    ("merge", "POST", "/claims/{claim}/merge", {"version": "1", "other": "1:1"}, "reviewer"),
    ("add source", "POST", "/claims/{claim}/sources", {"url": "https://example.org/a"}, "reviewer"),
    ("edit source", "POST", "/claims/{claim}/sources/1", {"url": "https://example.org/b", "fingerprint": "x"}, "reviewer"),
    ("remove source", "POST", "/claims/{claim}/sources/1/remove", {"fingerprint": "x"}, "reviewer"),
    ("save verdict", "POST", "/claims/{claim}/verdict", {"rating": "false", "action": "save"}, "reviewer"),
    ("reuse verdict", "POST", "/claims/{claim}/verdict/reuse", {"link_id": "1"}, "reviewer"),
    ("approve", "POST", "/claims/{claim}/verdict/approve", {"verdict_id": "1", "verdict_version": "1"}, "editor"),
    ("return", "POST", "/claims/{claim}/verdict/return", {"verdict_id": "1", "verdict_version": "1", "comment": "c"}, "editor"),
    ("correct", "POST", "/claims/{claim}/verdict/correct", {"verdict_id": "1", "verdict_version": "1", "note": "n"}, "editor"),
    ("merge claimants", "POST", "/claimants/1/merge", {"duplicate": "2"}, "editor"),
]

# Registered when the matching service is installed.
RELATED = [
    ("related claims", "GET", "/claims/{claim}/related", None, "viewer"),
    ("decide link", "POST", "/claims/{claim}/related/1", {"state": "confirmed"}, "reviewer"),
]


def _actions(app):  # noqa: ANN001, ANN202
    return ACTIONS + (RELATED if "related.panel" in app.view_functions else [])


def _call(client, method, url, data):  # noqa: ANN001, ANN202
    return client.get(url, headers=HX) if method == "GET" else client.post(url, data=data, headers=HX)


@pytest.mark.parametrize("role", [None, *ROLE_ORDER], ids=["anonymous", *ROLE_ORDER])
def test_role_by_action(app, as_role, article, troops, role):
    client = as_role(role)
    outcomes = {}
    for name, method, url, data, least in _actions(app):
        response = _call(client, method, url.format(article=article.article_id, claim=troops), data)
        outcomes[name] = response.status_code
        if role is None:
            assert response.status_code == 302 and "/login" in response.headers["Location"], name
        elif ROLE_ORDER.index(role) < ROLE_ORDER.index(least):
            assert response.status_code == 403, (name, response.status_code)
        else:
            assert response.status_code not in (302, 401, 403) and response.status_code < 500, (name, response.status_code)
    assert len(outcomes) == len(_actions(app))


# Blueprints of the reviewers' workspace.
WORKSPACE = {"queue", "articles", "claims", "review", "claimants", "related"}


def test_every_route_is_in_the_table(app):
    covered = {url.split("?")[0].replace("{article}", "<int:article_id>").replace("{claim}", "<int:claim_id>")
               for _, _, url, _, _ in _actions(app)}
    ignored = {"/static/<path:filename>", "/login", "/logout"}
    for rule in app.url_map.iter_rules():
        path = rule.rule.replace("/claimants/1", "/claimants/<int:claimant_id>")
        known = {c.replace("/claimants/1", "/claimants/<int:claimant_id>").replace("/sources/1", "/sources/<int:link_id>")
                 .replace("/related/1", "/related/<int:link_id>") for c in covered}
        if rule.rule in ignored or rule.endpoint.split(".")[0] not in WORKSPACE:
            continue
        assert path in known, f"{rule.rule} ({rule.endpoint}) has no row in the permission table"


def test_viewers_see_no_editing_controls(as_role, troops, article):
    page = as_role("viewer").get(f"/claims/{troops}").get_data(as_text=True)
    panel = page.split(f'id="claim-{troops}"', 1)[1]
    assert "<form" not in panel and 'id="add-claim"' not in page
    editor_page = as_role("editor").get(f"/claims/{troops}").get_data(as_text=True)
    assert 'id="add-claim"' in editor_page and "Save draft" in editor_page
