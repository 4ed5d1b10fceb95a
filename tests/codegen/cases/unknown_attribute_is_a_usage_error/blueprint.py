"""The CLI is pointed at `...:does_not_exist`, which this module does not define."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/health_check", health_check)
    return bp
