"""A constructor whose second parameter has no annotation."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class Settings:
    pass


class EmailClient:
    pass


def settings() -> Settings:
    return Settings()


def email_client(settings: Settings, timeout) -> EmailClient:  # type: ignore[no-untyped-def]
    return EmailClient()


def send(client: EmailClient) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(settings)
    bp.singleton(email_client)
    bp.route(GET, "/send", send)
    return bp
