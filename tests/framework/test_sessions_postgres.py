"""`PostgresSessionStore` against a real Postgres, on the schema of `framework/sessions.sql`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest

import framework
from framework.cookies import RequestCookies
from framework.responses import Response
from framework.sessions import PostgresSessionStore, SessionConfig, finalize_session, session

pytestmark = pytest.mark.anyio

SCHEMA = Path(framework.__file__).with_name("sessions.sql").read_text()
NOW = datetime(2030, 1, 1, tzinfo=UTC)


@pytest.fixture
async def pool(empty_database: str) -> AsyncIterator[asyncpg.Pool[Any]]:
    async with asyncpg.create_pool(empty_database, min_size=1, max_size=2) as pool:
        await pool.execute(SCHEMA)
        yield pool


async def test_save_load_touch_delete(pool: asyncpg.Pool[Any]) -> None:
    store = PostgresSessionStore(pool)
    deadline = NOW + timedelta(minutes=5)
    await store.save("id-1", {"user_id": "u-1", "nested": {"a": [1, 2]}}, deadline)
    record = await store.load("id-1", NOW)
    assert record is not None
    assert record.state == {"user_id": "u-1", "nested": {"a": [1, 2]}}
    assert record.deadline == deadline

    await store.save("id-1", {"user_id": "u-2"}, deadline)  # upsert replaces the state
    record = await store.load("id-1", NOW)
    assert record is not None and record.state == {"user_id": "u-2"}

    later = deadline + timedelta(minutes=5)
    await store.touch("id-1", later)
    record = await store.load("id-1", NOW)
    assert record is not None and record.deadline == later and record.state == {"user_id": "u-2"}

    await store.delete("id-1")
    await store.delete("id-1")  # deleting twice is fine
    assert await store.load("id-1", NOW) is None


async def test_state_is_stored_as_jsonb(pool: asyncpg.Pool[Any]) -> None:
    store = PostgresSessionStore(pool)
    await store.save("id-1", {"user_id": "u-1"}, NOW + timedelta(minutes=5))
    assert await pool.fetchval("SELECT state ->> 'user_id' FROM sessions WHERE id = 'id-1'") == "u-1"


async def test_expired_sessions_are_invisible_and_purged(pool: asyncpg.Pool[Any]) -> None:
    store = PostgresSessionStore(pool)
    await store.save("expired", {"k": 1}, NOW)
    await store.save("expiring", {"k": 1}, NOW + timedelta(seconds=1))
    await store.save("alive", {"k": 1}, NOW + timedelta(hours=1))
    assert await store.load("expired", NOW) is None
    assert await pool.fetchval("SELECT count(*) FROM sessions WHERE id = 'expired'") == 0
    assert await store.purge_expired(NOW + timedelta(seconds=1)) == 1
    assert await store.load("alive", NOW) is not None
    assert await pool.fetchval("SELECT count(*) FROM sessions") == 1


async def test_a_login_rotation_and_logout_against_postgres(pool: asyncpg.Pool[Any]) -> None:
    store = PostgresSessionStore(pool)
    config = SessionConfig(idle_timeout=timedelta(minutes=10), secure=True, clock=lambda: NOW)

    current = session(store, config, RequestCookies.from_header("session_id=forged"))
    await current.cycle_id()
    await current.insert("user_id", "u-1")
    response = await finalize_session(Response.see_other("/admin/dashboard"), current)
    (cookie,) = response.get_all("set-cookie")
    session_id = cookie.split(";")[0].removeprefix("session_id=")
    assert session_id != "forged"
    assert "Secure; HttpOnly; SameSite=Lax" in cookie

    current = session(store, config, RequestCookies.from_header(f"session_id={session_id}"))
    assert await current.get("user_id", str) == "u-1"
    await current.purge()
    response = await finalize_session(Response.see_other("/login"), current)
    assert "Max-Age=0" in response.get_all("set-cookie")[0]
    assert await pool.fetchval("SELECT count(*) FROM sessions") == 0
