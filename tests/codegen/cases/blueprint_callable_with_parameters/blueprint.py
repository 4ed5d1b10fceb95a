"""The CLI is pointed at `blueprint_for(environment)`, which cannot be called without arguments."""

from __future__ import annotations

from blueprint import Blueprint


def blueprint_for(environment: str) -> Blueprint:
    return Blueprint()
