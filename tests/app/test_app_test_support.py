"""The test support itself: the fake e-mail provider and the throwaway databases behave as the app tests assume."""

from __future__ import annotations

import time

import asyncpg
import httpx
import pytest

from tests.support.email_server import EmailServer, Reply
from tests.support.postgres import TEST_DATABASE_URL, running_postgres, unique_database_name, with_database


def test_the_email_server_records_requests_and_answers_200_by_default(email_server: EmailServer) -> None:
    response = httpx.post(
        f"{email_server.url}/email", json={"To": "ursula@example.com"}, headers={"X-Token": "t"}
    )

    assert response.status_code == 200
    assert response.json()["ErrorCode"] == 0
    (request,) = email_server.requests
    assert (request.method, request.path) == ("POST", "/email")
    assert request.headers["x-token"] == "t"
    assert request.json() == {"To": "ursula@example.com"}


def test_queued_replies_come_first_then_the_default(email_server: EmailServer) -> None:
    email_server.respond_with(Reply(status=202))
    email_server.enqueue(Reply(status=500), Reply(status=503))

    statuses = [httpx.post(f"{email_server.url}/email", json={}).status_code for _ in range(3)]

    assert statuses == [500, 503, 202]


def test_a_delayed_reply_outlasts_a_client_timeout_and_reset_releases_it(email_server: EmailServer) -> None:
    email_server.respond_with(Reply(delay_seconds=30))
    started = time.monotonic()

    with pytest.raises(httpx.ReadTimeout):
        httpx.post(f"{email_server.url}/email", json={}, timeout=0.2)
    email_server.reset()

    assert time.monotonic() - started < 5
    assert email_server.requests == []
    assert httpx.post(f"{email_server.url}/email", json={}).status_code == 200


def test_a_stopped_server_has_no_url() -> None:
    server = EmailServer()
    with server:
        assert server.url.startswith("http://127.0.0.1:")
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.url


def test_with_database_keeps_the_socket_option() -> None:
    dsn = "postgresql://postgres:@/postgres?host=/tmp/pg"

    assert with_database(dsn, "other") == "postgresql://postgres:@/other?host=/tmp/pg"


def test_test_database_url_replaces_the_embedded_server() -> None:
    external = "postgresql://ci:secret@postgres.internal:5432/postgres"

    with running_postgres(environ={TEST_DATABASE_URL: external}) as dsn:
        assert dsn == external


@pytest.mark.parametrize("prefix", ["Upper", "with-dash", 'quote"', "0digit"])
def test_database_names_are_plain_identifiers(prefix: str) -> None:
    with pytest.raises(ValueError, match="identifier"):
        unique_database_name(prefix)


@pytest.mark.anyio
async def test_each_test_gets_its_own_empty_database(postgres_dsn: str, empty_database: str) -> None:
    connection = await asyncpg.connect(empty_database)
    try:
        name = await connection.fetchval("SELECT current_database()")
        tables = await connection.fetchval(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
    finally:
        await connection.close()

    assert name.startswith("test_empty_")
    assert tables == 0
    assert with_database(postgres_dsn, name) == empty_database


@pytest.mark.anyio
async def test_a_fresh_database_is_migrated_empty_and_needs_no_further_migration(fresh_database: str) -> None:
    from app.database.migrations import migrate

    connection = await asyncpg.connect(fresh_database)
    try:
        name = await connection.fetchval("SELECT current_database()")
        subscriptions = await connection.fetchval("SELECT count(*) FROM subscriptions")
        await connection.execute(
            "INSERT INTO subscriptions (id, email, name, subscribed_at, status)"
            " VALUES (gen_random_uuid(), 'ursula@example.com', 'Ursula', now(), 'confirmed')"
        )
    finally:
        await connection.close()

    assert name.startswith("test_newsletter_")
    assert subscriptions == 0
    assert await migrate(fresh_database) == []


@pytest.mark.anyio
async def test_rows_written_by_one_test_are_invisible_to_the_next(fresh_database: str) -> None:
    # Runs after the test above, which inserted a subscriber into its own clone of the template.
    connection = await asyncpg.connect(fresh_database)
    try:
        assert await connection.fetchval("SELECT count(*) FROM subscriptions") == 0
    finally:
        await connection.close()
