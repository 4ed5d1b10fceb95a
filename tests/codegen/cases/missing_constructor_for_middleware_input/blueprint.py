"""The wrapping middleware needs a `RateLimiter`; nothing builds one."""

from __future__ import annotations

from blueprint import GET, Blueprint
from framework import Next, Response


class RateLimiter:
    pass


async def limit_rate(next: Next, limiter: RateLimiter) -> Response:
    return await next


def health_check() -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.wrap(limit_rate)
    bp.route(GET, "/health_check", health_check)
    return bp
