"""Request values: headers, the request head, the one-shot body and buffering under a size limit."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from hypothesis import given, strategies as st

from framework.headers import Headers
from framework.requests import (
    DEFAULT_BODY_SIZE_LIMIT,
    BodySizeLimit,
    BodyTooLargeError,
    ConnectionInfo,
    RequestBody,
    RequestHead,
    body_too_large_to_response,
    buffer_body,
    default_body_size_limit,
)


async def chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


class CountingStream:
    """A body stream that records how many chunks were pulled from it."""

    def __init__(self, parts: list[bytes]) -> None:
        self.parts = parts
        self.pulled = 0

    def __aiter__(self) -> CountingStream:
        return self

    async def __anext__(self) -> bytes:
        if self.pulled == len(self.parts):
            raise StopAsyncIteration
        self.pulled += 1
        return self.parts[self.pulled - 1]


# -- headers ------------------------------------------------------------------------------------------


def test_headers_are_case_insensitive_and_multi_valued() -> None:
    headers = Headers([(b"accept", b"text/html"), (b"x-custom", b"1"), (b"accept", b"application/json")])
    assert headers["ACCEPT"] == "text/html"
    assert headers.get("X-Custom") == "1"
    assert headers.get_all("Accept") == ["text/html", "application/json"]
    assert headers.get_all("missing") == []
    assert "accept" in headers
    assert "missing" not in headers
    not_a_name: object = 42
    assert not_a_name not in headers
    assert sorted(headers) == ["accept", "x-custom"]
    assert len(headers) == 2
    with pytest.raises(KeyError):
        headers["missing"]


def test_headers_tolerate_upper_case_raw_names_and_latin1_values() -> None:
    headers = Headers([(b"Content-Type", b"text/plain"), (b"x-name", "café".encode("latin-1"))])
    assert headers.first("content-type") == "text/plain"
    assert headers["X-Name"] == "café"
    assert headers.multi_items() == [("content-type", "text/plain"), ("x-name", "café")]


def test_headers_accept_asgi_lists_and_generators() -> None:
    assert Headers([[b"a", b"1"]])["a"] == "1"
    assert Headers(pair for pair in [(b"a", b"1")])["A"] == "1"


def test_headers_from_pairs_and_equality() -> None:
    headers = Headers.from_pairs([("Host", "example.com")])
    assert headers.raw == [(b"host", b"example.com")]
    assert headers == Headers([(b"host", b"example.com")])
    assert headers != Headers([(b"host", b"other")])
    assert "example.com" in repr(headers)


def test_headers_lookup_after_indexing_uses_the_index() -> None:
    headers = Headers([(b"a", b"1"), (b"a", b"2")])
    assert list(headers) == ["a"]
    assert headers.first("A") == "1"
    assert headers.first("b") is None


@given(st.lists(st.tuples(st.from_regex(r"[A-Za-z-]{1,10}", fullmatch=True), st.text(max_size=10))))
def test_headers_first_agrees_with_get_all(pairs: list[tuple[str, str]]) -> None:
    encodable = [(name, value) for name, value in pairs if all(ord(c) < 256 for c in value)]
    headers = Headers([(name.encode(), value.encode("latin-1")) for name, value in encodable])
    for name, _ in encodable:
        assert headers.first(name.upper()) == headers.get_all(name)[0]


# -- head, connection ---------------------------------------------------------------------------------


def test_request_head() -> None:
    head = RequestHead("GET", "/café", "/caf%C3%A9", "a=1", "1.1", Headers([(b"user-agent", b"curl")]))
    assert head.header("User-Agent") == "curl"
    assert head.header("missing") is None
    assert head.target == "/caf%C3%A9?a=1"
    assert RequestHead("GET", "/", "/").target == "/"
    assert repr(head) == "RequestHead(GET /caf%C3%A9?a=1 HTTP/1.1)"


def test_connection_info_peer_addr() -> None:
    assert ConnectionInfo("10.0.0.1", 5000).peer_addr == "10.0.0.1:5000"
    assert ConnectionInfo("10.0.0.1").peer_addr == "10.0.0.1"
    assert ConnectionInfo().peer_addr == "unknown"


# -- body ---------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_body_can_be_read_once() -> None:
    body = RequestBody(chunks(b"a", b"b"))
    assert [chunk async for chunk in body] == [b"a", b"b"]
    with pytest.raises(RuntimeError, match="already been read"):
        [chunk async for chunk in body]


@pytest.mark.parametrize(
    ("value", "expected"), [("12", 12), (" 7 ", 7), ("abc", None), ("-1", None), ("²", None), (None, None)]
)
def test_content_length(value: str | None, expected: int | None) -> None:
    headers = Headers([] if value is None else [(b"content-length", value.encode())])
    assert RequestBody(chunks(), headers).content_length == expected


@pytest.mark.anyio
async def test_buffer_body_joins_chunks() -> None:
    buffered = await buffer_body(RequestBody(chunks(b"hello ", b"", b"world")), BodySizeLimit())
    assert buffered.bytes == b"hello world"


@pytest.mark.anyio
async def test_body_exactly_at_the_limit_is_accepted() -> None:
    buffered = await buffer_body(RequestBody(chunks(b"12345")), BodySizeLimit(5))
    assert buffered.bytes == b"12345"


@pytest.mark.anyio
async def test_declared_content_length_over_the_limit_is_refused_before_reading() -> None:
    stream = CountingStream([b"x" * 10])
    body = RequestBody(stream, Headers([(b"content-length", b"10")]))
    with pytest.raises(BodyTooLargeError) as info:
        await buffer_body(body, BodySizeLimit(5))
    assert stream.pulled == 0
    assert info.value.declared == 10
    assert info.value.max_bytes == 5


@pytest.mark.anyio
async def test_streamed_body_over_the_limit_is_refused_midway() -> None:
    stream = CountingStream([b"abc", b"def", b"ghi", b"jkl"])
    with pytest.raises(BodyTooLargeError):
        await buffer_body(RequestBody(stream), BodySizeLimit(5))
    assert stream.pulled == 2


@pytest.mark.anyio
async def test_lying_content_length_does_not_bypass_the_limit() -> None:
    body = RequestBody(chunks(b"x" * 100), Headers([(b"content-length", b"3")]))
    with pytest.raises(BodyTooLargeError):
        await buffer_body(body, BodySizeLimit(10))


@pytest.mark.anyio
async def test_disabled_limit_reads_everything() -> None:
    body = RequestBody(chunks(b"x" * 1000), Headers([(b"content-length", b"1000")]))
    assert len((await buffer_body(body, BodySizeLimit.disabled())).bytes) == 1000


def test_default_limit_is_two_mebibytes() -> None:
    assert default_body_size_limit() == BodySizeLimit() == BodySizeLimit(DEFAULT_BODY_SIZE_LIMIT)
    assert DEFAULT_BODY_SIZE_LIMIT == 2 * 1024 * 1024


def test_body_too_large_default_handler_is_413() -> None:
    response = body_too_large_to_response(BodyTooLargeError(1024))
    assert response.status == 413
    assert b"1024 bytes" in response.body
    assert response.header("content-type") == "text/plain; charset=utf-8"
