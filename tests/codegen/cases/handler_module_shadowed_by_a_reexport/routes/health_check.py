"""A request handler in a module that shares its name (and whose package re-exports it)."""

from __future__ import annotations

from framework import Response


class Probe:
    """A request-scoped value from the same module: its constructor is called through the module too."""


class ProbeError(Exception):
    """What `probe` raises: its handler's `except` clause names the class through the module."""


def probe() -> Probe:
    return Probe()


def probe_error_to_response(error: ProbeError) -> Response:
    return Response(503)


def health_check(probe: Probe) -> Response:
    return Response.ok()
