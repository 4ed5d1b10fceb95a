"""`ItemPath` is a plain class: the compiler cannot know its fields."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response
from framework.extractors import RouteParams
from framework.kits import ApiKit


class ItemPath:
    def __init__(self, item_id: int) -> None:
        self.item_id = item_id


def get_item(path: RouteParams[ItemPath]) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    ApiKit().register(bp)
    bp.route(GET, "/items/{item_id}", get_item)
    return bp
