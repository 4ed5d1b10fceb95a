"""The handler needs an `EmailClient`, but no constructor for it is registered."""

from __future__ import annotations

from blueprint import POST, Blueprint
from framework import Response


class EmailClient:
    pass


def subscribe(email_client: EmailClient) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(POST, "/subscriptions", subscribe)
    return bp
