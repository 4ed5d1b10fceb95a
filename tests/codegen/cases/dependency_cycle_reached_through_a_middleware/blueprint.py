"""The middleware needs `Tracer`; `Tracer` -> `Exporter` -> `Sampler` -> `Tracer` is a cycle."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Next, Response


class Tracer:
    pass


class Exporter:
    pass


class Sampler:
    pass


def tracer(exporter: Exporter) -> Tracer:
    return Tracer()


def exporter(sampler: Sampler) -> Exporter:
    return Exporter()


def sampler(tracer: Tracer) -> Sampler:
    return Sampler()


async def trace(next: Next, tracer: Tracer) -> Response:
    return await next


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.transient(tracer)
    bp.transient(exporter)
    bp.transient(sampler)
    bp.wrap(trace)
    bp.route(GET, "/health_check", health_check)
    return bp
