"""With postponed annotations a typo only shows when the annotation is resolved: `EmailClinet`."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class EmailClient:
    pass


def email_client() -> EmailClient:
    return EmailClient()


def send(client: EmailClinet) -> Response:  # noqa: F821 - the mistake this case is about
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(email_client)
    bp.route(GET, "/send", send)
    return bp
