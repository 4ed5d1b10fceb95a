"""Observers take a `framework.Error`, not the exception itself."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def health_check() -> Response:
    return Response.ok()


def log_error(error: Exception) -> None:
    print(error)


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.error_observer(log_error)
    bp.route(GET, "/health_check", health_check)
    return bp
