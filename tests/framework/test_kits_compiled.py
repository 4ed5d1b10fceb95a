"""End to end: a blueprint using every kit type compiles, and its generated module serves requests.

The components below are module-level so that the generated code can import them from this module.
"""

from __future__ import annotations

import json
import logging
import sys
import types
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

import framework.telemetry
from blueprint import GET, POST, Blueprint
from codegen import compile_blueprint
from framework import Response
from framework.cookies import RequestCookies, ResponseCookies
from framework.extractors import Form, Json, QueryParams, RequestId, RouteParams
from framework.kits import ApiKit, SessionKit
from framework.requests import BufferedBody
from framework.sessions import InMemorySessionStore, Session, SessionConfig, SessionStore
from framework.telemetry import RootSpan, configure_logging
from framework.testing import TestClient

pytestmark = pytest.mark.anyio


@dataclass
class Subscriber:
    name: str
    email: str


@dataclass
class ItemPath:
    id: int


@dataclass
class ItemQuery:
    token: str


def session_store() -> SessionStore:
    return InMemorySessionStore()


def session_config() -> SessionConfig:
    return SessionConfig(secure=False)


async def subscribe(form: Form[Subscriber], cookies: ResponseCookies, session: Session) -> Response:
    cookies.set("last", form.value.name)
    await session.cycle_id()
    await session.insert("name", form.value.name)
    return Response.ok(f"Welcome, {form.value.name}!")


def item(
    params: RouteParams[ItemPath],
    query: QueryParams[ItemQuery],
    request_id: RequestId,
    span: RootSpan,
    cookies: RequestCookies,
) -> Response:
    span.record("item_id", params.value.id)
    return Response.ok(f"{params.value.id} {query.value.token} {cookies.get('last')} {request_id}")


def echo(body: Json[Subscriber], raw: BufferedBody) -> Response:
    return Response.json({"name": body.value.name, "bytes": len(raw.bytes)})


async def whoami(session: Session) -> Response:
    return Response.ok(str(await session.get("name", str)))


def blueprint() -> Blueprint:
    bp = Blueprint()
    ApiKit().register(bp)
    bp.singleton(session_store)
    bp.singleton(session_config)
    bp.wrap(framework.telemetry.logger)
    bp.error_observer(framework.telemetry.log_error)
    SessionKit().register(bp)
    bp.route(POST, "/subscriptions", subscribe)
    bp.route(GET, "/items/{id}", item)
    bp.route(POST, "/echo", echo)
    bp.route(GET, "/whoami", whoami)
    return bp


@pytest.fixture(scope="module")
def sdk() -> Iterator[types.ModuleType]:
    compiled = compile_blueprint(blueprint(), reference=f"{__name__}:blueprint", output="kit_sdk.py")
    assert compiled.warnings == ()  # the kits' unused constructors (Json here is used, others) stay quiet
    module = types.ModuleType("kit_sdk")
    sys.modules["kit_sdk"] = module  # dataclasses look their module up while building ApplicationState
    try:
        exec(compile(compiled.source, "kit_sdk.py", "exec"), module.__dict__)
        yield module
    finally:
        del sys.modules["kit_sdk"]


@pytest.fixture
async def client(sdk: types.ModuleType) -> AsyncIterator[TestClient]:
    async with TestClient(sdk.asgi_app_with_lifespan()) as client:
        yield client


@pytest.fixture
def log_lines(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    monkeypatch.setattr(logging.getLogger("httpx"), "level", logging.WARNING)
    configure_logging("info")

    def read() -> list[dict[str, Any]]:
        return [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    yield read
    root.handlers[:] = handlers
    root.setLevel(level)


async def test_forms_cookies_and_sessions(client: TestClient) -> None:
    response = await client.post("/subscriptions", data={"name": "le guin", "email": "u@example.com"})
    assert (response.status_code, response.text) == (200, "Welcome, le guin!")
    set_cookies = response.headers.get_list("set-cookie")
    assert "last=le%20guin; Path=/" in set_cookies
    assert any(c.startswith("session_id=") and "HttpOnly; SameSite=Lax" in c for c in set_cookies)
    response = await client.get("/whoami")
    assert response.text == "le guin"


async def test_route_and_query_params(client: TestClient) -> None:
    client.cookies.set("last", "x%20y")
    response = await client.get("/items/42", params={"token": "a+b"})
    assert response.status_code == 200
    assert response.text == f"42 a+b x y {response.headers['x-request-id']}"


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "body"),
    [
        pytest.param(
            "GET",
            "/items/x?token=a",
            {},
            400,
            "Invalid route parameters. Invalid value for the field `id`: expected `int`, got `str`.",
            id="route-400",
        ),
        pytest.param(
            "GET", "/items/1", {}, 400, "Invalid query string. Missing field `token`.", id="query-400"
        ),
        pytest.param(
            "POST",
            "/subscriptions",
            {"data": {"name": "x"}},
            400,
            "Invalid form data. Missing field `email`.",
            id="form-400",
        ),
        pytest.param(
            "POST",
            "/subscriptions",
            {"json": {}},
            415,
            "Expected a `Content-Type: application/x-www-form-urlencoded` body (UTF-8).",
            id="form-415",
        ),
        pytest.param(
            "POST",
            "/echo",
            {"content": b"{", "headers": {"content-type": "application/json"}},
            400,
            "Malformed JSON body: Input data was truncated.",
            id="json-400",
        ),
        pytest.param(
            "POST",
            "/echo",
            {"json": {"name": "x"}},
            422,
            "Invalid JSON body. Missing field `email`.",
            id="json-422",
        ),
        pytest.param(
            "POST",
            "/echo",
            {"data": {"name": "x"}},
            415,
            "Expected a `Content-Type: application/json` body.",
            id="json-415",
        ),
    ],
)
async def test_extraction_errors_over_http(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int, body: str
) -> None:
    response = await client.request(method, path, **kwargs)
    assert (response.status_code, response.text) == (status, body)
    assert response.headers["content-type"] == "text/plain; charset=utf-8"


async def test_json(client: TestClient) -> None:
    response = await client.post("/echo", json={"name": "a", "email": "b"})
    assert response.json() == {"name": "a", "bytes": len(b'{"name":"a","email":"b"}')}


async def test_one_log_line_per_request_with_errors_once(client: TestClient, log_lines: Any) -> None:
    await client.get("/items/7", params={"token": "t"})
    await client.post("/echo", json={"name": "x"})
    await client.get("/nowhere")
    ok, invalid, missing = log_lines()
    assert (ok["http.route"], ok["http.status_code"], ok["item_id"]) == ("/items/{id}", 200, 7)
    assert (invalid["http.status_code"], invalid["error.msg"]) == (
        422,
        "Invalid JSON body. Missing field `email`.",
    )
    assert (missing["http.status_code"], missing["http.route"]) == (404, None)
    assert "error.msg" not in ok and "error.msg" not in missing
