"""Two universal error handlers: one takes nothing, one does not return a `Response`."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def health_check() -> Response:
    return Response.ok()


def any_error_to_response() -> Response:
    return Response.internal_server_error()


def value_error_to_nothing(error: ValueError) -> None:
    return None


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.error_handler(any_error_to_response)
    bp.error_handler(value_error_to_nothing)
    bp.route(GET, "/health_check", health_check)
    return bp
