"""The root's `greeting` constructor is shadowed where `Greeting` is needed: nobody calls it."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Greeting:
    def __init__(self, text: str) -> None:
        self.text = text


def greeting() -> Greeting:
    return Greeting("hello")


def admin_greeting() -> Greeting:
    return Greeting("hello, admin")


def home() -> Response:
    return Response.ok()


def dashboard(greeting: Greeting) -> Response:
    return Response.text(greeting.text)


def admin_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(admin_greeting)
    bp.route(GET, "/dashboard", dashboard)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(greeting)
    bp.route(GET, "/", home)
    bp.nest_at("/admin", admin_blueprint())
    return bp
