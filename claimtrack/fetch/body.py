"""Reading a response body in bounded pieces: a size limit on the wire and after
decompression, so neither a 200 MB page nor a gzip bomb is ever held whole."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from http.client import HTTPResponse

from .errors import FetchError

CHUNK = 64 * 1024


class _Decoder:
    def __init__(self, encoding: str, url: str) -> None:
        encoding = (encoding or "identity").strip().lower()
        if encoding in ("", "identity"):
            self._z = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()
        else:
            raise FetchError(url, "bad_encoding", f"the server sent content encoded as {encoding!r}, which is not read")
        self.url = url

    def feed(self, data: bytes, room: int) -> bytes:
        """Decoded bytes of ``data``, at most ``room`` + 1 (one more shows the limit is passed)."""
        if self._z is None:
            return data
        try:
            out = self._z.decompress(data, room + 1)
        except zlib.error as exc:
            raise FetchError(self.url, "bad_encoding", f"the compressed body is corrupt ({exc})") from None
        if self._z.unconsumed_tail and len(out) <= room:
            # decompress stops at max_length; what is left over must fit as well.
            more = self._z.decompress(self._z.unconsumed_tail, room + 1 - len(out))
            out += more
        return out

    def flush(self) -> bytes:
        if self._z is None:
            return b""
        try:
            return self._z.flush()
        except zlib.error as exc:
            raise FetchError(self.url, "bad_encoding", f"the compressed body is corrupt ({exc})") from None


def read_body(resp: HTTPResponse, url: str, *, max_bytes: int, check_time: Callable[[], None]) -> bytes:
    """The decoded body, refusing past ``max_bytes`` (raw or decoded)."""
    length = resp.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(url, "too_large", f"the body is {int(length):,} bytes, over the limit of {max_bytes:,}")
    decoder = _Decoder(resp.getheader("Content-Encoding", ""), url)
    raw = 0
    parts: list[bytes] = []
    size = 0
    while True:
        check_time()
        # read1 returns whatever has arrived, so a server that drips bytes cannot hold
        # the loop past the deadline the way a fixed-size read would.
        data = resp.read1(CHUNK)
        if not data:
            check_time()  # a socket shut at the deadline reads as the end of the body
            break
        raw += len(data)
        if raw > max_bytes:
            raise FetchError(url, "too_large", f"the body passed the limit of {max_bytes:,} bytes")
        out = decoder.feed(data, max_bytes - size)
        size += len(out)
        if size > max_bytes:
            raise FetchError(url, "too_large", f"the decompressed body passed the limit of {max_bytes:,} bytes")
        parts.append(out)
    tail = decoder.flush()
    size += len(tail)
    if size > max_bytes:
        raise FetchError(url, "too_large", f"the decompressed body passed the limit of {max_bytes:,} bytes")
    parts.append(tail)
    return b"".join(parts)
