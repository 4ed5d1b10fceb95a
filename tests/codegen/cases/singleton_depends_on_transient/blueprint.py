"""A singleton cannot take a transient: the transient would be built once, defeating its lifecycle."""

from __future__ import annotations

from datetime import datetime

from blueprint import GET, Blueprint
from framework import Response


class Cache:
    def __init__(self, created_at: datetime) -> None:
        self.created_at = created_at


def now() -> datetime:
    return datetime(2024, 1, 1)


def cache(created_at: datetime) -> Cache:
    return Cache(created_at)


def stats(cache: Cache, now: datetime) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.transient(now)
    bp.singleton(cache)
    bp.route(GET, "/stats", stats)
    return bp
