"""Pre-processing middlewares return `Processing.CONTINUE` or `Processing.early_return(response)`."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import RequestHead, Response


def reject_anonymous(head: RequestHead) -> Response:
    return Response.ok()


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.pre_process(reject_anonymous)
    bp.route(GET, "/health_check", health_check)
    return bp
