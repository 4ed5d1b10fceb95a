"""`SubscriberStore` is constructed; the handler asks for `SubscribersStore` (a different, unconstructed class)."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class SubscriberStore:
    pass


class SubscribersStore:
    """A near-homonym, never constructed: the help line should suggest `SubscriberStore`."""


def subscriber_store() -> SubscriberStore:
    return SubscriberStore()


def list_subscribers(store: SubscribersStore) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(subscriber_store).allow_unused()
    bp.route(GET, "/subscribers", list_subscribers)
    return bp
