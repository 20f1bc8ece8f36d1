"""Subscription rules, with the address check alone (nothing is connected to)."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook

from claimtrack.errors import PermissionDenied, ValidationError
from claimtrack.fetch import parse_networks
from claimtrack.fetch.signing import new_secret, sign
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.webhooks.subscriptions import SubscriptionForm, UrlPolicy, add_subscription


def resolver(host, port):
    table = {"hooks.test": ["127.0.0.3"], "inside.test": ["192.168.4.4"], "mixed.test": ["127.0.0.3", "10.0.0.1"]}
    if host not in table:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return table[host]


POLICY = UrlPolicy(parse_networks("127.0.0.0/29"), resolver)
ADMIN = Actor.system("test")


def _add(session, url, events=("article.imported",), actor=ADMIN):
    return add_subscription(session, actor, SubscriptionForm(url=url, events=list(events)), POLICY)


def test_allow_listed_loopback_names_and_addresses_are_accepted(session):
    assert _add(session, "http://hooks.test:8080/in").secret.startswith("whsec_")
    assert _add(session, "https://127.0.0.5/in").id


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.9/in", "127.0.0.9 is a loopback address"),
        ("http://inside.test/in", "192.168.4.4 is a private address"),
        ("http://mixed.test/in", "10.0.0.1 is a private address"),
        ("http://169.254.169.254/latest", "link-local"),
        ("http://nowhere.test/in", "could not be resolved"),
        ("javascript:alert(1)", "only http and https"),
        ("", "give the receiver's address"),
    ],
)
def test_refused_addresses_name_the_problem(session, url, reason):
    with pytest.raises(ValidationError) as info:
        _add(session, url)
    assert reason in info.value.fields["url"]


def test_events_must_be_known_and_at_least_one(session):
    with pytest.raises(ValidationError) as info:
        _add(session, "http://hooks.test/", events=())
    assert info.value.fields["events"] == "choose at least one event"
    with pytest.raises(ValidationError) as info:
        _add(session, "http://hooks.test/", events=("factcheck.eaten",))
    assert "unknown event 'factcheck.eaten'" in info.value.fields["events"]


def test_only_admins_manage_webhooks(session):
    with pytest.raises(PermissionDenied):
        _add(session, "http://hooks.test/", actor=Actor(1, "ed", "editor"))


def test_our_signature_is_the_reference_one():
    secret = new_secret()
    body = '{"type":"article.imported"}'
    assert sign(secret, "msg_1", 1700000000, body) == Webhook(secret).sign(
        "msg_1", datetime.fromtimestamp(1700000000, tz=UTC), body
    )
