"""The request-forgery guard: which addresses a fetch may connect to.

A URL names a host; the host resolves to addresses; every address must be public
(or inside a network an admin allow-listed) before anything connects, and the
connection then goes to the address that was checked, so a second DNS answer cannot
swap in an internal one.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from .errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# host, port -> addresses (strings); tests swap in a table so no lookup leaves the machine.
Resolver = Callable[[str, int], list[str]]

SCHEMES = {"http": 80, "https": 443}


def parse_networks(value: str | Iterable[str] | None) -> tuple[IPNetwork, ...]:
    """CIDRs from a setting: a list, or one string separated by commas or spaces."""
    if not value:
        return ()
    items = value.replace(",", " ").split() if isinstance(value, str) else [str(v) for v in value]
    networks = []
    for item in items:
        try:
            networks.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            raise ValueError(
                f"FETCH_ALLOW_NETWORKS: {item!r} is not a network in CIDR form (e.g. 10.2.0.0/16)"
            ) from None
    return tuple(networks)


def address_refusal(address: str | IPAddress, allow: Iterable[IPNetwork] = ()) -> str | None:
    """Why a fetch may not connect to ``address``, or None when it may."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip.version == net.version and ip in net for net in allow):
        return None
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return f"{ip} is a {kind.replace('_', '-')} address"
    if not ip.is_global:
        # Shared address space (100.64.0.0/10) and other ranges that are neither private
        # nor reachable on the public internet.
        return f"{ip} is not a public address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))  # the address of (address, port, ...)


def split_url(url: str) -> tuple[str, str, int]:
    """Scheme, host and port of an absolute http(s) URL; FetchError otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(url, "bad_url", f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError(
            url, "bad_scheme", f"only http and https addresses can be fetched, not {scheme or 'a relative address'!r}"
        )
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError(url, "bad_url", "the address names no host")
    if parts.username or parts.password:
        raise FetchError(url, "bad_url", "addresses with a user name or password are not fetched")
    return scheme, host, port or SCHEMES[scheme]


def checked_address(url: str, host: str, port: int, allow: Iterable[IPNetwork], resolver: Resolver) -> str:
    """Resolve once and return the address to connect to; every answer must pass."""
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = resolver(host, port)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise FetchError(url, "dns", f"the host {host!r} could not be resolved ({exc})") from None
    if not addresses:
        raise FetchError(url, "dns", f"the host {host!r} has no address")
    allow = tuple(allow)
    for address in addresses:
        reason = address_refusal(address, allow)
        if reason:
            # One internal answer among public ones is refused too: the resolver could
            # hand either to a client that asks again.
            raise FetchError(url, "blocked", f"refused to connect to {host}: {reason} (not in FETCH_ALLOW_NETWORKS)")
    return addresses[0]
