"""The fetch client's limits, read from the application's settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from .guard import IPNetwork, parse_networks

DEFAULTS: dict[str, Any] = {
    # CIDRs a fetch may reach although they are private or loopback (empty: none).
    "FETCH_ALLOW_NETWORKS": "",
    # Seconds to connect, to wait for any byte, and for the whole exchange.
    "FETCH_CONNECT_TIMEOUT": 10,
    "FETCH_READ_TIMEOUT": 20,
    "FETCH_TOTAL_TIMEOUT": 60,
    # Largest body accepted, on the wire and once decompressed, in bytes.
    "FETCH_MAX_BYTES": 10 * 1024 * 1024,
    # Seconds between two requests to one host (one at a time per host).
    "FETCH_HOST_DELAY": 1.0,
    # Read robots.txt before fetching from a host, and keep it this many seconds.
    "FETCH_OBEY_ROBOTS": True,
    "FETCH_ROBOTS_TTL": 3600,
}

MAX_REDIRECTS = 5


def _version() -> str:
    try:
        return metadata.version("claimtrack")
    except metadata.PackageNotFoundError:
        return "dev"


__version__ = _version()


@dataclass(frozen=True, slots=True)
class FetchSettings:
    allow_networks: tuple[IPNetwork, ...] = ()
    connect_timeout: float = 10
    read_timeout: float = 20
    total_timeout: float = 60
    max_bytes: int = 10 * 1024 * 1024
    host_delay: float = 1.0
    obey_robots: bool = True
    robots_ttl: float = 3600
    user_agent: str = field(default=f"claimtrack/{__version__}")

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> FetchSettings:
        def get(key: str) -> Any:
            return config.get(key, DEFAULTS[key])

        base = config.get("PUBLIC_BASE_URL")
        agent = f"claimtrack/{__version__} (+{base})" if base else f"claimtrack/{__version__}"
        return cls(
            allow_networks=parse_networks(get("FETCH_ALLOW_NETWORKS")),
            connect_timeout=float(get("FETCH_CONNECT_TIMEOUT")),
            read_timeout=float(get("FETCH_READ_TIMEOUT")),
            total_timeout=float(get("FETCH_TOTAL_TIMEOUT")),
            max_bytes=int(get("FETCH_MAX_BYTES")),
            host_delay=float(get("FETCH_HOST_DELAY")),
            obey_robots=_flag(get("FETCH_OBEY_ROBOTS")),
            robots_ttl=float(get("FETCH_ROBOTS_TTL")),
            user_agent=agent,
        )


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in ("0", "false", "no", "off", "")
    return bool(value)
