"""The admin blueprint registers its own `ConnectionPool` singleton, overriding the root's."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class ConnectionPool:
    pass


def pool() -> ConnectionPool:
    return ConnectionPool()


def admin_pool() -> ConnectionPool:
    return ConnectionPool()


def home(pool: ConnectionPool) -> Response:
    return Response.ok()


def dashboard(pool: ConnectionPool) -> Response:
    return Response.ok()


def admin_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(admin_pool)
    bp.route(GET, "/dashboard", dashboard)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(pool)
    bp.route(GET, "/", home)
    bp.nest_at("/admin", admin_blueprint())
    return bp
