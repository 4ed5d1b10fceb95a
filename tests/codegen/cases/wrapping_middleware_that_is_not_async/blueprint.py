"""A sync wrapping middleware: it takes `Next` but cannot await it."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Next, Response


def add_server_header(next: Next) -> Response:
    return Response.ok().with_header("Server", "pavex-py")


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.wrap(add_server_header)
    bp.route(GET, "/health_check", health_check)
    return bp
