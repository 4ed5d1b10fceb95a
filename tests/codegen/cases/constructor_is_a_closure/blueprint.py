"""A closure as a constructor: it captures `text`, a local of `blueprint()`, so nothing can import it."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Greeting:
    def __init__(self, text: str) -> None:
        self.text = text


def hello(greeting: Greeting) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    text = "hello"

    def greeting() -> Greeting:
        return Greeting(text)

    bp = Blueprint()
    bp.request_scoped(greeting)
    bp.route(GET, "/hello", hello)
    return bp
