"""Four independent mistakes; the compiler must report all of them, not stop at the first."""

from __future__ import annotations

from blueprint import GET, POST, Blueprint
from framework import Response


class EmailClient:
    pass


class CurrentUser:
    pass


class Cache:
    pass


def current_user() -> CurrentUser:
    return CurrentUser()


def cache(user: CurrentUser) -> Cache:
    return Cache()


def subscribe(client: EmailClient) -> Response:
    return Response.ok()


def stats(cache: Cache) -> Response:
    return Response.ok()


def health_check() -> str:
    return "ok"


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(current_user)
    bp.singleton(cache)
    bp.route(POST, "/subscriptions", subscribe)
    bp.route(GET, "/stats", stats)
    bp.route(GET, "/health_check", health_check)
    bp.route(GET, "/items/{}", stats)
    return bp
