"""A response body written while it is sent, on the request's database session.

Flask pops the request's contexts (and runs the teardown that closes the session) as soon
as the view returns, and pushes them again only while the body is iterated; the session
the body reads from would then reopen a connection that no teardown returns. The body
closes that session itself when it ends, however it ends (finished, failed, or the client
went away)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from flask import Response, stream_with_context

from ..db import get_session


def streamed(chunks: Iterable[bytes], content_type: str) -> Response:
    session = get_session()

    def body() -> Iterator[bytes]:
        try:
            yield from chunks
        finally:
            session.close()

    return Response(stream_with_context(body()), content_type=content_type)
