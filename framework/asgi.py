"""The ASGI adapter: the only module that calls `receive` and `send`.

`AsgiApp` turns each HTTP scope into a `Request` (a slotted bag of lazily built primitives), asks the
router for an endpoint, awaits it and sends the response as `http.response.start` plus one
`http.response.body`. It also runs the lifespan protocol (build the application state at start-up,
tear it down at shutdown) and refuses websocket connections.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import quote

from .errors import internal_server_error
from .headers import Headers
from .requests import ClientDisconnected, ConnectionInfo, RequestBody, RequestHead
from .responses import Response
from .routing import EMPTY_ROUTE_PARAMS, UNMATCHED, MatchedRoute, RawRouteParams, Router, decode_raw_path
from .teardown import Teardowns
from .types import Message, Receive, Scope, Send

__all__ = ["AsgiApp", "Request", "Router", "Teardowns"]

logger = logging.getLogger("framework.asgi")

# Every printable ASCII character except `%` is kept as is when percent-encoding a decoded path.
_PATH_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) != "%")


class Request:
    """One HTTP request as the generated code sees it: framework primitives, built on first use.

    `head`, `body` and `connection_info` are made lazily from the ASGI scope; `route_params`,
    `matched_route` and `allowed_methods` are filled in from the router's resolution.
    """

    __slots__ = (
        "_body",
        "_connection_info",
        "_head",
        "_raw_path",
        "_receive",
        "allowed_methods",
        "matched_route",
        "route_params",
        "scope",
    )

    def __init__(
        self,
        scope: Scope,
        receive: Receive,
        raw_path: str | None = None,
        route_params: RawRouteParams = EMPTY_ROUTE_PARAMS,
        matched_route: MatchedRoute = UNMATCHED,
        allowed_methods: tuple[str, ...] = (),
    ) -> None:
        self.scope = scope
        self._receive = receive
        self._raw_path = raw_path
        self.route_params = route_params
        self.matched_route = matched_route
        self.allowed_methods = allowed_methods
        self._head: RequestHead | None = None
        self._body: RequestBody | None = None
        self._connection_info: ConnectionInfo | None = None

    @property
    def raw_path(self) -> str:
        if self._raw_path is None:
            self._raw_path = raw_path_of(self.scope)
        return self._raw_path

    @property
    def head(self) -> RequestHead:
        if self._head is None:
            scope = self.scope
            self._head = RequestHead(
                scope["method"],
                scope["path"],
                self.raw_path,
                scope.get("query_string", b"").decode("latin-1"),
                scope.get("http_version", "1.1"),
                Headers(scope.get("headers", ())),
            )
        return self._head

    @property
    def body(self) -> RequestBody:
        if self._body is None:
            self._body = RequestBody(_ReceiveStream(self._receive), self.head.headers)
        return self._body

    @property
    def connection_info(self) -> ConnectionInfo:
        if self._connection_info is None:
            client = self.scope.get("client")
            self._connection_info = ConnectionInfo(client[0], client[1]) if client else ConnectionInfo()
        return self._connection_info

    def __repr__(self) -> str:
        return f"Request({self.scope.get('method')} {self.raw_path})"


def raw_path_of(scope: Scope) -> str:
    """The request path as received (percent-encoded), from `raw_path` when the server provides it."""
    raw: bytes | None = scope.get("raw_path")
    if raw is None:
        return quote(scope["path"], safe=_PATH_SAFE)
    return decode_raw_path(raw)


class _ReceiveStream:
    """The body chunks of `http.request` messages, as an async iterator over `receive`."""

    __slots__ = ("_done", "_receive")

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self._done = False

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self

    async def __anext__(self) -> bytes:
        while not self._done:
            message = await self._receive()
            if message["type"] == "http.disconnect":
                self._done = True
                msg = "the client disconnected before sending its whole request body"
                raise ClientDisconnected(msg)
            if message["type"] != "http.request":
                continue
            self._done = not message.get("more_body", False)
            chunk: bytes = message.get("body", b"")
            if chunk:
                return chunk
        raise StopAsyncIteration


StateBuilder = Callable[[], Awaitable[Any]]
StateShutdown = Callable[[Any], Awaitable[None]]


class AsgiApp:
    """An ASGI 3 application: a router, the application state, and the lifespan hooks.

    `build()` (when given) is awaited at lifespan start-up and its result becomes `state`; `shutdown(state)`
    is awaited at lifespan shutdown. Without a lifespan (some servers), pass a ready `state`.
    """

    __slots__ = ("_build", "_router", "_shutdown", "state")

    def __init__(
        self,
        router: Router,
        state: Any = None,
        *,
        build: StateBuilder | None = None,
        shutdown: StateShutdown | None = None,
    ) -> None:
        self._router = router
        self.state = state
        self._build = build
        self._shutdown = shutdown

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # The HTTP path is written out inline: every call and await saved here is saved on every request.
        if scope["type"] != "http":
            await self._non_http(scope, receive, send)
            return
        raw = scope.get("raw_path")
        if raw is not None:
            resolution = self._router.resolve_bytes(scope["method"], raw)
        else:
            resolution = self._router.resolve(scope["method"], raw_path_of(scope))
        endpoint, route_params, matched_route, allowed_methods = resolution
        request = Request(scope, receive, None, route_params, matched_route, allowed_methods)
        try:
            response = await endpoint(self.state, request)
        except Exception:
            logger.exception("unhandled error while answering %s %s", scope["method"], request.raw_path)
            response = internal_server_error()
        body = response.body
        await send(
            {
                "type": "http.response.start",
                "status": response.status,
                "headers": [(b"content-length", b"%d" % len(body)), *response.raw_headers],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _non_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan":
            await self._lifespan(receive, send)
        elif kind == "websocket":
            await _refuse_websocket(receive, send)
        else:
            msg = f"unsupported ASGI scope type {kind!r}"
            raise RuntimeError(msg)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        started = False
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    if self._build is not None:
                        self.state = await self._build()
                except Exception as exc:
                    logger.exception("application start-up failed")
                    await send({"type": "lifespan.startup.failed", "message": _describe(exc)})
                    return
                started = True
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self._lifespan_shutdown(started, send)
                return

    async def _lifespan_shutdown(self, started: bool, send: Send) -> None:
        try:
            if started and self._shutdown is not None:
                await self._shutdown(self.state)
        except Exception as exc:
            logger.exception("application shutdown failed")
            await send({"type": "lifespan.shutdown.failed", "message": _describe(exc)})
            return
        await send({"type": "lifespan.shutdown.complete"})


async def send_response(response: Response, send: Send) -> None:
    """Send a buffered response, adding `Content-Length` from the body (`Response` never holds one)."""
    body = response.body
    headers = [(b"content-length", b"%d" % len(body)), *response.raw_headers]
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _refuse_websocket(receive: Receive, send: Send) -> None:
    """This framework serves HTTP only: close the handshake, which servers answer with 403."""
    message: Message = await receive()
    if message["type"] == "websocket.connect":
        await send({"type": "websocket.close", "code": 1008, "reason": "websockets are not supported"})


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
