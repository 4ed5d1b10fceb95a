"""The default answers for requests that reach no route: 404, and 405 with `Allow`.

The `*_endpoint` functions have the endpoint shape `(state, request) -> Response`; the router uses them
when a generated module (or a hand-wired app) registers no fallback or 405 endpoint of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .responses import Response

if TYPE_CHECKING:
    from .asgi import Request

__all__ = ["method_not_allowed", "method_not_allowed_endpoint", "not_found", "not_found_endpoint"]


def not_found() -> Response:
    """The default fallback's response: 404 with an empty body."""
    return Response.not_found()


def method_not_allowed(allowed_methods: Iterable[str]) -> Response:
    """405 with `Allow` listing `allowed_methods`, sorted and comma-separated."""
    return Response.method_not_allowed(allowed_methods)


async def not_found_endpoint(state: Any, request: Request) -> Response:
    return not_found()


async def method_not_allowed_endpoint(state: Any, request: Request) -> Response:
    return method_not_allowed(request.allowed_methods)
