"""The address check alone: private ranges are refused without opening any connection."""

from __future__ import annotations

import pytest

from claimtrack.fetch import FetchError, address_refusal, parse_networks
from claimtrack.fetch.guard import checked_address, split_url


@pytest.mark.parametrize(
    "address, kind",
    [
        ("127.0.0.1", "loopback"),
        ("127.9.8.7", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("0.0.0.0", "unspecified"),  # noqa: S104 - checked, never bound
        ("::ffff:10.0.0.1", "private"),
    ],
)
def test_internal_addresses_are_refused(address, kind):
    reason = address_refusal(address)
    assert reason is not None and kind in reason


def test_shared_address_space_is_not_public():
    assert "not a public address" in address_refusal("100.64.1.1")


def test_public_addresses_pass():
    assert address_refusal("8.8.8.8") is None
    assert address_refusal("2001:4860:4860::8888") is None


def test_allow_list_opens_only_its_networks():
    allow = parse_networks("10.20.0.0/16, 192.168.7.7/32")
    assert address_refusal("10.20.3.4", allow) is None
    assert address_refusal("192.168.7.7", allow) is None
    assert address_refusal("10.21.0.1", allow) is not None
    assert address_refusal("192.168.7.8", allow) is not None


def test_allow_list_accepts_a_list_and_rejects_nonsense():
    assert len(parse_networks(["127.0.0.2/32", "fd00::/8"])) == 2
    with pytest.raises(ValueError, match="'not-a-network'"):
        parse_networks("10.0.0.0/8 not-a-network")


@pytest.mark.parametrize(
    "url, kind",
    [
        ("file:///etc/passwd", "bad_scheme"),
        ("ftp://example.org/feed", "bad_scheme"),
        ("gopher://example.org/", "bad_scheme"),
        ("/relative/path", "bad_scheme"),
        ("http://", "bad_url"),
        ("http://user:pw@example.org/", "bad_url"),
        ("http://example.org:99999/", "bad_url"),
    ],
)
def test_only_absolute_http_addresses(url, kind):
    with pytest.raises(FetchError) as err:
        split_url(url)
    assert err.value.kind == kind


def test_one_internal_answer_among_public_ones_is_refused():
    def resolver(host, port):
        return ["8.8.8.8", "10.0.0.5"]

    with pytest.raises(FetchError) as err:
        checked_address("http://mixed.test/", "mixed.test", 80, (), resolver)
    assert err.value.kind == "blocked" and "10.0.0.5" in err.value.reason


def test_the_checked_address_is_the_one_returned():
    assert checked_address("http://pub.test/", "pub.test", 80, (), lambda h, p: ["8.8.4.4"]) == "8.8.4.4"
