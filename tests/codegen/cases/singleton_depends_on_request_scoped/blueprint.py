"""A singleton (built once, at start-up) cannot take a value that exists only during a request."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class CurrentUser:
    pass


class AuditLog:
    pass


def current_user() -> CurrentUser:
    return CurrentUser()


def audit_log(user: CurrentUser) -> AuditLog:
    return AuditLog()


def dashboard(log: AuditLog) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(current_user)
    bp.singleton(audit_log)
    bp.route(GET, "/dashboard", dashboard)
    return bp
