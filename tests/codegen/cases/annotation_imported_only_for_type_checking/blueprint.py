"""`Decimal` is imported only under `TYPE_CHECKING`, so the annotation cannot be resolved when compiling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from blueprint import GET, Blueprint
from framework import Response

if TYPE_CHECKING:
    from decimal import Decimal


def price() -> Decimal:
    from decimal import Decimal

    return Decimal("9.99")


def show_price(price: Decimal) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(price)
    bp.route(GET, "/price", show_price)
    return bp
