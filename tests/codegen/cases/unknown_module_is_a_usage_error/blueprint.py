"""The CLI is pointed at a sibling module, `no_such_module`, that does not exist."""

from __future__ import annotations

from blueprint import Blueprint


def blueprint() -> Blueprint:
    return Blueprint()
