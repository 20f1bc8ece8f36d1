"""HTTP connections that dial an address chosen (and checked) beforehand.

The Host header, TLS server name and certificate check still use the host name, so
virtual hosts and HTTPS work as usual; only the DNS lookup is taken out of the
connection's hands.
"""

from __future__ import annotations

import http.client
import socket
import ssl


class PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, *, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(
        self, host: str, port: int, address: str, *, timeout: float, context: ssl.SSLContext | None = None
    ) -> None:
        self._ctx = context or ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._ctx)
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._ctx.wrap_socket(sock, server_hostname=self.host)


def open_connection(
    scheme: str, host: str, port: int, address: str, *, timeout: float, context: ssl.SSLContext | None = None
) -> http.client.HTTPConnection:
    if scheme == "https":
        return PinnedHTTPSConnection(host, port, address, timeout=timeout, context=context)
    return PinnedHTTPConnection(host, port, address, timeout=timeout)
