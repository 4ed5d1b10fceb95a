"""`GET /subscriptions` is registered twice."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def list_subscriptions() -> Response:
    return Response.ok()


def list_subscriptions_v2() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/subscriptions", list_subscriptions)
    bp.route(GET, "/subscriptions", list_subscriptions_v2)
    return bp
