"""The CLI is pointed at `not_a_blueprint`, a zero-argument callable that returns a dict."""

from __future__ import annotations

from blueprint import Blueprint


def not_a_blueprint() -> dict[str, str]:
    return {"GET /": "home"}


def blueprint() -> Blueprint:
    return Blueprint()
