"""A blueprint without error observers: an unhandled error still gets logged, once, by the runtime."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class PaymentGatewayDown(Exception):
    """Nobody handles this one: the default 500 answers it."""


def checkout() -> Response:
    msg = "the payment gateway did not answer"
    raise PaymentGatewayDown(msg)


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/checkout", checkout)
    return bp
