"""An unannotated parameter must not hide the template, conflict and lifecycle errors of other components."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import RequestHead, Response


class Cache:
    pass


def cache(head: RequestHead) -> Cache:
    return Cache()


def greet(name) -> Response:  # type: ignore[no-untyped-def]
    return Response.ok()


def home(cache: Cache) -> Response:
    return Response.ok()


def home_again() -> Response:
    return Response.ok()


def item() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(cache)
    bp.route(GET, "/greet", greet)
    bp.route(GET, "/", home)
    bp.route(GET, "/", home_again)
    bp.route(GET, "/items/{id", item)
    return bp
