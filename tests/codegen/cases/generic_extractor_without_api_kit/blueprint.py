"""The extractors are ordinary constructors: without `ApiKit().register(bp)`, nothing builds `RouteParams[...]`."""

from __future__ import annotations

from dataclasses import dataclass

from blueprint import GET, Blueprint
from framework import Response
from framework.extractors import RouteParams


@dataclass
class ItemPath:
    item_id: int


def get_item(path: RouteParams[ItemPath]) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/items/{item_id}", get_item)
    return bp
