"""Two request-scoped constructors return `Greeting` in one blueprint."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Greeting:
    def __init__(self, text: str) -> None:
        self.text = text


def greeting() -> Greeting:
    return Greeting("hello")


def formal_greeting() -> Greeting:
    return Greeting("good morning")


def hello(greeting: Greeting) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(greeting)
    bp.transient(formal_greeting)
    bp.route(GET, "/hello", hello)
    return bp
