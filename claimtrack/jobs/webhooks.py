"""Webhook deliveries on the job engine: one Huey task per attempt, "attempt delivery N".

Deliveries are queued the moment the transaction that emitted them commits (see
services/webhooks/outbox.py), so the first attempt waits only for a free worker. A
failed attempt schedules the next on Huey at the time the delivery row says; the
minute tick sweeps up any delivery whose task went missing.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from huey.api import Huey
from sqlmodel import Session

from ..fetch import FetchSettings
from ..fetch.post import PostSettings, post
from ..fetch.signing import headers as signed_headers
from ..services.webhooks import delivery
from ..services.webhooks.settings import WebhookSettings
from ..services.webhooks.subscriptions import UrlPolicy

log = logging.getLogger("claimtrack.webhooks")


def url_policy(app: Any) -> UrlPolicy:
    """The fetch guard's allow-list; tests swap in a resolver that never leaves the machine."""
    return UrlPolicy(FetchSettings.from_config(app.config).allow_networks, app.extensions.get("claimtrack.resolver"))


class WebhookTasks:
    def __init__(self, app: Any, huey: Huey, engine_of) -> None:
        self.app = app
        self.huey = huey
        self._engine_of = engine_of
        self.settings = WebhookSettings.from_config(app.config)
        fetch = FetchSettings.from_config(app.config)
        self.post_settings = PostSettings(
            allow_networks=fetch.allow_networks,
            timeout=self.settings.timeout,
            user_agent=fetch.user_agent + " webhooks",
        )

        @huey.task(name="deliver_webhook")
        def deliver_webhook(delivery_id: int) -> None:
            self.attempt(delivery_id)

        self.task = deliver_webhook

    @property
    def engine(self):
        return self._engine_of()

    def dispatch(self, delivery_ids: list[int]) -> None:
        for delivery_id in delivery_ids:
            try:
                self.task(delivery_id)
            except Exception as exc:
                log.warning("could not queue webhook delivery %s: %s", delivery_id, exc)

    def attempt(self, delivery_id: int) -> str:
        """One attempt at a delivery; what happened ("skipped", "delivered", "retry", "failed")."""
        claimed = delivery.claim(self.engine, delivery_id, dict(self.app.config), self.settings)
        if claimed is None:
            return "skipped"  # delivered already, not due, or taken by another worker
        stamp = int(datetime.datetime.now(datetime.UTC).timestamp())
        body = claimed.body.encode("utf-8")
        result = post(
            claimed.url,
            body,
            signed_headers(claimed.secrets, claimed.msg_id, stamp, body),
            self.post_settings,
            resolver=self.app.extensions.get("claimtrack.resolver"),
        )
        wait = delivery.record(self.engine, claimed, result, self.settings)
        if result.ok:
            return "delivered"
        if wait is None:
            return "failed"
        self.task.schedule((delivery_id,), delay=wait)
        return "retry"

    def tick(self) -> list[int]:
        with Session(self.engine) as session:
            ids = delivery.sweep(session, self.settings)
            session.commit()
        self.dispatch(ids)
        return ids
