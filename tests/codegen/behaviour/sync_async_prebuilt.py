"""Sync and async components side by side, and a prebuilt type handed to `build_application_state`."""

from __future__ import annotations

from dataclasses import dataclass

from blueprint import GET, Blueprint
from framework import Next, Processing, Response

CALLS: list[str] = []


@dataclass(frozen=True)
class Settings:
    greeting: str


class Greeter:
    def __init__(self, settings: Settings) -> None:
        self.greeting = settings.greeting


class Name:
    def __init__(self, value: str) -> None:
        self.value = value


class Punctuation:
    def __init__(self, value: str) -> None:
        self.value = value


async def greeter(settings: Settings) -> Greeter:
    CALLS.append("greeter")
    return Greeter(settings)


def name() -> Name:
    return Name("world")


async def punctuation(settings: Settings) -> Punctuation:
    return Punctuation("!")


async def pre(name: Name) -> Processing:
    CALLS.append(f"pre {name.value}")
    return Processing.CONTINUE


async def wrap(next: Next, greeter: Greeter) -> Response:
    response = await next
    return response.with_header("X-Greeting", greeter.greeting)


async def post(response: Response, punctuation: Punctuation) -> Response:
    return response.with_header("X-Punctuation", punctuation.value)


def hello(greeter: Greeter, name: Name, punctuation: Punctuation, settings: Settings) -> Response:
    return Response.text(f"{greeter.greeting}, {name.value}{punctuation.value}")


async def hello_async(greeter: Greeter, name: Name) -> Response:
    return Response.text(f"{greeter.greeting} (async), {name.value}")


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.prebuilt(Settings)
    bp.singleton(greeter)
    bp.request_scoped(name)
    bp.transient(punctuation)
    bp.wrap(wrap)
    bp.pre_process(pre)
    bp.post_process(post)
    bp.route(GET, "/hello", hello)
    bp.route(GET, "/hello-async", hello_async)
    return bp
