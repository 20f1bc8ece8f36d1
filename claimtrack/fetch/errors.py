"""What goes wrong when fetching, with a short kind a caller can act on."""

from __future__ import annotations


class FetchError(Exception):
    """A fetch that did not give a usable answer.

    ``kind`` is one of: bad_url, bad_scheme, dns, blocked, connect, timeout, too_large,
    bad_encoding, redirects, robots, retry_later, http_status.
    """

    def __init__(
        self, url: str, kind: str, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.kind = kind
        self.reason = message
        self.status = status
        self.retry_after = retry_after

    def __reduce__(self):  # keeps keyword arguments across processes and queues
        return (_rebuild, (self.url, self.kind, self.reason, self.status, self.retry_after))


def _rebuild(url: str, kind: str, reason: str, status: int | None, retry_after: float | None) -> FetchError:
    return FetchError(url, kind, reason, status=status, retry_after=retry_after)
