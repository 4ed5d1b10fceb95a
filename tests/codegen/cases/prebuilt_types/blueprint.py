"""A prebuilt type: `build_application_state(settings)` takes it; a singleton and a handler use it."""

from __future__ import annotations

from dataclasses import dataclass

from blueprint import GET, Blueprint
from framework import Response


@dataclass(frozen=True)
class Settings:
    greeting: str


class Greeter:
    def __init__(self, settings: Settings) -> None:
        self.greeting = settings.greeting


def greeter(settings: Settings) -> Greeter:
    return Greeter(settings)


def hello(greeter: Greeter, settings: Settings) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.prebuilt(Settings)
    bp.singleton(greeter)
    bp.route(GET, "/hello", hello)
    return bp
