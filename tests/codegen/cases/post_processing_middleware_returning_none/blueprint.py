"""A post-processing middleware must return the response to send, changed or not."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def add_cache_control(response: Response) -> None:
    response.with_header("Cache-Control", "no-store")


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.post_process(add_cache_control)
    bp.route(GET, "/health_check", health_check)
    return bp
