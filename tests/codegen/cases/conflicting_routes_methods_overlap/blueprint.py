"""Two method sets on one path that share POST."""

from __future__ import annotations

from blueprint import GET, POST, PUT, Blueprint, methods
from framework import Response


def read_or_create() -> Response:
    return Response.ok()


def create_or_replace() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(methods(GET, POST), "/items", read_or_create)
    bp.route(methods(POST, PUT), "/items", create_or_replace)
    return bp
