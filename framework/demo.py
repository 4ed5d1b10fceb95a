"""A small app wired by hand from the runtime pieces: what a generated server SDK does, minus the compiler.

Run it with `python -m framework.demo [PORT]` (default 8000; 0 picks a free port) and try
`curl localhost:8000/hello/World` or `curl -d 'some text' localhost:8000/echo`.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from .asgi import AsgiApp, Request
from .errors import Error
from .fallbacks import not_found
from .requests import BodySizeLimit, BodyTooLargeError, body_too_large_to_response, buffer_body
from .responses import Response
from .routing import Router
from .server import serve

__all__ = ["ECHO_LIMIT", "asgi_app", "main", "router"]

logger = logging.getLogger("framework.demo")

ECHO_LIMIT = BodySizeLimit(64 * 1024)


async def home(state: Any, request: Request) -> Response:
    return Response.html(
        "<h1>framework demo</h1><p>Try <code>/hello/{name}</code> or <code>/files/{*path}</code>.</p>"
    )


async def hello(state: Any, request: Request) -> Response:
    return Response.text(f"Hello, {request.route_params['name']}!")


async def file_path(state: Any, request: Request) -> Response:
    return Response.json({"path": request.route_params["path"], "route": str(request.matched_route)})


async def echo(state: Any, request: Request) -> Response:
    """Echo the body back, showing the error-handler pattern the compiler generates."""
    try:
        body = await buffer_body(request.body, ECHO_LIMIT)
    except BodyTooLargeError as error:
        logger.info("refused a body: %s", Error(error).message)
        return body_too_large_to_response(error)
    content_type = request.head.header("content-type") or "application/octet-stream"
    return Response.binary(body.bytes, content_type)


async def not_found_page(state: Any, request: Request) -> Response:
    return not_found().with_body("Nothing here. Try /hello/you.")


def router() -> Router:
    """The demo's routes: built once, at start-up."""
    routes = Router()
    routes.route("/", frozenset({"GET"}), home)
    routes.route("/hello/{name}", frozenset({"GET"}), hello)
    routes.route("/files/{*path}", frozenset({"GET"}), file_path)
    routes.route("/echo", frozenset({"POST"}), echo)
    routes.fallback("", not_found_page)
    return routes


def asgi_app() -> AsgiApp:
    return AsgiApp(router())


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    port = int(args[0]) if args else 8000
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    serve(asgi_app(), "127.0.0.1", port)


if __name__ == "__main__":
    main()
