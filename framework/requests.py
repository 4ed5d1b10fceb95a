"""The incoming request as values: `RequestHead` (everything but the body), the body as a one-shot
stream (`RequestBody`), and `BufferedBody`, the whole body read under a size limit.

Nothing here touches ASGI `receive`: `framework.asgi` hands `RequestBody` an async iterator of chunks.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator
from dataclasses import dataclass

from .errors import HTTPError
from .headers import Headers
from .responses import Response

__all__ = [
    "DEFAULT_BODY_SIZE_LIMIT",
    "BodySizeLimit",
    "BodyTooLargeError",
    "BufferedBody",
    "ClientDisconnected",
    "ConnectionInfo",
    "RequestBody",
    "RequestHead",
    "body_too_large_to_response",
    "buffer_body",
    "default_body_size_limit",
]

DEFAULT_BODY_SIZE_LIMIT = 2 * 1024 * 1024
"""2 MiB: the default cap on a buffered request body."""


class RequestHead:
    """Method, target and headers of a request: a plain value built once per request, on demand.

    `path` is percent-decoded (for display and logs); `raw_path` is the target's path as received, still
    percent-encoded, and is what routing uses; `query_string` is the raw query without `?`.

    Example:
        >>> head = RequestHead("GET", "/café", "/caf%C3%A9", "a=1", "1.1", Headers([(b"host", b"x")]))
        >>> head.header("Host"), head.path
        ('x', '/café')
    """

    __slots__ = ("headers", "http_version", "method", "path", "query_string", "raw_path")

    def __init__(
        self,
        method: str,
        path: str,
        raw_path: str,
        query_string: str = "",
        http_version: str = "1.1",
        headers: Headers | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.raw_path = raw_path
        self.query_string = query_string
        self.http_version = http_version
        self.headers = headers if headers is not None else Headers()

    def header(self, name: str) -> str | None:
        """The first value of header `name` (case-insensitive), or None."""
        return self.headers.first(name)

    @property
    def target(self) -> str:
        """The request target as received: raw path plus `?query` when there is one."""
        return f"{self.raw_path}?{self.query_string}" if self.query_string else self.raw_path

    def __repr__(self) -> str:
        return f"RequestHead({self.method} {self.target} HTTP/{self.http_version})"


@dataclass(frozen=True, slots=True)
class ConnectionInfo:
    """The peer of the connection (`client_host`, `client_port`), when the server knows it."""

    client_host: str | None = None
    client_port: int | None = None

    @property
    def peer_addr(self) -> str:
        """`host:port`, or "unknown" when the server did not say."""
        if self.client_host is None:
            return "unknown"
        return self.client_host if self.client_port is None else f"{self.client_host}:{self.client_port}"


class ClientDisconnected(Exception):
    """The client went away while its request body was being read."""


class RequestBody:
    """The raw request body: an async iterator of byte chunks that can be consumed only once.

    `content_length` is the declared `Content-Length`, or None when absent or malformed.
    """

    __slots__ = ("_consumed", "_headers", "_stream")

    def __init__(self, stream: AsyncIterator[bytes], headers: Headers | None = None) -> None:
        self._stream = stream
        self._headers = headers if headers is not None else Headers()
        self._consumed = False

    @property
    def content_length(self) -> int | None:
        value = self._headers.first("content-length")
        if value is None:
            return None
        value = value.strip()
        return int(value) if value.isascii() and value.isdigit() else None

    def __aiter__(self) -> AsyncIterator[bytes]:
        if self._consumed:
            msg = "the request body has already been read; take `BufferedBody` to use it more than once"
            raise RuntimeError(msg)
        self._consumed = True
        return self._stream


@dataclass(frozen=True, slots=True)
class BodySizeLimit:
    """The largest body `buffer_body` accepts, in bytes; `max_bytes=None` disables the check."""

    max_bytes: int | None = DEFAULT_BODY_SIZE_LIMIT

    @classmethod
    def disabled(cls) -> BodySizeLimit:
        return cls(None)


def default_body_size_limit() -> BodySizeLimit:
    """A constructor for the default limit (2 MiB), for blueprints that don't configure one."""
    return BodySizeLimit()


@dataclass(frozen=True, slots=True)
class BufferedBody:
    """The whole request body, read into memory under a `BodySizeLimit`."""

    bytes: builtins.bytes


class BodyTooLargeError(HTTPError):
    """The request body exceeds the `BodySizeLimit`; its default response is 413 Payload Too Large."""

    def __init__(self, max_bytes: int, declared: int | None = None) -> None:
        self.max_bytes = max_bytes
        self.declared = declared
        super().__init__(413, f"The request body is larger than the limit of {max_bytes} bytes.")


def body_too_large_to_response(error: BodyTooLargeError) -> Response:
    """The default error handler for `BodyTooLargeError`: 413 with a short explanation."""
    return error.to_response()


async def buffer_body(body: RequestBody, limit: BodySizeLimit) -> BufferedBody:
    """Read the whole body, refusing early (by `Content-Length`) or midway (by bytes received) past `limit`."""
    max_bytes = limit.max_bytes
    if max_bytes is not None:
        declared = body.content_length
        if declared is not None and declared > max_bytes:
            raise BodyTooLargeError(max_bytes, declared)
    chunks: list[bytes] = []
    size = 0
    async for chunk in body:
        size += len(chunk)
        if max_bytes is not None and size > max_bytes:
            raise BodyTooLargeError(max_bytes)
        chunks.append(chunk)
    return BufferedBody(b"".join(chunks))
