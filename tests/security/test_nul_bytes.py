"""NUL characters in web forms: refused in the form layer with 422 and the form shown
again with a field message (PostgreSQL cannot store NUL, SQLite would keep it), on
every form that takes text, anonymously at /login too. Nothing is written. And when a
statement does fail, the error page still renders (the session is rolled back first)
and no statement parameter, such as a token hash, reaches the log."""

from __future__ import annotations

import logging
from io import BytesIO

import pytest
import sqlalchemy as sa
from sqlmodel import select

from claimtrack.database import error_summary
from claimtrack.db import get_session, session_scope
from claimtrack.http.access import allow
from claimtrack.models import ApiToken, AuditEvent, Claim, LoginAttempt, Source
from claimtrack.services.accounts import tokens
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.publishing import publish as publishing
from claimtrack.services.review import sources, verdicts

from ..conftest import backend
from ..helpers import PASSWORD, login, make_user
from .newsroom import newsroom  # noqa: F401 - fixture

HX = {"HX-Request": "true"}
BAD = "troops\x00withdrawal"
MESSAGE = "must not contain NUL characters"
CONFIG = {"PUBLIC_BASE_URL": "https://factcheck.example.org"}


def _audit_count(engine) -> int:
    with session_scope(engine) as s:
        return s.exec(sa.select(sa.func.count()).select_from(AuditEvent)).one()[0]


def _claim(engine, claim_id: int) -> Claim:
    with session_scope(engine) as s:
        row = s.get(Claim, claim_id)
        s.expunge(row)
        return row


def _panel_forms(engine, room) -> list[tuple[str, str, dict, str]]:
    """(role, path, data, field) for every text field of the claim panel's forms."""
    first, second, third = (_claim(engine, c.id) for c in room.claims[:3])
    rita = Actor(room.users["reviewer"], "reviewer", "reviewer")
    eddie = Actor(room.users["editor"], "editor", "editor")
    data = verdicts.VerdictInput("false", "Wrong.", "Because.")
    with session_scope(engine) as s:
        link = sources.add_source(s, rita, second.id, sources.SourceInput("https://stats.example.org/a", "Figures"))
        fingerprint = sources.fingerprint(link, s.get(Source, link.source_id))
        # The second claim's verdict awaits approval (the return form), the third's is
        # published (the correction form).
        submitted = verdicts.submit(s, rita, second.id, data, verdict_id=None, version=None, config=CONFIG)
        sources.add_source(s, rita, third.id, sources.SourceInput("https://stats.example.org/c", "Figures"))
        row = verdicts.submit(s, rita, third.id, data, verdict_id=None, version=None, config=CONFIG)
        published = publishing.publish(s, eddie, third.id, verdict_id=row.id, version=row.version, config=CONFIG)
    c1, c2, c3 = (f"/claims/{c.id}" for c in (first, second, third))
    span = {"version": first.version, "start": first.start_offset, "end": first.end_offset}
    source = {
        "url": "https://stats.example.org/b",
        "title": "Figures",
        "publisher": "Stats",
        "stance": "supports",
        "excerpt": "An excerpt.",
    }
    verdict_form = {
        "rating": "false",
        "summary": "Wrong.",
        "rationale": "Because.",
        "verdict_id": "",
        "verdict_version": "",
    }
    cases = [
        ("reviewer", f"{c1}/text", {**span, "text": BAD}, "text"),
        ("reviewer", f"{c1}/speaker", {"version": first.version, "speaker": BAD}, "speaker"),
        (
            "reviewer",
            f"{c1}/speaker",
            {"version": first.version, "speaker": "Jane Mayor", "speaker_title": BAD},
            "speaker_title",
        ),
        ("reviewer", f"{c1}/dismiss", {"version": first.version, "reason": BAD}, "reason"),
        ("reviewer", f"{c1}/status", {"version": first.version, "status": "in_review\x00"}, "status"),
        ("reviewer", f"{c1}/assign", {"version": first.version, "assignee": "me\x00"}, "assignee"),
        ("reviewer", f"{c1}/merge", {"version": first.version, "other": f"{second.id}\x00:1"}, "other"),
    ]
    for field in ("summary", "rationale", "rating"):
        cases.append(("reviewer", f"{c1}/verdict", {**verdict_form, field: BAD}, field))
    for field in source:
        cases.append(("reviewer", f"{c2}/sources", {**source, field: source[field] + "\x00"}, field))
    cases.append(("reviewer", f"{c2}/sources/{link.id}", {**source, "title": BAD, "fingerprint": fingerprint}, "title"))
    cases.append(("reviewer", f"{c2}/sources/{link.id}/remove", {"fingerprint": fingerprint + "\x00"}, "fingerprint"))
    cases.append(
        (
            "editor",
            f"{c2}/verdict/return",
            {"comment": BAD, "verdict_id": submitted.id, "verdict_version": submitted.version},
            "comment",
        )
    )
    cases.append(
        (
            "editor",
            f"{c3}/verdict/correct",
            {**verdict_form, "note": BAD, "verdict_id": published.id, "verdict_version": published.version},
            "note",
        )
    )
    return cases


