"""`add_security_headers` returns a `Response` but never receives the one produced by the handler."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import RequestHead, Response


def add_security_headers(head: RequestHead) -> Response:
    return Response.ok()


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.post_process(add_security_headers)
    bp.route(GET, "/health_check", health_check)
    return bp
