"""`nest()` adds no prefix, so the nested fallback and the root fallback both answer unmatched `/...` paths."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def status() -> Response:
    return Response.ok()


def not_found() -> Response:
    return Response.not_found()


def status_not_found() -> Response:
    return Response.not_found()


def status_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/status", status)
    bp.fallback(status_not_found)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.fallback(not_found)
    bp.nest(status_blueprint())
    return bp
