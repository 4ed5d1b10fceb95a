"""Extractors: request-scoped constructors that turn raw request data into typed values.

Each extractor is a generic class exposing the converted value as `.value`, built by a generic constructor
whose `target: type[T]` parameter receives the concrete class from the generated code:

| extractor          | built from                    | failures                                              |
|--------------------|-------------------------------|-------------------------------------------------------|
| `RouteParams[T]`   | `RawRouteParams`              | 400 invalid parameter                                 |
| `QueryParams[T]`   | `RequestHead` (query string)  | 400 bad encoding, missing/invalid/repeated field      |
| `Form[T]`          | `BufferedBody`, `RequestHead` | 415 not urlencoded; 400 bad encoding or field         |
| `Json[T]`          | `BufferedBody`, `RequestHead` | 415 not JSON; 400 malformed; 422 wrong shape          |

Every failure is an `ExtractionError` subclass (an `HTTPError`: `.status_code` and a client-safe message
naming the field), and every extractor has a default error handler answering `text/plain`. `ApiKit`
registers them all. `RequestId` (a uuid4 per request, echoed as `X-Request-Id` by the logger) lives here too.

Example:
    @dataclass
    class Subscribe:
        name: str
        email: str

    async def subscribe(form: Form[Subscribe]) -> Response:
        return Response.ok(f"Welcome, {form.value.name}!")
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

import msgspec

from . import urlencoded
from .errors import HTTPError
from .requests import BufferedBody, RequestHead
from .responses import Response
from .routing import RawRouteParams

__all__ = [
    "ExtractionError",
    "Form",
    "FormError",
    "Json",
    "JsonError",
    "QueryParams",
    "QueryParamsError",
    "RequestId",
    "RouteParams",
    "RouteParamsError",
    "form",
    "form_error_to_response",
    "json",
    "json_error_to_response",
    "query_params",
    "query_params_error_to_response",
    "request_id",
    "route_params",
    "route_params_error_to_response",
]

T = TypeVar("T")

_FORM_MEDIA_TYPE: Final = "application/x-www-form-urlencoded"
_JSON_DECODERS: dict[Any, msgspec.json.Decoder[Any]] = {}


class ExtractionError(HTTPError):
    """Request data that could not be extracted; `field` names the culprit when there is one."""

    def __init__(self, status_code: int, message: str, field: str | None = None) -> None:
        super().__init__(status_code, message)
        self.field = field

    @property
    def message(self) -> str:
        """The user-facing explanation (also the default response's body)."""
        return self.detail


class RouteParamsError(ExtractionError):
    """A path parameter does not convert to its declared type: 400."""


class QueryParamsError(ExtractionError):
    """The query string is badly encoded, or a field is missing, invalid or repeated: 400."""


class FormError(ExtractionError):
    """Not a urlencoded body (415), or badly encoded, or a field is missing or invalid (400)."""


class JsonError(ExtractionError):
    """Not a JSON body (415), malformed JSON (400), or JSON of the wrong shape (422)."""


class RouteParams(Generic[T]):
    """The matched route's path parameters as a `T` (a dataclass or msgspec.Struct)."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return f"RouteParams({self.value!r})"


class QueryParams(Generic[T]):
    """The query string's fields as a `T` (a dataclass or msgspec.Struct)."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return f"QueryParams({self.value!r})"


class Form(Generic[T]):
    """An `application/x-www-form-urlencoded` body's fields as a `T` (a dataclass or msgspec.Struct)."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return f"Form({self.value!r})"


class Json(Generic[T]):
    """A JSON body decoded as a `T` (typically a dataclass or msgspec.Struct)."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return f"Json({self.value!r})"


def route_params(target: type[T], params: RawRouteParams) -> RouteParams[T]:
    """Convert the path parameters into `target`; `/subscribers/{id}` with `id: int` rejects `/subscribers/x`."""
    try:
        return RouteParams(urlencoded.convert(params, target))
    except urlencoded.FieldError as error:
        raise RouteParamsError(400, f"Invalid route parameters. {error.message}", error.field) from None


def query_params(target: type[T], head: RequestHead) -> QueryParams[T]:
    """Decode the query string and convert it into `target` (blank values kept, `+` is a space)."""
    try:
        return QueryParams(urlencoded.convert(urlencoded.decode(head.query_string), target))
    except urlencoded.DecodeError as error:
        raise QueryParamsError(400, f"Invalid query string. {error}") from None
    except urlencoded.FieldError as error:
        raise QueryParamsError(400, f"Invalid query string. {error.message}", error.field) from None


def _media_type(head: RequestHead) -> tuple[str, dict[str, str]]:
    """The lower-cased `type/subtype` of `Content-Type` and its parameters ("" when absent)."""
    header = head.header("content-type") or ""
    essence, *raw_params = header.split(";")
    params: dict[str, str] = {}
    for raw in raw_params:
        key, _, value = raw.partition("=")
        params[key.strip().lower()] = value.strip().strip('"').lower()
    return essence.strip().lower(), params


def form(target: type[T], body: BufferedBody, head: RequestHead) -> Form[T]:
    """Decode an `application/x-www-form-urlencoded` body (UTF-8) and convert it into `target`."""
    media_type, params = _media_type(head)
    if media_type != _FORM_MEDIA_TYPE or params.get("charset", "utf-8") not in {"utf-8", "utf8"}:
        msg = f"Expected a `Content-Type: {_FORM_MEDIA_TYPE}` body (UTF-8)."
        raise FormError(415, msg)
    try:
        return Form(urlencoded.convert(urlencoded.decode(body.bytes), target))
    except urlencoded.DecodeError as error:
        raise FormError(400, f"Invalid form data. {error}") from None
    except urlencoded.FieldError as error:
        raise FormError(400, f"Invalid form data. {error.message}", error.field) from None


def _is_json(media_type: str) -> bool:
    main, _, sub = media_type.partition("/")
    return main == "application" and (sub == "json" or sub.endswith("+json"))


def _json_decoder(target: Any) -> msgspec.json.Decoder[Any]:
    decoder = _JSON_DECODERS.get(target)
    if decoder is None:
        decoder = _JSON_DECODERS[target] = msgspec.json.Decoder(target)
    return decoder


def json(target: type[T], body: BufferedBody, head: RequestHead) -> Json[T]:
    """Decode an `application/json` (or `+json`) body into `target`, strictly (no string-to-number coercion)."""
    if not _is_json(_media_type(head)[0]):
        msg = "Expected a `Content-Type: application/json` body."
        raise JsonError(415, msg)
    try:
        value: T = _json_decoder(target).decode(body.bytes)
    except msgspec.ValidationError as error:
        problem = urlencoded.field_error(error)
        raise JsonError(422, f"Invalid JSON body. {problem.message}", problem.field or None) from None
    except msgspec.DecodeError as error:
        raise JsonError(400, f"Malformed JSON body: {error}.") from None
    return Json(value)


def route_params_error_to_response(error: RouteParamsError) -> Response:
    """Default error handler: the status and the message as `text/plain`."""
    return error.to_response()


def query_params_error_to_response(error: QueryParamsError) -> Response:
    """Default error handler: the status and the message as `text/plain`."""
    return error.to_response()


def form_error_to_response(error: FormError) -> Response:
    """Default error handler: the status and the message as `text/plain`."""
    return error.to_response()


def json_error_to_response(error: JsonError) -> Response:
    """Default error handler: the status and the message as `text/plain`."""
    return error.to_response()


@dataclass(frozen=True, slots=True)
class RequestId:
    """A random id for one request (uuid4), logged with it and echoed as `X-Request-Id`."""

    value: uuid.UUID

    def __str__(self) -> str:
        return str(self.value)


def request_id() -> RequestId:
    """Request-scoped constructor: a fresh uuid4 for this request."""
    return RequestId(uuid.uuid4())
