"""The error handler's first parameter is a `str`: the compiler chooses handlers by exception class."""

from __future__ import annotations

from blueprint import POST, Blueprint
from framework import Response


def subscribe() -> Response:
    return Response.ok()


def subscribe_error_to_response(message: str) -> Response:
    return Response.internal_server_error()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(POST, "/subscriptions", subscribe).error_handler(subscribe_error_to_response)
    return bp
