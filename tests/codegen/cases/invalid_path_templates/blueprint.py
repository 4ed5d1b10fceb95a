"""Five invalid templates in one blueprint: the compiler reports each of them in one run."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def handler() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/items/{}", handler)
    bp.route(GET, "/images/x{id}.png", handler)
    bp.route(GET, "/files/{*path}/raw", handler)
    bp.route(GET, "subscriptions", handler)
    bp.route(GET, "/braces/{{name}}", handler)
    return bp
