"""Apply the plain SQL migrations of `app/migrations/` in order, each exactly once.

Strategy: take a session-level advisory lock (so that instances starting together apply each
migration once, the others waiting and then finding nothing to do), create the bookkeeping table if
needed, compare the checksum of every applied migration with its file (an edited migration is an
error: the database no longer matches the code), then run each pending file in its own transaction
and record its name and SHA-256 checksum in the same transaction.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncpg

__all__ = ["MIGRATIONS_DIRECTORY", "Migration", "MigrationError", "discover_migrations", "migrate"]

MIGRATIONS_DIRECTORY = Path(__file__).resolve().parent.parent / "migrations"
_FILE_NAME = re.compile(r"^(?P<version>\d{4})_(?P<slug>[a-z0-9_]+)\.sql$")
# An arbitrary constant shared by every instance of the app: "newsletter migrations".
_ADVISORY_LOCK_KEY = 0x6E6C_6D69

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)
"""


class MigrationError(Exception):
    """The migrations cannot be applied safely (edited, missing or misnamed files)."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One SQL file: `version` orders it, `checksum` detects later edits."""

    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def discover_migrations(directory: Path = MIGRATIONS_DIRECTORY) -> list[Migration]:
    """The migrations in `directory`, ordered by version; file names must read `NNNN_name.sql`."""
    migrations: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if match is None:
            msg = f"Migration file {path.name} must be named NNNN_lowercase_name.sql."
            raise MigrationError(msg)
        version = int(match["version"])
        if version in migrations:
            msg = f"Migrations {migrations[version].name} and {path.stem} share the version {version}."
            raise MigrationError(msg)
        migrations[version] = Migration(version, path.stem, path.read_text(encoding="utf-8"))
    return [migrations[version] for version in sorted(migrations)]


async def migrate(dsn: str, directory: Path = MIGRATIONS_DIRECTORY) -> list[str]:
    """Apply the pending migrations to the database at `dsn`; return the names of those applied now."""
    import asyncpg  # imported on first use: keeps `codegen generate` fast

    migrations = discover_migrations(directory)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute("SELECT pg_advisory_lock($1)", _ADVISORY_LOCK_KEY)
        try:
            return await _apply_pending(connection, migrations)
        finally:
            await connection.execute("SELECT pg_advisory_unlock($1)", _ADVISORY_LOCK_KEY)
    finally:
        await connection.close()


async def _apply_pending(connection: asyncpg.Connection, migrations: list[Migration]) -> list[str]:
    await connection.execute(_BOOKKEEPING)
    rows = await connection.fetch("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
    applied = {row["version"]: (row["name"], row["checksum"]) for row in rows}
    _check_applied(applied, migrations)
    applied_now: list[str] = []
    for migration in migrations:
        if migration.version in applied:
            continue
        async with connection.transaction():
            await connection.execute(migration.sql)
            await connection.execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                migration.version,
                migration.name,
                migration.checksum,
            )
        applied_now.append(migration.name)
    return applied_now


def _check_applied(applied: dict[int, tuple[str, str]], migrations: list[Migration]) -> None:
    known = {migration.version: migration for migration in migrations}
    for version, (name, checksum) in sorted(applied.items()):
        migration = known.get(version)
        if migration is None:
            msg = f"The database has migration {name} applied, but app/migrations/ has no such file: is this code older than the database?"
            raise MigrationError(msg)
        if migration.checksum != checksum:
            msg = f"Migration {migration.name} was edited after it was applied (checksum mismatch): add a new migration instead of changing an applied one."
            raise MigrationError(msg)
