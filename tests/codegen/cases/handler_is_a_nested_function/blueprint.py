"""A request handler nested in a helper function: not reachable as `module:qualname`."""

from __future__ import annotations

from collections.abc import Callable

from blueprint import GET, Blueprint
from framework import Response


def make_handler() -> Callable[[], Response]:
    def health_check() -> Response:
        return Response.ok()

    return health_check


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/health_check", make_handler())
    return bp
