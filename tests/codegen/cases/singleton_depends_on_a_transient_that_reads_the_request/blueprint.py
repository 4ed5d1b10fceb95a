"""`Greeter` (singleton) needs `Language` (transient), which reads the `RequestHead`: a chain to the request."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import RequestHead, Response


class Language:
    def __init__(self, code: str) -> None:
        self.code = code


class Greeter:
    def __init__(self, language: Language) -> None:
        self.language = language


def language(head: RequestHead) -> Language:
    return Language(head.header("accept-language") or "en")


def greeter(language: Language) -> Greeter:
    return Greeter(language)


def greet(greeter: Greeter) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.transient(language)
    bp.singleton(greeter)
    bp.route(GET, "/greet", greet)
    return bp
