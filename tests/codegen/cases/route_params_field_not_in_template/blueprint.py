"""`ItemPath.item_id` is not in `/items/{id}`: the conversion could never succeed."""

from __future__ import annotations

from dataclasses import dataclass

from blueprint import GET, Blueprint
from framework import Response
from framework.extractors import RouteParams
from framework.kits import ApiKit


@dataclass
class ItemPath:
    item_id: int


def get_item(path: RouteParams[ItemPath]) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    ApiKit().register(bp)
    bp.route(GET, "/items/{id}", get_item)
    return bp
