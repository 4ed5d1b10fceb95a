"""Two sibling blueprints each construct the `ConnectionPool` singleton: a singleton has one constructor."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class ConnectionPool:
    pass


def pool() -> ConnectionPool:
    return ConnectionPool()


def replica_pool() -> ConnectionPool:
    return ConnectionPool()


def subscribers(pool: ConnectionPool) -> Response:
    return Response.ok()


def reports(pool: ConnectionPool) -> Response:
    return Response.ok()


def subscribers_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(pool)
    bp.route(GET, "/subscribers", subscribers)
    return bp


def reports_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(replica_pool)
    bp.route(GET, "/reports", reports)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.nest(subscribers_blueprint())
    bp.nest(reports_blueprint())
    return bp
