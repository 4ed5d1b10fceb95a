"""A constructor nothing uses: a warning (W001), not an error; the module is still generated."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Response


class EmailClient:
    pass


def email_client() -> EmailClient:
    return EmailClient()


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(email_client)
    bp.route(GET, "/health_check", health_check)
    return bp
