"""`Response` and its typed bodies.

A response is a plain value: a status, headers as `(name, value)` pairs (case kept, repeats allowed) and a
body of bytes. The ASGI adapter adds `Content-Length` from the body when it sends the response, so a
buffered response always carries one (also `0`), and a post-processing middleware that replaces the body can
never leave a stale length behind.

Typed bodies (`Text`, `Html`, `JsonBody`, `Bytes`) encode their content and name their content type. The
name `Json` belongs to the request extractor `framework.extractors.Json[T]`, hence `JsonBody` here.

Headers are stored as latin-1 bytes, the form ASGI sends, so that sending needs no per-request encoding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, ClassVar

import msgspec

__all__ = ["Bytes", "Html", "JsonBody", "Response", "Text", "TypedBody"]

_json_encode = msgspec.json.Encoder().encode


class TypedBody:
    """A body that knows its content type. Subclasses set `content_type` and implement `encode()`."""

    __slots__ = ()
    content_type: ClassVar[str] = "application/octet-stream"

    def encode(self) -> bytes:
        raise NotImplementedError

    def media_type(self) -> str:
        return self.content_type


@dataclass(frozen=True, slots=True)
class Text(TypedBody):
    """A `text/plain; charset=utf-8` body."""

    content: str
    content_type: ClassVar[str] = "text/plain; charset=utf-8"

    def encode(self) -> bytes:
        return self.content.encode("utf-8")


@dataclass(frozen=True, slots=True)
class Html(TypedBody):
    """A `text/html; charset=utf-8` body. The content must already be escaped where needed."""

    content: str
    content_type: ClassVar[str] = "text/html; charset=utf-8"

    def encode(self) -> bytes:
        return self.content.encode("utf-8")


@dataclass(frozen=True, slots=True)
class JsonBody(TypedBody):
    """An `application/json` body: any value msgspec can encode (dicts, lists, dataclasses, Structs, ...)."""

    value: Any
    content_type: ClassVar[str] = "application/json"

    def encode(self) -> bytes:
        return _json_encode(self.value)


@dataclass(frozen=True, slots=True)
class Bytes(TypedBody):
    """Raw bytes with an explicit content type."""

    data: bytes
    type: str = "application/octet-stream"

    def encode(self) -> bytes:
        return self.data

    def media_type(self) -> str:
        return self.type


BodyLike = bytes | str | TypedBody


class Response:
    """An HTTP response: `status`, `raw_headers` (latin-1 byte pairs) and `body` (bytes).

    The constructor takes a body as raw bytes, a `str` (sent as `text/plain`), or a `TypedBody` whose content
    type is added as `Content-Type`. Header helpers modify the response in place and return it, so calls
    chain: `Response.ok(Text("hi")).with_header("Cache-Control", "no-store")`.

    Example:
        >>> response = Response.json({"id": 1}, status=201)
        >>> response.status, response.header("content-type"), response.body
        (201, 'application/json', b'{"id":1}')
    """

    __slots__ = ("body", "raw_headers", "status")

    def __init__(
        self, status: int = 200, body: BodyLike = b"", headers: Iterable[tuple[str, str]] = ()
    ) -> None:
        self.status = status
        self.raw_headers: list[tuple[bytes, bytes]] = []
        if headers:
            for name, value in headers:
                self.append_header(name, value)
        if type(body) is bytes:  # the common case, checked first and exactly
            self.body = body
            return
        if isinstance(body, bytes):
            self.body = bytes(body)
            return
        typed = Text(body) if isinstance(body, str) else body
        self.body = typed.encode()
        if self.header("content-type") is None:
            self.raw_headers.append((b"content-type", typed.media_type().encode("latin-1")))

    # -- typed bodies ---------------------------------------------------------------------------------
    @classmethod
    def text(cls, content: str, status: int = 200) -> Response:
        return cls(status, Text(content))

    @classmethod
    def html(cls, content: str, status: int = 200) -> Response:
        return cls(status, Html(content))

    @classmethod
    def json(cls, value: Any, status: int = 200) -> Response:
        return cls(status, JsonBody(value))

    @classmethod
    def binary(
        cls, data: bytes, content_type: str = "application/octet-stream", status: int = 200
    ) -> Response:
        return cls(status, Bytes(data, content_type))

    # -- status shorthands ------------------------------------------------------------------------------
    @classmethod
    def ok(cls, body: BodyLike = b"") -> Response:
        return cls(200, body)

    @classmethod
    def created(cls, body: BodyLike = b"") -> Response:
        return cls(201, body)

    @classmethod
    def no_content(cls) -> Response:
        return cls(204)

    @classmethod
    def see_other(cls, location: str) -> Response:
        """303 See Other: the redirect after a form POST (`location` may be relative)."""
        return cls(303, headers=[("Location", location)])

    @classmethod
    def bad_request(cls, body: BodyLike = b"") -> Response:
        return cls(400, body)

    @classmethod
    def unauthorized(cls, body: BodyLike = b"") -> Response:
        return cls(401, body)

    @classmethod
    def forbidden(cls, body: BodyLike = b"") -> Response:
        return cls(403, body)

    @classmethod
    def not_found(cls, body: BodyLike = b"") -> Response:
        return cls(404, body)

    @classmethod
    def method_not_allowed(cls, allow: Iterable[str]) -> Response:
        """405 with an `Allow` header listing `allow`, sorted and comma-separated."""
        return cls(405, headers=[("Allow", ", ".join(sorted(set(allow))))])

    @classmethod
    def payload_too_large(cls, body: BodyLike = b"") -> Response:
        return cls(413, body)

    @classmethod
    def unsupported_media_type(cls, body: BodyLike = b"") -> Response:
        return cls(415, body)

    @classmethod
    def unprocessable_entity(cls, body: BodyLike = b"") -> Response:
        return cls(422, body)

    @classmethod
    def too_many_requests(cls, body: BodyLike = b"") -> Response:
        return cls(429, body)

    @classmethod
    def internal_server_error(cls) -> Response:
        """A generic 500 that says nothing about the cause."""
        return cls(500, Text("Internal Server Error"))

    # -- headers ----------------------------------------------------------------------------------------
    @property
    def headers(self) -> list[tuple[str, str]]:
        """The headers as `str` pairs, in order (without `Content-Length`, which is added when sending)."""
        return [(name.decode("latin-1"), value.decode("latin-1")) for name, value in self.raw_headers]

    def header(self, name: str) -> str | None:
        """The first value of header `name` (case-insensitive), or None."""
        wanted = name.lower().encode("latin-1")
        for raw_name, raw_value in self.raw_headers:
            if raw_name.lower() == wanted:
                return raw_value.decode("latin-1")
        return None

    def get_all(self, name: str) -> list[str]:
        """Every value of header `name` (case-insensitive), in order."""
        wanted = name.lower().encode("latin-1")
        return [value.decode("latin-1") for raw, value in self.raw_headers if raw.lower() == wanted]

    def with_header(self, name: str, value: str) -> Response:
        """Set `name` to `value`, replacing any previous values of that header."""
        self.remove_header(name)
        return self.append_header(name, value)

    def append_header(self, name: str, value: str) -> Response:
        """Add a `name: value` pair, keeping existing ones (e.g. several `Set-Cookie`)."""
        _check_header(name, value)
        self.raw_headers.append((name.encode("latin-1"), value.encode("latin-1")))
        return self

    def remove_header(self, name: str) -> Response:
        """Drop every value of header `name`."""
        wanted = name.lower().encode("latin-1")
        self.raw_headers = [pair for pair in self.raw_headers if pair[0].lower() != wanted]
        return self

    def with_status(self, status: int) -> Response:
        self.status = status
        return self

    def with_body(self, body: BodyLike) -> Response:
        """Replace the body; a typed body also replaces `Content-Type`."""
        if isinstance(body, bytes):
            self.body = body
            return self
        typed = Text(body) if isinstance(body, str) else body
        self.body = typed.encode()
        return self.with_header("content-type", typed.media_type())

    @property
    def reason(self) -> str:
        """The standard reason phrase of the status ("Not Found"), or "" for unknown codes."""
        try:
            return HTTPStatus(self.status).phrase
        except ValueError:
            return ""

    def __repr__(self) -> str:
        return f"Response(status={self.status}, headers={self.headers!r}, body={self.body[:80]!r})"


def _check_header(name: str, value: str) -> None:
    """Refuse header injection (CR/LF would split the response) and a hand-set `Content-Length`."""
    if not name or any(char in name for char in "\r\n: ") or "\r" in value or "\n" in value:
        msg = f"invalid header {name!r}: {value!r} (names must be non-empty tokens, values may not contain CR or LF)"
        raise ValueError(msg)
    if name.lower() == "content-length":
        msg = "`Content-Length` is computed from the body when the response is sent; don't set it by hand"
        raise ValueError(msg)
