"""A `functools.partial` as a wrapping middleware: callable, but not importable by name."""

from __future__ import annotations

import functools

from blueprint import GET, Blueprint
from framework import Next, Response


async def add_header(next: Next, name: str) -> Response:
    return await next


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.wrap(functools.partial(add_header, name="X-Powered-By"))
    bp.route(GET, "/health_check", health_check)
    return bp
