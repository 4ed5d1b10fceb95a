"""`ANY /webhooks` already answers GET, so `GET /webhooks` conflicts with it."""

from __future__ import annotations

from blueprint import ANY, GET, Blueprint
from framework import Response


def webhook() -> Response:
    return Response.ok()


def webhook_status() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(ANY, "/webhooks", webhook)
    bp.route(GET, "/webhooks", webhook_status)
    return bp
