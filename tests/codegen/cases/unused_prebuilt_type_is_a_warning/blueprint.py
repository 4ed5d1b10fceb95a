"""A prebuilt type nothing takes: a warning (W002); `build_application_state` still accepts it."""

from __future__ import annotations

from dataclasses import dataclass

from blueprint import GET, Blueprint
from framework import Response


@dataclass(frozen=True)
class Settings:
    port: int


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.prebuilt(Settings)
    bp.route(GET, "/health_check", health_check)
    return bp
