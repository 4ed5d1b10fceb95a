"""A handler parameter without an annotation: dependencies are resolved by type, so it is an error."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Greeting:
    pass


def greeting() -> Greeting:
    return Greeting()


def hello(greeting, name: Greeting) -> Response:  # type: ignore[no-untyped-def]
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(greeting)
    bp.route(GET, "/hello", hello)
    return bp
