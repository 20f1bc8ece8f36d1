"""Settings of webhook delivery."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Seconds between attempts: the first retry within 30 s, then growing, 27 h 36 min in all.
RETRY_SCHEDULE = [10, 60, 300, 1800, 7200, 18000, 36000, 36000]

DEFAULTS: dict[str, Any] = {
    # Seconds before each retry of a failed delivery (a list, or numbers separated by commas).
    "WEBHOOKS_RETRY_SCHEDULE": ",".join(str(s) for s in RETRY_SCHEDULE),
    # Days a subscription may keep failing (deliveries that used up every retry) before it is switched off.
    "WEBHOOKS_DISABLE_AFTER_DAYS": 5,
    # Hours the old secret keeps signing (beside the new one) after a rotation.
    "WEBHOOKS_ROTATION_OVERLAP_HOURS": 24,
    # Seconds a receiver has to answer one attempt.
    "WEBHOOKS_TIMEOUT": 10,
}


@dataclass(frozen=True, slots=True)
class WebhookSettings:
    schedule: tuple[int, ...] = tuple(RETRY_SCHEDULE)
    disable_after_days: float = 5
    overlap_hours: float = 24
    timeout: float = 10

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> WebhookSettings:
        def get(key: str) -> Any:
            return config.get(key, DEFAULTS[key])

        raw = get("WEBHOOKS_RETRY_SCHEDULE")
        items = raw.replace(",", " ").split() if isinstance(raw, str) else list(raw)
        try:
            schedule = tuple(int(float(v)) for v in items)
        except ValueError:
            raise ValueError(f"WEBHOOKS_RETRY_SCHEDULE: {raw!r} is not a list of seconds") from None
        return cls(
            schedule=schedule,
            disable_after_days=float(get("WEBHOOKS_DISABLE_AFTER_DAYS")),
            overlap_hours=float(get("WEBHOOKS_ROTATION_OVERLAP_HOURS")),
            timeout=float(get("WEBHOOKS_TIMEOUT")),
        )
