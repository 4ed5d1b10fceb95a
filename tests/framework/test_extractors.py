"""Extractors: typed route, query, form and JSON data, each failure a precise status naming the field."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import msgspec
import pytest

from framework.asgi import AsgiApp, Request
from framework.extractors import (
    ExtractionError,
    Form,
    FormError,
    Json,
    JsonError,
    QueryParams,
    QueryParamsError,
    RequestId,
    RouteParams,
    RouteParamsError,
    form,
    form_error_to_response,
    json,
    json_error_to_response,
    query_params,
    query_params_error_to_response,
    request_id,
    route_params,
    route_params_error_to_response,
)
from framework.headers import Headers
from framework.requests import (
    BodySizeLimit,
    BodyTooLargeError,
    BufferedBody,
    RequestBody,
    RequestHead,
    body_too_large_to_response,
    buffer_body,
)
from framework.responses import Response
from framework.routing import RawRouteParams, Router
from framework.testing import TestClient

FORM = "application/x-www-form-urlencoded"


def head(content_type: str | None = None, query: str = "") -> RequestHead:
    headers = [(b"content-type", content_type.encode())] if content_type is not None else []
    return RequestHead("POST", "/", "/", query, headers=Headers(headers))


@dataclass
class Subscribe:
    name: str
    email: str
    topics: list[str] = field(default_factory=list)


class Confirm(msgspec.Struct):
    subscription_token: str


@dataclass
class SubscriberPath:
    id: int
    section: str


# --- route parameters -------------------------------------------------------------------------------


def test_route_params_convert_strings() -> None:
    extracted = route_params(SubscriberPath, RawRouteParams({"id": "42", "section": "a b"}))
    assert isinstance(extracted, RouteParams)
    assert extracted.value == SubscriberPath(42, "a b")


def test_invalid_route_param_is_400_naming_it() -> None:
    with pytest.raises(RouteParamsError) as caught:
        route_params(SubscriberPath, RawRouteParams({"id": "forty-two", "section": "a"}))
    assert caught.value.status_code == 400
    assert caught.value.field == "id"
    response = route_params_error_to_response(caught.value)
    assert (response.status, response.header("content-type")) == (400, "text/plain; charset=utf-8")
    assert (
        response.body
        == b"Invalid route parameters. Invalid value for the field `id`: expected `int`, got `str`."
    )


# --- query parameters -------------------------------------------------------------------------------


def test_query_params() -> None:
    extracted = query_params(Confirm, head(query="subscription_token=abc%2Bdef+g"))
    assert isinstance(extracted, QueryParams)
    assert extracted.value == Confirm("abc+def g")


@pytest.mark.parametrize(
    ("query", "field_name", "body"),
    [
        pytest.param(
            "",
            "subscription_token",
            "Invalid query string. Missing field `subscription_token`.",
            id="missing",
        ),
        pytest.param(
            "subscription_token=a&subscription_token=b",
            "subscription_token",
            "Invalid query string. The field `subscription_token` was given 2 times, but takes a single value.",
            id="repeated",
        ),
        pytest.param(
            "subscription_token=%ff",
            None,
            "Invalid query string. The URL-encoded data is not valid UTF-8.",
            id="invalid-utf8",
        ),
    ],
)
def test_query_params_errors(query: str, field_name: str | None, body: str) -> None:
    with pytest.raises(QueryParamsError) as caught:
        query_params(Confirm, head(query=query))
    assert caught.value.field == field_name
    response = query_params_error_to_response(caught.value)
    assert (response.status, response.body.decode()) == (400, body)


def test_blank_query_value_is_kept() -> None:
    assert query_params(Confirm, head(query="subscription_token=")).value == Confirm("")


# --- forms -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [FORM, f"{FORM}; charset=UTF-8", "Application/X-WWW-Form-Urlencoded", f'{FORM}; charset="utf-8"'],
)
def test_form(content_type: str) -> None:
    body = BufferedBody(b"name=le+guin&email=ursula%40example.com&topics=sf&topics=")
    extracted = form(Subscribe, body, head(content_type))
    assert isinstance(extracted, Form)
    assert extracted.value == Subscribe("le guin", "ursula@example.com", ["sf", ""])


@pytest.mark.parametrize(
    "content_type",
    [
        None,
        "",
        "application/json",
        "multipart/form-data; boundary=x",
        f"{FORM}; charset=latin-1",
        "text/plain",
    ],
)
def test_form_with_another_content_type_is_415(content_type: str | None) -> None:
    with pytest.raises(FormError) as caught:
        form(Subscribe, BufferedBody(b"name=a&email=b"), head(content_type))
    response = form_error_to_response(caught.value)
    assert response.status == 415
    assert response.body == b"Expected a `Content-Type: application/x-www-form-urlencoded` body (UTF-8)."


@pytest.mark.parametrize(
    ("body", "field_name", "message"),
    [
        pytest.param(b"email=a%40b.c", "name", "Invalid form data. Missing field `name`.", id="missing-name"),
        pytest.param(b"name=x", "email", "Invalid form data. Missing field `email`.", id="missing-email"),
        pytest.param(b"", "name", "Invalid form data. Missing field `name`.", id="empty-body"),
        pytest.param(
            b"name=%C3&email=x",
            None,
            "Invalid form data. The URL-encoded data is not valid UTF-8.",
            id="utf8",
        ),
        pytest.param(
            b"name=%zz&email=x",
            None,
            "Invalid form data. Invalid percent-escape: every `%` must be followed by two hexadecimal digits.",
            id="bad-escape",
        ),
    ],
)
def test_form_errors_are_400_naming_the_field(body: bytes, field_name: str | None, message: str) -> None:
    with pytest.raises(FormError) as caught:
        form(Subscribe, BufferedBody(body), head(FORM))
    assert caught.value.field == field_name
    assert caught.value.message == message
    assert form_error_to_response(caught.value).status == 400


def test_blank_form_fields_are_present_not_missing() -> None:
    assert form(Subscribe, BufferedBody(b"name=&email="), head(FORM)).value == Subscribe("", "")


# --- JSON ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/json; charset=utf-8", "application/vnd.api+json"]
)
def test_json(content_type: str) -> None:
    extracted = json(
        Subscribe, BufferedBody(b'{"name": "a", "email": "b", "topics": ["x"]}'), head(content_type)
    )
    assert isinstance(extracted, Json)
    assert extracted.value == Subscribe("a", "b", ["x"])


@pytest.mark.parametrize(
    ("content_type", "body", "status", "field_name", "message"),
    [
        pytest.param(
            None, b"{}", 415, None, "Expected a `Content-Type: application/json` body.", id="no-type"
        ),
        pytest.param(
            "text/json", b"{}", 415, None, "Expected a `Content-Type: application/json` body.", id="text-json"
        ),
        pytest.param(
            "application/json",
            b'{"name": ',
            400,
            None,
            "Malformed JSON body: Input data was truncated.",
            id="truncated",
        ),
        pytest.param(
            "application/json",
            b"\xff",
            400,
            None,
            "Malformed JSON body: JSON is malformed: invalid character (byte 0).",
            id="garbage",
        ),
        pytest.param(
            "application/json",
            b'{"email": "b"}',
            422,
            "name",
            "Invalid JSON body. Missing field `name`.",
            id="missing-field",
        ),
        pytest.param(
            "application/json",
            b'{"name": "a", "email": "b", "topics": [1]}',
            422,
            "topics[0]",
            "Invalid JSON body. Invalid value for the field `topics[0]`: expected `str`, got `int`.",
            id="wrong-type",
        ),
        pytest.param(
            "application/json",
            b"[]",
            422,
            None,
            "Invalid JSON body. Invalid data: expected `object`, got `array`.",
            id="wrong-shape",
        ),
    ],
)
def test_json_errors(
    content_type: str | None, body: bytes, status: int, field_name: str | None, message: str
) -> None:
    with pytest.raises(JsonError) as caught:
        json(Subscribe, BufferedBody(body), head(content_type))
    assert (caught.value.status_code, caught.value.field, caught.value.message) == (
        status,
        field_name,
        message,
    )
    response = json_error_to_response(caught.value)
    assert (response.status, response.body.decode()) == (status, message)


def test_json_numbers_are_not_coerced_from_strings() -> None:
    @dataclass
    class Count:
        n: int

    with pytest.raises(JsonError, match="expected `int`, got `str`"):
        json(Count, BufferedBody(b'{"n": "1"}'), head("application/json"))


def test_extraction_errors_share_a_base() -> None:
    for error_type in (RouteParamsError, QueryParamsError, FormError, JsonError):
        assert issubclass(error_type, ExtractionError)
    assert str(FormError(400, "Nope.", "name")) == "Nope."


def test_request_ids_are_fresh_uuid4s() -> None:
    first, second = request_id(), request_id()
    assert isinstance(first, RequestId)
    assert first != second
    assert first.value.version == 4
    assert str(first) == str(first.value)


# --- through ASGI, wired the way the generated code wires it -----------------------------------------------


async def _subscribe_endpoint(state: None, request: Request) -> Response:
    head = request.head
    try:
        body = await buffer_body(request.body, BodySizeLimit(64))
    except BodyTooLargeError as error:
        return body_too_large_to_response(error)
    try:
        subscribe = form(Subscribe, body, head)
    except FormError as error:
        return form_error_to_response(error)
    return Response.ok(f"{subscribe.value.name} <{subscribe.value.email}>")


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    router = Router()
    router.route("/subscriptions", frozenset({"POST"}), _subscribe_endpoint)
    async with TestClient(AsgiApp(router)) as client:
        yield client


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("kwargs", "status", "body"),
    [
        pytest.param(
            {"data": {"name": "le guin", "email": "u@example.com"}}, 200, "le guin <u@example.com>", id="ok"
        ),
        pytest.param(
            {"data": {"email": "u@example.com"}}, 400, "Invalid form data. Missing field `name`.", id="400"
        ),
        pytest.param({"json": {"name": "a", "email": "b"}}, 415, "Expected a `Content-Type", id="415"),
        pytest.param(
            {"data": {"name": "x" * 100, "email": "b"}},
            413,
            "The request body is larger than the limit of 64 bytes.",
            id="413",
        ),
    ],
)
async def test_form_over_http(client: TestClient, kwargs: dict[str, object], status: int, body: str) -> None:
    response = await client.post("/subscriptions", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status
    assert response.text.startswith(body)
    assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.anyio
async def test_body_read_once_by_buffering() -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"name=a&"
        yield b"email=b"

    body = await buffer_body(RequestBody(chunks()), BodySizeLimit())
    assert form(Subscribe, body, head(FORM)).value == Subscribe("a", "b")
    assert json(dict[str, str], BufferedBody(b'{"a": "b"}'), head("application/json")).value == {"a": "b"}
