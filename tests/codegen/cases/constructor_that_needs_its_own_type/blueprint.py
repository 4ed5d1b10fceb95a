"""`category` builds a `Category` from a `Category`: it can never be called."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Category:
    def __init__(self, parent: Category | None) -> None:
        self.parent = parent


def category(parent: Category) -> Category:
    return Category(parent)


def show(category: Category) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(category)
    bp.route(GET, "/category", show)
    return bp
