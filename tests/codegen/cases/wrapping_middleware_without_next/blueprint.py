"""`timeout` wraps the routes but has no `Next` parameter."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import RequestHead, Response


async def timeout(head: RequestHead) -> Response:
    return Response.ok()


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.wrap(timeout)
    bp.route(GET, "/health_check", health_check)
    return bp
