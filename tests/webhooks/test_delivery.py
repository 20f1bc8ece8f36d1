"""Webhook deliveries on the real job queue: signed to the Standard Webhooks spec (checked
with the reference `standardwebhooks` verifier), retried until the receiver answers, never
sent twice once delivered, and every attempt in the delivery log."""

from __future__ import annotations

import json
import time

import pytest
from sqlmodel import select
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from claimtrack.database import session_scope
from claimtrack.models import Verdict, WebhookAttempt, WebhookDelivery, WebhookSubscription, utcnow
from claimtrack.services.webhooks import events, subscriptions
from claimtrack.services.webhooks.settings import RETRY_SCHEDULE, WebhookSettings
from tests.fixtures.jobs import drain

from .world import ADMIN, a_claim, publish, subscribe


@pytest.fixture
def app_config(app_config):
    # Retries due at once, so the queue can be drained without waiting.
    return {**app_config, "WEBHOOKS_RETRY_SCHEDULE": "0,0,0"}


def _deliveries(engine):
    with session_scope(engine) as s:
        return s.exec(select(WebhookDelivery).order_by(WebhookDelivery.id)).all()


def _attempts(engine):
    with session_scope(engine) as s:
        return s.exec(select(WebhookAttempt).order_by(WebhookAttempt.id)).all()


def test_a_published_fact_check_reaches_the_receiver_signed(engine, job_queue, receiver):
    claim_id = a_claim(engine)
    _sub_id, secret = subscribe(engine, receiver.url(), ["factcheck.published"])
    verdict_id = publish(engine, claim_id)
    drain(job_queue)
    assert len(receiver.received) == 1
    headers, body, _at = receiver.received[0]
    payload = Webhook(secret).verify(body, headers)
    assert payload["type"] == "factcheck.published" and payload["version"] == 1
    assert payload["data"]["claim_id"] == claim_id and payload["data"]["verdict_id"] == verdict_id
    assert payload["data"]["links"]["claim"] == f"https://factcheck.example.org/api/v1/claims/{claim_id}"
    assert headers["webhook-id"].startswith("msg_") and headers["webhook-signature"].startswith("v1,")
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body.replace(b"published", b"retracted"), headers)
    [row] = _deliveries(engine)
    assert row.state == "delivered" and row.attempts == 1


def test_only_subscribed_events_are_sent(engine, job_queue, receiver):
    claim_id = a_claim(engine)
    subscribe(engine, receiver.url(), ["factcheck.retracted"])
    publish(engine, claim_id)
    drain(job_queue)
    assert receiver.received == [] and _deliveries(engine) == []


def test_a_failing_receiver_gets_the_event_once_after_retries(engine, job_queue, receiver):
    tries = []

    def flaky(headers, body):
        tries.append(headers["webhook-id"])
        return (500, b"down for maintenance") if len(tries) <= 2 else (204, b"")

    receiver.answer = flaky
    subscribe(engine, receiver.url(), ["verdict.submitted", "factcheck.published"])
    publish(engine, a_claim(engine))
    drain(job_queue)
    drain(job_queue)
    ids = [h["webhook-id"] for h, _b, _t in receiver.received]
    assert len(set(ids)) == 2  # submitted, then published: each id on every try
    assert all(r.state == "delivered" for r in _deliveries(engine))
    log = _attempts(engine)
    assert sorted((a.ok, a.status_code) for a in log) == [(False, 500), (False, 500), (True, 204), (True, 204)]
    assert max(a.number for a in log) == 2
    assert "down for maintenance" in log[0].response_excerpt and log[0].latency_ms >= 0
    # The queue hands the same message over again: nothing is sent a second time.
    for row in _deliveries(engine):
        job_queue.webhooks.task(row.id)
    drain(job_queue)
    assert len(receiver.received) == len(tries)


def test_retries_used_up_mark_the_subscription_failing_then_switch_it_off(engine, app, job_queue, receiver):
    receiver.answer = lambda h, b: (503, b"no")
    sub_id, _secret = subscribe(engine, receiver.url(), ["article.imported"])
    a_claim(engine)
    drain(job_queue)
    [row] = _deliveries(engine)
    assert row.state == "failed" and row.attempts == 4  # the first try and three retries
    with session_scope(engine) as s:
        sub = s.get(WebhookSubscription, sub_id)
        assert sub.failing_since is not None and sub.active
        sub.failing_since = sub.failing_since.replace(year=sub.failing_since.year - 1)
    job_queue.webhooks.tick()
    with session_scope(engine) as s:
        sub = s.get(WebhookSubscription, sub_id)
        assert not sub.active and "kept failing for 5 days" in sub.disabled_reason


