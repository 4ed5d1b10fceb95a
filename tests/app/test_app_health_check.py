"""GET /health_check: the book's first test, plus the deep variant that also asks the database."""

from __future__ import annotations

import anyio
import asyncpg
import pytest

from tests.app.helpers import TestApp

pytestmark = pytest.mark.anyio


async def test_health_check_returns_200_and_an_empty_body(test_app: TestApp) -> None:
    response = await test_app.client.get("/health_check")

    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-length"] == "0"


async def test_deep_health_check_reports_the_database_as_json(test_app: TestApp) -> None:
    response = await test_app.client.get("/health_check", params={"deep": "true"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, dict)
    assert body["database"]["reachable"] is True, body


async def test_deep_health_check_is_a_503_when_the_database_refuses_connections(
    test_app: TestApp, postgres_dsn: str
) -> None:
    database = await test_app.db.fetchval("SELECT current_database()")
    server = await asyncpg.connect(postgres_dsn)
    try:
        await server.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        await server.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> $2",
            database,
            test_app.db.get_server_pid(),
        )
    finally:
        await server.close()

    with anyio.fail_after(10):
        response = await test_app.client.get("/health_check", params={"deep": "true"})

    assert response.status_code == 503
    assert response.json()["database"]["reachable"] is False
    shallow = await test_app.client.get("/health_check")
    assert shallow.status_code == 200


async def test_health_check_refuses_other_methods_with_405_and_allow(test_app: TestApp) -> None:
    response = await test_app.client.post("/health_check")

    assert response.status_code == 405
    assert "GET" in _allowed(response.headers.get("allow", ""))


def _allowed(allow: str) -> set[str]:
    return {method.strip() for method in allow.split(",") if method.strip()}
