"""The command-line commands behind `python -m app` (see `app/__main__.py` for the parser).

Each command loads the settings, makes sure a database is there (in the local environment without
`database.url`, the embedded Postgres under `.data/`, stopped again when the command ends) and does
its job. Errors a user can fix print one line on stderr and exit 1; tracebacks are for bugs.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import TextIO

import asyncpg
import msgspec

from app.configuration import ConfigurationError, Settings, load_settings
from app.database import Database, MigrationError
from app.database.embedded import EmbeddedPostgres, create_database_if_missing
from app.database.migrations import migrate as apply_migrations
from app.users import UsernameTaken, create_user as store_user, generate_password, has_users
from framework.secrets import Secret
from framework.server import StartupFailed

__all__ = ["create_user", "ensure_server_sdk", "migrate", "serve", "with_database"]

APP_DIRECTORY = Path(__file__).resolve().parent
SERVER_SDK = APP_DIRECTORY / "server_sdk.py"
BLUEPRINT_REFERENCE = "app.blueprint:blueprint"
LOCAL_DATABASE_NAME = "newsletter"
FIRST_USERNAME = "admin"


class CommandError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""


def serve() -> int:
    """Regenerate a stale server SDK (local), start the database, migrate, then serve until Ctrl-C."""

    def before(settings: Settings) -> None:
        # uvicorn stops gracefully on SIGTERM, then re-raises the signal: make that an exception
        # too, so that `with_database` still stops the embedded Postgres on the way out.
        signal.signal(signal.SIGTERM, _interrupt)
        if settings.is_local:
            ensure_server_sdk()

    async def main(settings: Settings) -> None:
        from app.startup import run  # imported after ensure_server_sdk() may have rewritten the module

        await _create_first_user(settings)
        await run(settings)

    return _run_command(main, before=before, stop_on_interrupt=True)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def migrate() -> int:
    """Apply the pending migrations and say which ones ran."""

    async def main(settings: Settings) -> None:
        applied = await apply_migrations(_dsn(settings))
        print(f"Applied {', '.join(applied)}." if applied else "The database is up to date.")

    return _run_command(main, migrate_first=False)


def create_user(username: str, stdin: TextIO) -> int:
    """Create `username` with the password on the first line of `stdin`."""
    password = stdin.readline().removesuffix("\n").removesuffix("\r")
    if not username or not password:
        what = "username" if not username else "password (the first line of standard input)"
        print(f"error: the {what} must not be empty.", file=sys.stderr)
        return 1

    async def main(settings: Settings) -> None:
        async with _database(settings) as database:
            try:
                await store_user(database, username, password)
            except UsernameTaken as error:
                raise CommandError(str(error)) from None
        print(f"Created the user {username!r}.")

    return _run_command(main)


def _run_command(
    main: Callable[[Settings], Awaitable[None]],
    *,
    migrate_first: bool = True,
    before: Callable[[Settings], None] | None = None,
    stop_on_interrupt: bool = False,
) -> int:
    """Load the settings, provide a database, migrate (unless told not to) and run `main`.

    `stop_on_interrupt`: Ctrl-C is how a server is meant to stop, so it exits 0 rather than 130.
    """
    try:
        settings = load_settings()
        if before is not None:
            before(settings)
        with with_database(settings) as settings:

            async def body() -> None:
                if migrate_first and settings.database.migrate_on_startup:
                    await apply_migrations(_dsn(settings))
                await main(settings)

            asyncio.run(body())
    except (CommandError, ConfigurationError, MigrationError, StartupFailed) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except (OSError, asyncpg.PostgresError) as error:
        print(f"error: the database failed: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0 if stop_on_interrupt else 130
    return 0


@contextlib.contextmanager
def with_database(settings: Settings) -> Iterator[Settings]:
    """`settings` with a `database.url`: the configured one, or the embedded Postgres (local only)."""
    if settings.database.url is not None:
        yield settings
        return
    if not settings.is_local:
        msg = "Missing configuration key `database.url`: set APP_DATABASE__URL."
        raise ConfigurationError(msg, key="database.url")
    print("Starting the embedded Postgres in .data/postgres ...", file=sys.stderr, flush=True)
    with EmbeddedPostgres() as server:
        asyncio.run(create_database_if_missing(server.dsn(), LOCAL_DATABASE_NAME))
        database = msgspec.structs.replace(settings.database, url=Secret(server.dsn(LOCAL_DATABASE_NAME)))
        yield msgspec.structs.replace(settings, database=database)


def ensure_server_sdk() -> None:
    """Regenerate `app/server_sdk.py` from the blueprint; the compiler rewrites it only if it changed."""
    if not (APP_DIRECTORY / "blueprint.py").exists():
        return  # an installed copy without sources: the committed module is all there is
    root = APP_DIRECTORY.parent
    output = SERVER_SDK.relative_to(root).as_posix()
    command = [sys.executable, "-m", "codegen", "generate", BLUEPRINT_REFERENCE, "--output", output]
    completed = subprocess.run(command, capture_output=True, text=True, check=False, cwd=root)
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout + completed.stderr)
        msg = f"The blueprint does not compile, so {SERVER_SDK.name} cannot be regenerated (see above)."
        raise CommandError(msg)


async def _create_first_user(settings: Settings) -> None:
    """On a local database without users, create `admin` with a random password, shown only now."""
    if not settings.is_local:
        return
    async with _database(settings) as database:
        if await has_users(database):
            return
        password = generate_password()
        await store_user(database, FIRST_USERNAME, password)
    print(
        f"Created the user {FIRST_USERNAME!r} with the password {password!r} (shown only this once).",
        file=sys.stderr,
        flush=True,
    )


@contextlib.asynccontextmanager
async def _database(settings: Settings) -> AsyncIterator[Database]:
    pool = await asyncpg.create_pool(_dsn(settings), min_size=1, max_size=2)
    try:
        yield Database(pool)
    finally:
        await pool.close()


def _dsn(settings: Settings) -> str:
    url = settings.database.url
    if url is None:
        msg = "Missing configuration key `database.url`."
        raise ConfigurationError(msg, key="database.url")
    return url.expose()
