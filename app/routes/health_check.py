"""`GET /health_check`: 200 with an empty body; `?deep=true` also checks the database."""

from __future__ import annotations

from dataclasses import dataclass

from app.database import Database
from framework import Response
from framework.extractors import QueryParams

__all__ = ["HealthCheckParams", "health_check"]


@dataclass(frozen=True, slots=True)
class HealthCheckParams:
    deep: bool = False


async def health_check(params: QueryParams[HealthCheckParams], database: Database) -> Response:
    """Shallow: the process answers. Deep: a JSON report, 503 when the database is unreachable."""
    if not params.value.deep:
        return Response.ok()
    reachable = await database.is_reachable()
    report = {"status": "ok" if reachable else "unavailable", "database": {"reachable": reachable}}
    return Response.json(report, status=200 if reachable else 503)
