"""The handler's input is constructible, but that constructor's own input is not."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class ConnectionPool:
    pass


class SubscriberRepository:
    def __init__(self, pool: ConnectionPool) -> None:
        self.pool = pool


def subscriber_repository(pool: ConnectionPool) -> SubscriberRepository:
    return SubscriberRepository(pool)


def list_subscribers(repository: SubscriberRepository) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(subscriber_repository)
    bp.route(GET, "/subscribers", list_subscribers)
    return bp
