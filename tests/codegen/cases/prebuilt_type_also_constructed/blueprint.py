"""`Settings` is both passed in by the caller (prebuilt) and constructed: which value wins?"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint import GET, Blueprint
from framework import Response


@dataclass(frozen=True)
class Settings:
    port: int


def settings() -> Settings:
    return Settings(port=8000)


def show(settings: Settings) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.prebuilt(Settings)
    bp.singleton(settings)
    bp.route(GET, "/settings", show)
    return bp
