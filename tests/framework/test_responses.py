"""`Response`: typed bodies, status shorthands, header helpers, and Content-Length on the wire."""

from __future__ import annotations

import dataclasses
from typing import Any

import msgspec
import pytest

from framework.asgi import send_response
from framework.responses import Bytes, Html, JsonBody, Response, Text
from framework.types import Message


async def sent(response: Response) -> tuple[int, dict[str, str], bytes]:
    """What `send_response` puts on the wire: status, headers, body."""
    messages: list[Message] = []

    async def send(message: Message) -> None:
        messages.append(message)

    await send_response(response, send)
    start, body = messages
    assert start["type"] == "http.response.start"
    assert body["type"] == "http.response.body"
    headers = {name.decode(): value.decode() for name, value in start["headers"]}
    return start["status"], headers, body["body"]


@dataclasses.dataclass
class Point:
    x: int
    y: int


class Subscriber(msgspec.Struct):
    name: str


def test_typed_bodies_set_content_type() -> None:
    assert Response(200, Text("hé")).body == "hé".encode()
    assert Response(200, Text("x")).header("Content-Type") == "text/plain; charset=utf-8"
    assert Response(200, Html("<p>")).header("content-type") == "text/html; charset=utf-8"
    assert Response(200, JsonBody([1])).header("content-type") == "application/json"
    assert Response(200, Bytes(b"\x00", "image/png")).header("content-type") == "image/png"
    assert Response(200, Bytes(b"\x00")).header("content-type") == "application/octet-stream"
    assert Response(200, "plain").header("content-type") == "text/plain; charset=utf-8"
    assert Response(200, b"raw").header("content-type") is None


def test_explicit_content_type_wins_over_the_typed_body() -> None:
    response = Response(200, Text("x"), [("Content-Type", "text/csv")])
    assert response.get_all("content-type") == ["text/csv"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"a": 1, "b": [True, None]}, b'{"a":1,"b":[true,null]}'),
        (Point(1, 2), b'{"x":1,"y":2}'),
        (Subscriber("ursula"), b'{"name":"ursula"}'),
        ("é", '"é"'.encode()),
    ],
)
def test_json_encodes_with_msgspec(value: Any, expected: bytes) -> None:
    response = Response.json(value, status=201)
    assert (response.status, response.body) == (201, expected)


def test_constructors() -> None:
    assert Response.text("hi").body == b"hi"
    assert Response.html("<b>", status=404).status == 404
    binary = Response.binary(b"\x89PNG", "image/png")
    assert (binary.body, binary.header("content-type")) == (b"\x89PNG", "image/png")


@pytest.mark.parametrize(
    ("response", "status"),
    [
        (Response.ok(), 200),
        (Response.created(), 201),
        (Response.no_content(), 204),
        (Response.see_other("/login"), 303),
        (Response.bad_request("name is missing"), 400),
        (Response.unauthorized(), 401),
        (Response.forbidden(), 403),
        (Response.not_found(), 404),
        (Response.method_not_allowed(["GET"]), 405),
        (Response.payload_too_large(), 413),
        (Response.unsupported_media_type(), 415),
        (Response.unprocessable_entity(), 422),
        (Response.too_many_requests(), 429),
        (Response.internal_server_error(), 500),
    ],
)
def test_status_shorthands(response: Response, status: int) -> None:
    assert response.status == status
    assert response.reason


def test_see_other_and_method_not_allowed_headers() -> None:
    assert Response.see_other("/admin/dashboard").header("location") == "/admin/dashboard"
    assert Response.method_not_allowed(["POST", "GET", "POST"]).header("Allow") == "GET, POST"


def test_internal_server_error_is_generic() -> None:
    assert Response.internal_server_error().body == b"Internal Server Error"


def test_header_helpers_keep_case_and_repeats() -> None:
    response = Response.ok().append_header("Set-Cookie", "a=1").append_header("set-cookie", "b=2")
    assert response.get_all("SET-COOKIE") == ["a=1", "b=2"]
    assert response.headers == [("Set-Cookie", "a=1"), ("set-cookie", "b=2")]
    response.with_header("Set-Cookie", "c=3")
    assert response.headers == [("Set-Cookie", "c=3")]
    assert response.remove_header("set-cookie").headers == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("X-Bad", "a\r\nSet-Cookie: evil=1"),
        ("X\nBad", "v"),
        ("", "v"),
        ("Bad Name", "v"),
        ("Content-Length", "3"),
    ],
)
def test_header_injection_and_manual_content_length_are_refused(name: str, value: str) -> None:
    with pytest.raises(ValueError, match=r"invalid header|Content-Length"):
        Response.ok().append_header(name, value)


def test_with_body_and_status() -> None:
    response = Response.not_found().with_body(Html("<p>gone</p>")).with_status(410)
    assert (response.status, response.body) == (410, b"<p>gone</p>")
    assert response.get_all("content-type") == ["text/html; charset=utf-8"]
    assert Response.ok().with_body(b"raw").body == b"raw"
    assert Response.ok().with_body("txt").header("content-type") == "text/plain; charset=utf-8"


def test_unknown_status_has_empty_reason() -> None:
    assert Response(599).reason == ""
    assert "599" in repr(Response(599))


@pytest.mark.anyio
@pytest.mark.parametrize(
    "response",
    [
        Response.ok(),
        Response.no_content(),
        Response.see_other("/"),
        Response.text("héllo"),
        Response.json({}),
    ],
)
async def test_content_length_is_always_sent(response: Response) -> None:
    status, headers, body = await sent(response)
    assert headers["content-length"] == str(len(body))
    assert status == response.status


@pytest.mark.anyio
async def test_content_length_follows_a_replaced_body() -> None:
    response = Response.text("short")
    response.body = b"a much longer body"
    assert (await sent(response))[1]["content-length"] == "18"
