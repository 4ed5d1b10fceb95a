"""Baselines for the request-time budget (DESIGN.md §3): the same work, hand-wired and bare.

`hand_wired_app()` is what a generated server SDK should compile down to, written by hand on the
runtime pieces: the router, `Request`, `Response`. Its DI-heavy route takes a path parameter and a
query parameter, and uses 2 singletons, 3 request-scoped values and a transient. `bare_asgi_app()` does
the same work with no framework at all. Both also serve a plain `GET /health_check`.

`python -m tests.benchmarks.hand_wired [ITERATIONS]` prints µs/request for each, measured in-process by
calling the ASGI callables with a synthetic scope and a no-op `send`. Tests never assert timings.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote

import msgspec

from framework.asgi import AsgiApp, Request
from framework.responses import Response
from framework.routing import Router
from framework.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["DI_PATH", "PLAIN_PATH", "bare_asgi_app", "hand_wired_app", "main", "measure"]

PLAIN_PATH = "/health_check"
DI_PATH = "/users/7"
DI_QUERY = b"greeting=Hi"

# -- the components (what an application would register) ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Settings:
    """Singleton 1."""

    site_name: str


@dataclass(frozen=True, slots=True)
class UserDirectory:
    """Singleton 2."""

    names: dict[int, str]

    def name_of(self, user_id: int) -> str:
        return self.names.get(user_id, "stranger")


@dataclass(frozen=True, slots=True)
class UserParams:
    """Request-scoped 1: the typed route parameters."""

    user_id: int


@dataclass(frozen=True, slots=True)
class GreetingQuery:
    """Request-scoped 2: the typed query parameters."""

    greeting: str = "Hello"


@dataclass(frozen=True, slots=True)
class CurrentUser:
    """Request-scoped 3: built from a singleton and another request-scoped value."""

    user_id: int
    name: str


_stamps = itertools.count()


def request_stamp() -> int:
    """The transient: a fresh value at every use."""
    return next(_stamps)


def user_params(raw: Mapping[str, str]) -> UserParams:
    return msgspec.convert(raw, UserParams, strict=False)


def greeting_query(query_string: str) -> GreetingQuery:
    return msgspec.convert(dict(parse_qsl(query_string, keep_blank_values=True)), GreetingQuery, strict=False)


def current_user(params: UserParams, directory: UserDirectory) -> CurrentUser:
    return CurrentUser(params.user_id, directory.name_of(params.user_id))


def greet(user: CurrentUser, query: GreetingQuery, settings: Settings, stamp: int) -> dict[str, Any]:
    return {"message": f"{query.greeting}, {user.name}!", "site": settings.site_name, "stamp": stamp}


def build_settings() -> Settings:
    return Settings("bench")


def build_directory() -> UserDirectory:
    return UserDirectory({7: "Ursula"})


# -- hand-wired on the runtime ---------------------------------------------------------------------


class ApplicationState:
    __slots__ = ("directory", "settings")

    def __init__(self, settings: Settings, directory: UserDirectory) -> None:
        self.settings = settings
        self.directory = directory


async def health_check(state: ApplicationState, request: Request) -> Response:
    return Response.ok()


async def get_user(state: ApplicationState, request: Request) -> Response:
    try:  # the error handlers a compiled route would carry for its extractors
        params = user_params(request.route_params)
        query = greeting_query(request.head.query_string)
    except msgspec.ValidationError as error:
        return Response.bad_request(str(error))
    user = current_user(params, state.directory)
    return Response.json(greet(user, query, state.settings, request_stamp()))


def hand_wired_app() -> AsgiApp:
    router = Router()
    router.route(PLAIN_PATH, frozenset({"GET"}), health_check)
    router.route("/users/{user_id}", frozenset({"GET"}), get_user)
    return AsgiApp(router, ApplicationState(build_settings(), build_directory()))


# -- the same, with no framework -------------------------------------------------------------------

_encode = msgspec.json.Encoder().encode


def bare_asgi_app() -> ASGIApp:
    settings = build_settings()
    directory = build_directory()

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        if path == PLAIN_PATH and scope["method"] == "GET":
            status, headers, body = 200, [(b"content-length", b"0")], b""
        elif (
            path.startswith("/users/") and "/" not in path[7:] and len(path) > 7 and scope["method"] == "GET"
        ):
            try:
                params = user_params({"user_id": unquote(path[7:])})
                query = greeting_query(scope["query_string"].decode("latin-1"))
            except msgspec.ValidationError as error:
                status, body = 400, str(error).encode()
                headers = [
                    (b"content-length", b"%d" % len(body)),
                    (b"content-type", b"text/plain; charset=utf-8"),
                ]
            else:
                user = current_user(params, directory)
                body = _encode(greet(user, query, settings, request_stamp()))
                headers = [(b"content-length", b"%d" % len(body)), (b"content-type", b"application/json")]
                status = 200
        else:
            status, headers, body = 404, [(b"content-length", b"0")], b""
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app


# -- measuring -------------------------------------------------------------------------------------


def synthetic_scope(path: str, query: bytes = b"") -> Scope:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode("ascii"),
        "query_string": query,
        "headers": [(b"host", b"localhost"), (b"user-agent", b"bench"), (b"accept", b"*/*")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


async def _receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _send(message: Message) -> None:
    return None


async def _batch(app: ASGIApp, scope: Scope, size: int) -> float:
    start = time.perf_counter()
    for _ in range(size):
        await app(scope, _receive, _send)
    return (time.perf_counter() - start) / size * 1e6


async def measure(iterations: int = 50_000, *, rounds: int = 25) -> dict[str, float]:
    """µs/request for each (route, app) pair: the best of many short interleaved batches.

    Interleaving and keeping the minimum make the figures robust to a busy machine: noise only ever
    adds time, so the fastest batch is the closest to the real cost.
    """
    apps: dict[str, ASGIApp] = {"bare": bare_asgi_app(), "hand-wired": hand_wired_app()}
    routes = {"plain GET": synthetic_scope(PLAIN_PATH), "DI route": synthetic_scope(DI_PATH, DI_QUERY)}
    size = max(1, iterations // rounds)
    results: dict[str, float] = {}
    for route, scope in routes.items():
        for app in apps.values():
            await _batch(app, scope, min(size, 1000))  # warm-up
        for _ in range(rounds):
            for name, app in apps.items():
                key = f"{route} / {name}"
                results[key] = min(results.get(key, float("inf")), await _batch(app, scope, size))
    return results


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    iterations = int(args[0]) if args else 50_000
    results = asyncio.run(measure(iterations))
    for route in ("plain GET", "DI route"):
        bare = results[f"{route} / bare"]
        wired = results[f"{route} / hand-wired"]
        print(f"{route:10}  bare {bare:6.2f} µs   hand-wired {wired:6.2f} µs   ratio {wired / bare:4.2f}x")


if __name__ == "__main__":
    main()