def test_redeliver_sends_again_with_the_same_id(engine, job_queue, receiver):
    subscribe(engine, receiver.url(), ["article.imported"])
    a_claim(engine)
    drain(job_queue)
    [row] = _deliveries(engine)
    with session_scope(engine) as s:
        subscriptions.redeliver(s, ADMIN, row.id)
    drain(job_queue)
    assert [h["webhook-id"] for h, _b, _t in receiver.received] == [row.msg_id, row.msg_id]
    assert [a.number for a in _attempts(engine)] == [1, 2]


def test_during_a_rotation_both_secrets_sign(engine, job_queue, receiver):
    sub_id, old = subscribe(engine, receiver.url(), ["article.imported"])
    with session_scope(engine) as s:
        new = subscriptions.rotate_secret(s, ADMIN, sub_id, overlap_hours=24).secret
    a_claim(engine)
    drain(job_queue)
    headers, body, _t = receiver.received[0]
    assert len(headers["webhook-signature"].split(" ")) == 2
    assert Webhook(old).verify(body, headers) and Webhook(new).verify(body, headers)
    with session_scope(engine) as s:  # the overlap is over: only the new secret signs
        sub = s.get(WebhookSubscription, sub_id)
        sub.previous_secret_until = utcnow()
        assert subscriptions.signing_secrets(sub) == [new]


@pytest.mark.parametrize(
    "answer, error",
    [
        (lambda h, b: (302, b""), "redirect 302 not followed"),
        (lambda h, b: (200, b"x" * (10 * 1024 * 1024)), "the answer passed"),
        (lambda h, b: None, "the connection failed"),
        (lambda h, b: time.sleep(3) or (200, b"late"), "no answer within 2 s"),
    ],
)
def test_a_bad_receiver_is_a_failed_attempt_and_a_retry(engine, job_queue, receiver, answer, error):
    receiver.answer = answer
    subscribe(engine, receiver.url(), ["article.imported"])
    a_claim(engine)
    [row] = _deliveries(engine)
    assert job_queue.webhooks.attempt(row.id) == "retry"
    [attempt] = _attempts(engine)
    assert not attempt.ok and error in attempt.error
    assert _deliveries(engine)[0].state == "pending"


def test_the_default_schedule_retries_within_30_s_and_for_over_a_day():
    settings = WebhookSettings.from_config({})
    assert settings.schedule == tuple(RETRY_SCHEDULE)
    assert settings.schedule[0] <= 30 and list(settings.schedule) == sorted(settings.schedule)
    assert sum(settings.schedule) >= 24 * 3600


def test_a_rolled_back_change_emits_nothing(engine, receiver):
    subscribe(engine, receiver.url(), ["article.imported"])
    with pytest.raises(RuntimeError), session_scope(engine) as s:
        events.article_imported(s, 1, 0)
        raise RuntimeError("the import failed after all")
    assert _deliveries(engine) == []


def test_payloads_are_small_and_versioned(engine, receiver):
    subscribe(engine, receiver.url(), list(events.EVENT_LABELS))
    with session_scope(engine) as s:
        events.coverage(s, "conflict", 7, 11, 3, 5)
    [row] = _deliveries(engine)
    assert set(row.payload) == {"type", "version", "timestamp", "data"}
    assert row.payload["type"] == "coverage.conflict" and len(json.dumps(row.payload)) < 1000


def test_corrections_and_retractions_are_events_too(engine, receiver):
    from claimtrack.services.review import retraction, verdicts

    from .world import CONFIG, GOOD

    subscribe(engine, receiver.url(), ["factcheck.corrected", "factcheck.retracted", "verdict.submitted"])
    claim_id = a_claim(engine)
    first = publish(engine, claim_id)
    with session_scope(engine) as s:
        version = s.get(Verdict, first).version
        fixed = verdicts.correct(
            s, ADMIN, claim_id, GOOD, verdict_id=first, version=version, note="Port log updated.", config=CONFIG
        )
        fixed_id, fixed_version = fixed.id, fixed.version
    with session_scope(engine) as s:
        retraction.retract(s, ADMIN, claim_id, verdict_id=fixed_id, version=fixed_version, reason="Wrong port.")
    rows = _deliveries(engine)
    assert [r.event_type for r in rows] == ["verdict.submitted", "factcheck.corrected", "factcheck.retracted"]
    assert rows[1].payload["data"]["corrects_verdict_id"] == first
    assert rows[2].payload["data"]["verdict_id"] == fixed_id
