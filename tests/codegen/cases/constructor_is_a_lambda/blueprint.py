"""A lambda as a constructor: the generated module could not import it by `module:qualname`."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Greeting:
    pass


def hello(greeting: Greeting) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(lambda: Greeting())
    bp.route(GET, "/hello", hello)
    return bp
