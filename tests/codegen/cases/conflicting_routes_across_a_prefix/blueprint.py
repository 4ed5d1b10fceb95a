"""`nest_at("/admin", ...)` + `/users` collides with the root's own `/admin/users`."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


def list_users() -> Response:
    return Response.ok()


def admin_users() -> Response:
    return Response.ok()


def admin_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/users", admin_users)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/admin/users", list_users)
    bp.nest_at("/admin", admin_blueprint())
    return bp
