"""`.allow_unused()` on a constructor and on a prebuilt type: no warning at all."""

from __future__ import annotations

from dataclasses import dataclass

from blueprint import GET, Blueprint
from framework import Response


@dataclass(frozen=True)
class Settings:
    port: int


class EmailClient:
    pass


def email_client() -> EmailClient:
    return EmailClient()


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.prebuilt(Settings).allow_unused()
    bp.transient(email_client).allow_unused()
    bp.route(GET, "/health_check", health_check)
    return bp
