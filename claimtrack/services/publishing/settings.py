"""Instance settings kept in the database: publisher details, the public base URL and the
default licence, edited by an admin in the browser.

Every app server reads the same rows, so changing a setting on one changes it for all.
A value set in the environment (or the instance config file) wins over the stored one,
so an operator can pin a setting; `effective` layers them and says where each came from.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session, select

from ...errors import ValidationError
from ...models import InstanceSetting, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import require

# Setting key in the database -> configuration name (CLAIMTRACK_<name> in the environment).
PUBLISHER_KEYS = {
    "publisher_name": "PUBLISHER_NAME",
    "publisher_url": "PUBLISHER_URL",
    "publisher_logo_url": "PUBLISHER_LOGO_URL",
    "public_base_url": "PUBLIC_BASE_URL",
    "default_license": "DEFAULT_LICENSE",
}
LABELS = {
    "publisher_name": "Publisher name",
    "publisher_url": "Publisher URL",
    "publisher_logo_url": "Logo URL",
    "public_base_url": "Public base URL",
    "default_license": "Default licence",
}
URL_KEYS = ("publisher_url", "publisher_logo_url", "public_base_url", "default_license")
MAX_NAME = 300
MAX_URL = 2000


@dataclass(frozen=True, slots=True)
class SettingView:
    key: str
    label: str
    config_name: str
    stored: str
    effective: str | None
    source: str  # "environment", "settings", "request" or "unset"


def stored(session: Session) -> dict[str, Any]:
    return {row.key: row.value for row in session.exec(select(InstanceSetting)).all()}


def get(session: Session, key: str) -> Any:
    row = session.get(InstanceSetting, key)
    return row.value if row is not None else None


def put(session: Session, actor: Actor, key: str, value: Any, *, action: str) -> bool:
    """Store one setting and audit the change; False when it already had this value."""
    row = session.get(InstanceSetting, key)
    before = row.value if row is not None else None
    if before == value:
        return False
    if row is None:
        row = InstanceSetting(key=key)
    row.value, row.updated_at, row.updated_by_id = value, utcnow(), actor.user_id
    session.add(row)
    session.flush()
    audit.record(session, actor, action, "setting", None, before={key: before}, after={key: value})
    return True


def _pinned(config: Mapping[str, Any], name: str) -> str | None:
    value = config.get(name)
    return str(value).strip() or None if value is not None else None


def effective(
    session: Session,
    config: Mapping[str, Any],
    *,
    request_base: str | None = None,
    values: Mapping[str, Any] | None = None,
) -> ChainMap:
    """The configuration services should use: environment and config file first, then the
    stored settings, then (for the public base URL only) the address the server is
    reached at. The stored rating scale rides along as `RATING_SCALE`."""
    values = stored(session) if values is None else values
    layer: dict[str, Any] = {}
    for key, name in PUBLISHER_KEYS.items():
        layer[name] = _pinned(config, name) or (str(values.get(key) or "").strip() or None)
    if not layer["PUBLIC_BASE_URL"] and request_base:
        layer["PUBLIC_BASE_URL"] = request_base.rstrip("/")
    if not config.get("RATING_SCALE_PATH") and values.get("rating_scale"):
        from ..review.rating_scale import stored_scale

        layer["RATING_SCALE"] = stored_scale(values["rating_scale"])
    return ChainMap(layer, dict(config))


def describe(session: Session, config: Mapping[str, Any], *, request_base: str | None = None) -> list[SettingView]:
    """Each publisher setting with its stored value, the value in use and where it comes from."""
    values = stored(session)
    out = []
    for key, name in PUBLISHER_KEYS.items():
        pinned = _pinned(config, name)
        saved = str(values.get(key) or "")
        if pinned:
            used, source = pinned, "environment"
        elif saved:
            used, source = saved, "settings"
        elif key == "public_base_url" and request_base:
            used, source = request_base.rstrip("/"), "request"
        else:
            used, source = None, "unset"
        out.append(SettingView(key, LABELS[key], name, saved, used, source))
    return out


def _check_url(key: str, value: str) -> str | None:
    if len(value) > MAX_URL:
        return f"at most {MAX_URL:,} characters"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "a full address starting with https:// or http://"
    if key == "public_base_url" and (parts.query or parts.fragment):
        return "an address without ? or # parts"
    return None


def update_publisher(session: Session, actor: Actor, data: Mapping[str, str]) -> dict[str, str]:
    """Save the publisher settings an admin typed; an empty field clears the stored value
    (the environment, or the default, applies again). Audited per setting changed."""
    require(actor, "admin", "change the publisher settings")
    clean = {key: (data.get(key) or "").strip() for key in PUBLISHER_KEYS}
    errors = {}
    if len(clean["publisher_name"]) > MAX_NAME:
        errors["publisher_name"] = f"at most {MAX_NAME} characters"
    for key in URL_KEYS:
        if clean[key]:
            problem = _check_url(key, clean[key])
            if problem:
                errors[key] = problem
    if errors:
        raise ValidationError("Please correct the publisher settings.", fields=errors)
    clean["public_base_url"] = clean["public_base_url"].rstrip("/")
    for key, value in clean.items():
        put(session, actor, key, value or None, action="settings.publisher")
    return clean
