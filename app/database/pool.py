"""The connection pool: a singleton built at start-up and closed at shutdown."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from app.configuration import ConfigurationError, Settings

if TYPE_CHECKING:
    import asyncpg

__all__ = ["Database", "connection_pool"]


class Database:
    """The app's asyncpg pool behind a plain class.

    asyncpg's `Pool` is generic only in its type stubs (`Pool[Record]` fails at run time), so the
    compiler keys the singleton on this wrapper instead; `pool` is the asyncpg pool itself.
    """

    __slots__ = ("pool",)

    def __init__(self, pool: asyncpg.Pool[asyncpg.Record]) -> None:
        self.pool = pool

    async def is_reachable(self, timeout_seconds: float = 2.0) -> bool:
        """Whether a connection can run `SELECT 1` within the timeout (for the deep health check).

        Any failure counts as unreachable: refused or dropped connections, timeouts, server errors.
        """
        try:
            async with self.pool.acquire(timeout=timeout_seconds) as connection:
                return bool(await connection.fetchval("SELECT 1", timeout=timeout_seconds) == 1)
        except Exception:
            return False


async def connection_pool(settings: Settings) -> AsyncIterator[Database]:
    """Open the pool described by `settings.database`; close it when the application stops."""
    url = settings.database.url
    if url is None:
        msg = "Missing configuration key `database.url`: set APP_DATABASE__URL (only `python -m app serve` starts the embedded Postgres for you)."
        raise ConfigurationError(msg, key="database.url")
    import asyncpg  # imported on first use: keeps `codegen generate` fast

    pool = await asyncpg.create_pool(
        url.expose(),
        min_size=settings.database.pool_min_size,
        max_size=settings.database.pool_max_size,
    )
    try:
        yield Database(pool)
    finally:
        await pool.close()
