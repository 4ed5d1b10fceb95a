"""`/api` holds two nested blueprints, each with its own fallback: ambiguous for `/api/unknown`."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def users() -> Response:
    return Response.ok()


def orders() -> Response:
    return Response.ok()


def users_not_found() -> Response:
    return Response.not_found()


def orders_not_found() -> Response:
    return Response.not_found()


def users_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/users", users)
    bp.fallback(users_not_found)
    return bp


def orders_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/orders", orders)
    bp.fallback(orders_not_found)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.nest_at("/api", users_blueprint())
    bp.nest_at("/api", orders_blueprint())
    return bp
