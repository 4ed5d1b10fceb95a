"""The handler returns `str`; handlers return a `Response`."""

from __future__ import annotations

from blueprint import GET, Blueprint


def health_check() -> str:
    return "ok"


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.route(GET, "/health_check", health_check)
    return bp
