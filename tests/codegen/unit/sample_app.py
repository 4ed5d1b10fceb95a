"""Components for the end-to-end tests of the compiler: every value records what happens to it in `EVENTS`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from blueprint import GET, POST, Blueprint
from framework import Error, Next, Processing, RequestHead, Response

T = TypeVar("T")
EVENTS: list[str] = []


@dataclass
class Settings:
    greeting: str


class Pool:
    def __init__(self, greeting: str) -> None:
        self.greeting = greeting


class Session:
    def __init__(self, head: RequestHead) -> None:
        self.user = head.headers.get("x-user")


class Clock:
    counter = 0

    def __init__(self) -> None:
        Clock.counter += 1
        self.tick = Clock.counter


class Payload(Generic[T]):
    def __init__(self, value: T) -> None:
        self.value = value


class Greeting:
    def __init__(self, text: str) -> None:
        self.text = text


class Audit:
    def __init__(self, session: Session) -> None:
        EVENTS.append(f"audit for {session.user}")


class DomainError(Exception):
    pass


class NotFoundError(DomainError):
    pass


async def pool(settings: Settings) -> AsyncIterator[Pool]:
    EVENTS.append("pool open")
    yield Pool(settings.greeting)
    EVENTS.append("pool closed")


def session(head: RequestHead) -> Iterator[Session]:
    value = Session(head)
    EVENTS.append("session open")
    try:
        yield value
    except Exception as error:
        EVENTS.append(f"session rollback: {error}")
        raise
    else:
        EVENTS.append("session commit")


def expensive(session: Session) -> Greeting:
    EVENTS.append("expensive built")
    return Greeting("expensive")


def clock() -> Clock:
    return Clock()


def payload(head: RequestHead, target: type[T]) -> Payload[T]:
    return Payload(target(head.headers.get("x-value", "")))  # type: ignore[call-arg]


def nested_greeting(pool: Pool) -> Greeting:
    return Greeting(f"nested {pool.greeting}")


async def trace(next: Next, session: Session, head: RequestHead) -> Response:
    EVENTS.append(f"trace in {session.user}")
    if head.headers.get("x-explode"):
        msg = "exploded in a middleware"
        raise DomainError(msg)
    response = await next
    EVENTS.append(f"trace out {response.status}")
    return response.with_header("x-traced", "yes")


def require_user(session: Session) -> Processing:
    if session.user is None:
        return Processing.early_return(Response(401))
    return Processing.CONTINUE


def stamp(response: Response, first: Clock, second: Clock) -> Response:
    return response.with_header("x-clocks", f"{first.tick != second.tick}")


def observe(error: Error, session: Session) -> None:
    EVENTS.append(f"observed {error.message} for {session.user}")


def domain_error(error: DomainError, audit: Audit) -> Response:
    return Response(409)


def not_found_error(error: NotFoundError) -> Response:
    return Response(404)


def component_error(error: DomainError) -> Response:
    return Response(418)


def nested_domain_error(error: DomainError) -> Response:
    return Response(422)


async def hello(
    session: Session, pool: Pool, greeting: Greeting, payload: Payload[str], audit: Audit
) -> Response:
    EVENTS.append(f"hello {session.user}")
    return Response.text(f"{greeting.text} {pool.greeting} {payload.value}")


def missing() -> Response:
    msg = "no such thing"
    raise NotFoundError(msg)


def conflict() -> Response:
    msg = "taken"
    raise DomainError(msg)


def own_handler() -> Response:
    msg = "handled by the component"
    raise NotFoundError(msg)


def crash() -> Response:
    msg = "bug"
    raise RuntimeError(msg)


def nested_fail() -> Response:
    msg = "in nested"
    raise DomainError(msg)


def nested_hello(greeting: Greeting) -> Response:
    return Response.text(greeting.text)


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.prebuilt(Settings)
    bp.singleton(pool)
    bp.request_scoped(session)
    bp.request_scoped(expensive)
    bp.transient(clock)
    bp.request_scoped(payload)
    bp.request_scoped(Audit)
    bp.error_handler(domain_error)
    bp.error_handler(not_found_error)
    bp.error_observer(observe)
    bp.wrap(trace)
    bp.post_process(stamp)
    bp.route(GET, "/open", nested_hello)
    bp.pre_process(require_user)
    bp.route(GET, "/hello", hello)
    bp.route(GET, "/missing", missing)
    bp.route(POST, "/conflict", conflict)
    bp.route(GET, "/own", own_handler).error_handler(component_error)
    bp.route(GET, "/crash", crash)
    bp.nest_at("/nested", nested())
    return bp


def nested() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(nested_greeting)
    bp.error_handler(nested_domain_error)
    bp.route(GET, "/hello", nested_hello)
    bp.route(GET, "/fail", nested_fail)
    return bp
