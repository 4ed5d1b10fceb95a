"""An observer that tries to produce a response: the error handler has already chosen it."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Error, Response


def health_check() -> Response:
    return Response.ok()


def report_error(error: Error) -> Response:
    return Response.internal_server_error()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.error_observer(report_error)
    bp.route(GET, "/health_check", health_check)
    return bp