@pytest.mark.parametrize("headers", [HX, {}], ids=["htmx", "plain"])
def test_every_panel_form_refuses_nul_with_a_field_error(engine, newsroom, headers):  # noqa: F811
    cases = _panel_forms(engine, newsroom)
    before = _audit_count(engine)
    for role, path, data, field in cases:
        response = newsroom.clients[role].post(path, data=data, headers=headers)
        body = response.get_data(as_text=True)
        assert response.status_code == 422, (path, field, response.status_code, body[:500])
        assert MESSAGE in body, (path, field)
        assert "\x00" not in body, (path, field)
    assert _audit_count(engine) == before


@pytest.mark.parametrize("field", ["title", "body", "url", "outlet", "byline", "published"])
def test_import_form_refuses_nul(engine, newsroom, field):  # noqa: F811
    data = {
        "title": "Council budget",
        "body": "The mayor said taxes rose 4 percent last year.",
        "url": "https://news.example.org/budget",
        "outlet": "Daily News",
        "byline": "A. Writer",
        "published": "2026-01-05",
    }
    data[field] += "\x00"
    before = _audit_count(engine)
    response = newsroom.clients["reviewer"].post("/articles/import", data=data, headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and MESSAGE in body and 'class="field-error"' in body
    assert 'name="title"' in body  # the form itself, filled in again
    assert _audit_count(engine) == before


def test_uploaded_file_name_with_nul_is_refused(engine, newsroom):  # noqa: F811
    data = {"file": (BytesIO(b"The mayor said taxes rose 4 percent last year."), "budget\x00.txt")}
    response = newsroom.clients["reviewer"].post("/articles/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 422 and MESSAGE in response.get_data(as_text=True)


def test_settings_forms_refuse_nul(engine, newsroom):  # noqa: F811
    client = newsroom.clients["viewer"]
    before = _audit_count(engine)
    response = client.post("/settings/tokens", data={"name": BAD}, headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and f"The name {MESSAGE}." in body and 'id="tokens"' in body
    with session_scope(engine) as s:
        assert s.exec(select(ApiToken)).all() == []
    response = client.post(
        "/settings/password", data={"current_password": PASSWORD, "new_password": BAD * 3, "confirm_password": BAD * 3}
    )
    assert response.status_code == 422 and MESSAGE in response.get_data(as_text=True)
    assert _audit_count(engine) == before
    assert login(newsroom.anonymous, "viewer").status_code == 302  # the password is unchanged


def _attempts(engine) -> int:
    with session_scope(engine) as s:
        return len(s.exec(select(LoginAttempt)).all())


def test_login_refuses_nul_anonymously_with_the_form(engine, newsroom):  # noqa: F811
    before = _attempts(engine)
    response = newsroom.anonymous.post("/login", data={"username": "viewer\x00", "password": PASSWORD})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f"The username {MESSAGE}." in body and 'name="username"' in body and "\x00" not in body
    assert _attempts(engine) == before, "a refused log-in is not recorded (it could not be stored)"
    assert login(newsroom.anonymous, "viewer").status_code == 302


def test_a_failed_statement_still_gets_an_error_page_and_logs_no_parameters(app, engine, caplog):
    """A write that fails in the database (here a token whose hash is taken) reaches the
    unexpected-error page: it must render (the layout reads the signed-in user from the
    failed session), and neither the page nor the log may show the statement's values."""
    make_user(engine, "rita", "reviewer")
    with session_scope(engine) as s:
        from claimtrack.models import User

        user = s.exec(select(User).where(User.username == "rita")).one()
        row, _ = tokens.create_token(s, Actor.system("test"), user, name="laptop")
        taken = row.token_hash

    @allow("viewer")
    def duplicate_token():
        db = get_session()
        db.add(ApiToken(user_id=user.id, name="copy", token_hash=taken))
        db.flush()
        return "unreachable"

    app.add_url_rule("/duplicate-token", "duplicate_token", duplicate_token, methods=["POST"])
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    assert login(client, "rita").status_code == 302
    with caplog.at_level(logging.DEBUG):
        response = client.post("/duplicate-token")
    body = response.get_data(as_text=True)
    assert response.status_code == 500 and "Something went wrong" in body and "error id" in body
    assert "unexpected error" in caplog.text
    assert taken not in caplog.text and taken not in body
    assert client.get("/articles").status_code == 200  # the session and the app carry on


def test_database_errors_carry_no_parameters(engine):
    make_user(engine, "rita", "reviewer")
    with session_scope(engine) as s:
        from claimtrack.models import User

        user = s.exec(select(User).where(User.username == "rita")).one()
        row, _ = tokens.create_token(s, Actor.system("test"), user)
        taken, user_id = row.token_hash, user.id
    with pytest.raises(sa.exc.IntegrityError) as caught, session_scope(engine) as s:
        s.add(ApiToken(user_id=user_id, name="copy", token_hash=taken))
        s.flush()
    message = str(caught.value)
    assert "SQL parameters hidden" in message and "api_tokens" in message  # the statement is still named
    if backend() == "sqlite":
        assert taken not in message
    # PostgreSQL's DETAIL line quotes the duplicate key itself; what is logged is the summary.
    summary = error_summary(caught.value)
    assert taken not in summary and "api_tokens" in summary
