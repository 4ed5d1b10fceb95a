"""A constructor without a return annotation: which type does it construct?"""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Greeting:
    pass


def greeting():  # type: ignore[no-untyped-def]
    return Greeting()


def hello(greeting: Greeting) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(greeting)
    bp.route(GET, "/hello", hello)
    return bp
