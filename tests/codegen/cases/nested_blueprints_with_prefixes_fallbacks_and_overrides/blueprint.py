"""Nested blueprints: a prefix, a fallback per prefix, and a request-scoped override.

`/admin/...` routes get `Greeting` from the admin blueprint's own constructor (which overrides the root one);
every other route gets the root's. Unmatched paths under `/admin` go to the admin fallback, the rest to the
root's. The status blueprint is nested without a prefix: its routes sit at the root, its constructor is
private to it.
"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Greeting:
    def __init__(self, text: str) -> None:
        self.text = text


class Uptime:
    """Constructed only inside the status blueprint."""


def greeting() -> Greeting:
    return Greeting("hello")


def admin_greeting() -> Greeting:
    return Greeting("hello, admin")


def uptime() -> Uptime:
    return Uptime()


def home(greeting: Greeting) -> Response:
    return Response.ok()


def dashboard(greeting: Greeting) -> Response:
    return Response.ok()


def status(uptime: Uptime, greeting: Greeting) -> Response:
    return Response.ok()


def not_found() -> Response:
    return Response.not_found()


def admin_not_found(greeting: Greeting) -> Response:
    return Response.not_found()


def admin_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(admin_greeting)
    bp.route(GET, "/dashboard", dashboard)
    bp.fallback(admin_not_found)
    return bp


def status_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(uptime)
    bp.route(GET, "/status", status)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(greeting)
    bp.route(GET, "/", home)
    bp.nest_at("/admin", admin_blueprint())
    bp.nest(status_blueprint())
    bp.fallback(not_found)
    return bp
