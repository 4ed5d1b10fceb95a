"""`AsgiApp`: HTTP handling, the error path, lifespan, websockets, and the per-request `Request`."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from framework.asgi import AsgiApp, Request, raw_path_of
from framework.requests import BodySizeLimit, BodyTooLargeError, ClientDisconnected, buffer_body
from framework.responses import Response
from framework.routing import Router
from framework.testing import TestClient
from framework.types import Message, Scope

GET = frozenset({"GET"})


def http_scope(method: str = "GET", path: str = "/", **extra: Any) -> Scope:
    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "path": path,
        "raw_path": path.encode("utf-8"),
        "query_string": b"",
        "headers": [],
        "client": ("127.0.0.1", 5000),
    }
    scope.update(extra)
    return scope


async def call(app: AsgiApp, scope: Scope, body_messages: list[Message] | None = None) -> list[Message]:
    """Run one ASGI call and return what the app sent."""
    inbox = list(body_messages or [{"type": "http.request", "body": b"", "more_body": False}])
    sent: list[Message] = []

    async def receive() -> Message:
        return inbox.pop(0) if inbox else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


# -- endpoints used below -------------------------------------------------------------------------------


async def describe(state: Any, request: Request) -> Response:
    head = request.head
    return Response.json(
        {
            "state": state,
            "method": head.method,
            "path": head.path,
            "raw_path": head.raw_path,
            "query": head.query_string,
            "agent": head.header("user-agent"),
            "params": dict(request.route_params),
            "route": str(request.matched_route),
            "peer": request.connection_info.peer_addr,
        }
    )


async def explode(state: Any, request: Request) -> Response:
    msg = "secret database password is hunter2"
    raise RuntimeError(msg)


async def echo(state: Any, request: Request) -> Response:
    try:
        body = await buffer_body(request.body, BodySizeLimit(10))
    except BodyTooLargeError as error:
        return error.to_response()
    return Response.binary(body.bytes)


def make_app(state: Any = "ready", **kwargs: Any) -> AsgiApp:
    router = Router()
    router.route("/describe/{*rest}", None, describe)
    router.route("/explode", GET, explode)
    router.route("/echo", frozenset({"POST"}), echo)
    return AsgiApp(router, state, **kwargs)


# -- HTTP ---------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_request_primitives_reach_the_endpoint() -> None:
    async with TestClient(make_app()) as client:
        response = await client.get("/describe/caf%C3%A9/x?a=1&b=", headers={"User-Agent": "pytest"})
    assert response.status_code == 200
    assert response.headers["content-length"] == str(len(response.content))
    assert response.json() == {
        "state": "ready",
        "method": "GET",
        "path": "/describe/café/x",
        "raw_path": "/describe/caf%C3%A9/x",
        "query": "a=1&b=",
        "agent": "pytest",
        "params": {"rest": "café/x"},
        "route": "/describe/{*rest}",
        "peer": "127.0.0.1:50000",
    }


@pytest.mark.anyio
async def test_unhandled_exception_is_a_bare_500(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="framework.asgi"):
        async with TestClient(make_app()) as client:
            response = await client.get("/explode")
    assert response.status_code == 500
    assert response.text == "Internal Server Error"
    assert "hunter2" not in response.text
    assert any(record.exc_info and "GET /explode" in record.getMessage() for record in caplog.records)


@pytest.mark.anyio
async def test_404_and_405() -> None:
    async with TestClient(make_app()) as client:
        missing = await client.get("/nowhere")
        wrong_method = await client.delete("/explode")
    assert (missing.status_code, missing.headers["content-length"]) == (404, "0")
    assert wrong_method.status_code == 405
    assert wrong_method.headers["allow"] == "GET"


@pytest.mark.anyio
async def test_body_limit_via_content_length_and_stream() -> None:
    async with TestClient(make_app()) as client:
        small = await client.post("/echo", content=b"hello")
        declared = await client.post("/echo", content=b"x" * 11)

        async def stream() -> Any:
            for _ in range(5):
                yield b"xxx"

        streamed = await client.post("/echo", content=stream())
    assert (small.status_code, small.content) == (200, b"hello")
    assert declared.status_code == 413
    assert streamed.status_code == 413


@pytest.mark.anyio
async def test_body_chunks_over_several_messages() -> None:
    messages: list[Message] = [
        {"type": "http.request", "body": b"ab", "more_body": True},
        {"type": "lifespan.ignored"},
        {"type": "http.request", "body": b"", "more_body": True},
        {"type": "http.request", "body": b"cd", "more_body": False},
    ]
    start, body = await call(make_app(), http_scope("POST", "/echo"), messages)
    assert (start["status"], body["body"]) == (200, b"abcd")


@pytest.mark.anyio
async def test_client_disconnect_while_reading_body() -> None:
    seen: list[BaseException] = []

    async def reader(state: Any, request: Request) -> Response:
        try:
            await buffer_body(request.body, BodySizeLimit())
        except ClientDisconnected as exc:
            seen.append(exc)
        return Response.ok()

    router = Router()
    router.route("/", frozenset({"POST"}), reader)
    messages: list[Message] = [
        {"type": "http.request", "body": b"a", "more_body": True},
        {"type": "http.disconnect"},
    ]
    await call(AsgiApp(router), http_scope("POST", "/"), messages)
    assert len(seen) == 1


@pytest.mark.anyio
async def test_request_attributes_are_lazy_and_cached() -> None:
    captured: list[Request] = []

    async def capture(state: Any, request: Request) -> Response:
        captured.append(request)
        return Response.ok()

    router = Router()
    router.route("/", GET, capture)
    await call(AsgiApp(router), http_scope(client=None))
    request = captured[0]
    assert request._head is None
    assert request.head is request.head
    assert request.body is request.body
    assert request.connection_info is request.connection_info
    assert request.connection_info.client_host is None
    assert repr(request) == "Request(GET /)"


def test_raw_path_of_scope_variants() -> None:
    assert raw_path_of({"path": "/café"}) == "/caf%C3%A9"
    assert raw_path_of({"path": "/a b", "raw_path": None}) == "/a%20b"
    assert raw_path_of({"path": "/x", "raw_path": b"/x%2Fy?q=1"}) == "/x%2Fy"
    assert raw_path_of({"path": "/é", "raw_path": "/é".encode()}) == "/%C3%A9"


@pytest.mark.anyio
async def test_raw_utf8_path_still_matches() -> None:
    start, body = await call(make_app(), http_scope(path="/describe/é"))
    assert start["status"] == 200
    assert b'"params":{"rest":"\xc3\xa9"}' in body["body"]


@pytest.mark.anyio
async def test_missing_raw_path_falls_back_to_path() -> None:
    scope = http_scope(path="/describe/a b")
    del scope["raw_path"]
    start, _ = await call(make_app(), scope)
    assert start["status"] == 200


# -- lifespan -----------------------------------------------------------------------------------------


async def run_lifespan(app: AsgiApp, events: list[str]) -> list[Message]:
    inbox: list[Message] = [{"type": event} for event in events]
    sent: list[Message] = []

    async def receive() -> Message:
        return inbox.pop(0)

    async def send(message: Message) -> None:
        sent.append(message)

    await app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send)
    return sent


@pytest.mark.anyio
async def test_lifespan_builds_and_shuts_down_the_state() -> None:
    shut: list[Any] = []

    async def build() -> dict[str, int]:
        return {"pool": 1}

    async def shutdown(state: Any) -> None:
        shut.append(state)

    app = make_app(None, build=build, shutdown=shutdown)
    sent = await run_lifespan(app, ["lifespan.startup", "lifespan.shutdown"])
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    assert app.state == {"pool": 1}
    assert shut == [{"pool": 1}]


@pytest.mark.anyio
async def test_lifespan_startup_failure_is_reported(caplog: pytest.LogCaptureFixture) -> None:
    async def build() -> None:
        msg = "database unreachable"
        raise ConnectionError(msg)

    with caplog.at_level(logging.ERROR, logger="framework.asgi"):
        sent = await run_lifespan(make_app(None, build=build), ["lifespan.startup"])
    assert sent == [{"type": "lifespan.startup.failed", "message": "ConnectionError: database unreachable"}]
    assert "start-up failed" in caplog.text


@pytest.mark.anyio
async def test_lifespan_shutdown_failure_is_reported(caplog: pytest.LogCaptureFixture) -> None:
    async def shutdown(state: Any) -> None:
        raise OSError

    with caplog.at_level(logging.ERROR, logger="framework.asgi"):
        sent = await run_lifespan(make_app(shutdown=shutdown), ["lifespan.startup", "lifespan.shutdown"])
    assert sent[-1] == {"type": "lifespan.shutdown.failed", "message": "OSError"}


@pytest.mark.anyio
async def test_lifespan_without_hooks_keeps_the_given_state() -> None:
    app = make_app("given")
    sent = await run_lifespan(app, ["lifespan.startup", "lifespan.shutdown"])
    assert len(sent) == 2
    assert app.state == "given"


# -- other scopes -------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_websocket_is_refused() -> None:
    inbox: list[Message] = [{"type": "websocket.connect"}]
    sent: list[Message] = []

    async def receive() -> Message:
        return inbox.pop(0)

    async def send(message: Message) -> None:
        sent.append(message)

    await make_app()({"type": "websocket", "path": "/"}, receive, send)
    assert sent[0]["type"] == "websocket.close"


@pytest.mark.anyio
async def test_unknown_scope_type_raises() -> None:
    async def receive() -> Message:
        raise AssertionError

    async def send(message: Message) -> None:
        raise AssertionError

    with pytest.raises(RuntimeError, match="unsupported ASGI scope type 'carrier-pigeon'"):
        await make_app()({"type": "carrier-pigeon"}, receive, send)


# -- robustness ---------------------------------------------------------------------------------------

header_names = st.binary(min_size=1, max_size=12)
header_values = st.binary(max_size=30)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw_path=st.binary(max_size=40),
    method=st.text(max_size=8),
    headers=st.lists(st.tuples(header_names, header_values), max_size=6),
    query=st.binary(max_size=20),
)
@pytest.mark.anyio
async def test_arbitrary_requests_never_raise_or_500(
    raw_path: bytes, method: str, headers: list[tuple[bytes, bytes]], query: bytes
) -> None:
    router = Router()
    router.route("/describe/{*rest}", None, describe)
    router.route("/users/{id}", GET, describe)
    router.route("/echo", frozenset({"POST"}), echo)
    app = AsgiApp(router, "state")
    path = raw_path.decode("latin-1")
    scope = http_scope(method, path, raw_path=raw_path, headers=headers, query_string=query)
    start, body = await call(app, scope)
    assert start["status"] < 500
    lengths = [value for name, value in start["headers"] if name == b"content-length"]
    assert lengths == [str(len(body["body"])).encode()]
