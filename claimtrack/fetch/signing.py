"""Standard Webhooks 1.0 signatures (https://www.standardwebhooks.com).

A secret is `whsec_` + base64 of random bytes. Each attempt is signed over
`{webhook-id}.{webhook-timestamp}.{body}` with HMAC-SHA256; the header carries
`v1,<base64>` per secret, space-separated, so a receiver can verify with either the
old or the new secret while a rotation overlaps.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

PREFIX = "whsec_"
SECRET_BYTES = 32


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def _key(secret: str) -> bytes:
    raw = secret[len(PREFIX) :] if secret.startswith(PREFIX) else secret
    return base64.b64decode(raw + "==")


def sign(secret: str, msg_id: str, timestamp: int, body: str | bytes) -> str:
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    mac = hmac.new(_key(secret), f"{msg_id}.{timestamp}.".encode() + data, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode("ascii")


def headers(secrets_: list[str], msg_id: str, timestamp: int, body: str | bytes) -> dict[str, str]:
    """The three Standard Webhooks headers, one signature per live secret."""
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(sign(s, msg_id, timestamp, body) for s in secrets_),
    }
