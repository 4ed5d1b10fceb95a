"""Components for the analysis tests: a cycle, a chain of singletons, error classes in a hierarchy."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class A:
    pass


class B:
    pass


class C:
    pass


class Config:
    pass


class Pool:
    pass


class Cache:
    pass


class Mailer:
    pass


def a(c: C) -> A:
    return A()


def b(a: A) -> B:
    return B()


def c(b: B) -> C:
    return C()


def uses_a(a: A) -> Response:
    return Response.ok()


def mailer(pool: Pool, cache: Cache) -> Mailer:
    return Mailer()


def cache(pool: Pool, config: Config) -> Cache:
    return Cache()


def pool(config: Config) -> Pool:
    return Pool()


def send(mailer: Mailer) -> Response:
    return Response.ok()


class AppError(Exception):
    pass


class StorageError(AppError):
    pass


class MissingRow(StorageError):
    pass


def app_error(error: AppError) -> Response:
    return Response(500)


def storage_error(error: StorageError) -> Response:
    return Response(503)


def missing_row(error: MissingRow) -> Response:
    return Response(404)


def cyclic() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(a)
    bp.request_scoped(b)
    bp.request_scoped(c)
    bp.route(GET, "/", uses_a)
    return bp


def singletons() -> Blueprint:
    bp = Blueprint()
    bp.prebuilt(Config)
    bp.singleton(mailer)
    bp.singleton(cache)
    bp.singleton(pool)
    bp.error_handler(app_error)
    bp.error_handler(storage_error)
    bp.route(GET, "/", send)
    bp.nest(nested_handlers())
    return bp


def nested_handlers() -> Blueprint:
    bp = Blueprint()
    bp.error_handler(missing_row)
    bp.route(GET, "/nested", send)
    return bp
