"""Which fallback answers an unmatched request: `not_found` or `teapot`?"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def not_found() -> Response:
    return Response.not_found()


def teapot() -> Response:
    return Response.not_found()


def home() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/", home)
    bp.fallback(not_found)
    bp.fallback(teapot)
    return bp
