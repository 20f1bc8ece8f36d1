"""Twenty clients editing one claim at once through the real HTTP server: every accepted
write is in the record, every refused one got a 409, and no write is lost silently."""

import json
import threading
import urllib.error
import urllib.request

from sqlmodel import Session, select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import AuditEvent, Claim, User
from claimtrack.services.accounts import tokens
from claimtrack.services.accounts.actors import Actor

from .browser.conftest import LiveServer
from .conftest import EXAMPLE
from .helpers import import_file, make_user

CLIENTS = 20
ROUNDS = 3


def call(url: str, token: str, method: str = "GET", body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_twenty_clients_edit_one_claim(app_config, engine):
    make_user(engine, "rita", "reviewer")
    with session_scope(engine) as s:
        user = s.exec(select(User).where(User.username == "rita")).one()
        _, token = tokens.create_token(s, Actor.system("test"), user, name="load")
    article = import_file(engine, EXAMPLE)
    with Session(engine) as s:
        claim_id = s.exec(select(Claim.id).where(Claim.article_id == article.article_id).order_by(Claim.id)).first()
    server = LiveServer(create_app({**app_config, "TESTING": False})).start()
    url = f"{server.url}/api/v1/claims/{claim_id}"
    outcomes: list[tuple[int, str]] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client(n: int) -> None:
        start.wait()
        for r in range(ROUNDS):
            status, seen = call(url, token)
            assert status == 200, seen
            text = f"Edited by client {n} in round {r}"
            status, _ = call(url, token, "PATCH", {"version": seen["version"], "text": text})
            with lock:
                outcomes.append((status, text))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.stop()

    statuses = [status for status, _ in outcomes]
    assert len(outcomes) == CLIENTS * ROUNDS
    assert set(statuses) <= {200, 409}, statuses
    accepted = [text for status, text in outcomes if status == 200]
    assert accepted, "no write was accepted"
    with Session(engine) as s:
        claim = s.get(Claim, claim_id)
        edits = s.exec(
            select(AuditEvent)
            .where(AuditEvent.entity_id == claim_id, AuditEvent.action == "claim.edit")
            .order_by(AuditEvent.id)
        ).all()
    # Each accepted write bumped the version once and left its own audit record...
    assert claim.version == 1 + len(accepted)
    assert sorted(e.after["text"] for e in edits) == sorted(accepted)
    # ...each built on the text the one before it wrote (nothing overwritten unseen)...
    for earlier, later in zip(edits, edits[1:], strict=False):
        assert later.before["text"] == earlier.after["text"]
    # ...and the claim holds the last one.
    assert claim.text == edits[-1].after["text"]
