"""Encapsulation: `AdminSession` is constructed inside the admin blueprint only; a root route asks for it."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class AdminSession:
    pass


def admin_session() -> AdminSession:
    return AdminSession()


def dashboard(session: AdminSession) -> Response:
    return Response.ok()


def home(session: AdminSession) -> Response:
    return Response.ok()


def admin_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(admin_session)
    bp.route(GET, "/dashboard", dashboard)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.nest_at("/admin", admin_blueprint())
    bp.route(GET, "/", home)
    return bp
