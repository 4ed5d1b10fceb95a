"""The app's commands (DESIGN.md §8), run as a user would: `python -m app ...` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import anyio
import argon2
import asyncpg
import pytest

ROOT = Path(__file__).resolve().parents[2]
MIGRATION_FILES = sorted(path.name for path in (ROOT / "app" / "migrations").glob("*.sql"))
COMMAND_TIMEOUT_SECONDS = 60


def run_app(*args: str, environ: Mapping[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `python -m app ARGS` from the repository root with `environ` layered over this process's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("APP_")}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=COMMAND_TIMEOUT_SECONDS,
        check=False,
    )


def database_environ(database_url: str) -> dict[str, str]:
    return {"APP_ENVIRONMENT": "local", "APP_DATABASE__URL": database_url}


async def fetch(database_url: str, query: str) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(database_url)
    try:
        return await connection.fetch(query)
    finally:
        await connection.close()


@pytest.mark.parametrize(
    "username",
    [
        pytest.param("ursula", id="plain"),
        pytest.param("Ursula K. Le Guin <ursula@example.com>", id="any-non-empty-name"),
    ],
)
def test_create_user_stores_an_argon2id_hash_of_the_first_stdin_line(
    fresh_database: str, username: str
) -> None:
    password = "correct horse battery staple"

    result = run_app(
        "create-user",
        username,
        "--password-stdin",
        environ=database_environ(fresh_database),
        stdin=password + "\n",
    )

    assert result.returncode == 0, result.stderr
    assert password not in result.stdout + result.stderr
    (user,) = anyio.run(fetch, fresh_database, "SELECT username, password_hash FROM users")
    assert user["username"] == username
    assert user["password_hash"].startswith("$argon2id$")
    assert argon2.PasswordHasher().verify(user["password_hash"], password)


def test_create_user_strips_a_windows_line_ending_and_ignores_later_lines(fresh_database: str) -> None:
    result = run_app(
        "create-user",
        "ursula",
        "--password-stdin",
        environ=database_environ(fresh_database),
        stdin="first-line-password\r\nsecond line\n",
    )

    assert result.returncode == 0, result.stderr
    (user,) = anyio.run(fetch, fresh_database, "SELECT password_hash FROM users")
    assert argon2.PasswordHasher().verify(user["password_hash"], "first-line-password")


def test_migrate_applies_every_migration_once_and_is_idempotent(empty_database: str) -> None:
    first = run_app("migrate", environ=database_environ(empty_database))
    applied_once = anyio.run(fetch, empty_database, "SELECT name FROM schema_migrations ORDER BY version")
    second = run_app("migrate", environ=database_environ(empty_database))
    applied_twice = anyio.run(fetch, empty_database, "SELECT name FROM schema_migrations ORDER BY version")

    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert [f"{row['name']}.sql" for row in applied_once] == MIGRATION_FILES
    assert applied_twice == applied_once
    tables = anyio.run(
        fetch,
        empty_database,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    assert {"subscriptions", "subscription_tokens", "users"} <= {row["table_name"] for row in tables}


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        pytest.param({"APP_ENVIRONMENT": "staging"}, "staging", id="unknown-environment"),
        pytest.param({"APP_APPLICATION__PORT": "eighty"}, "application.port", id="invalid-value"),
        pytest.param({"APP_DATABASE__URLL": "postgresql://x"}, "database.urll", id="unknown-key"),
    ],
)
def test_a_configuration_error_stops_the_command_with_a_message_naming_it(
    environ: dict[str, str], named: str
) -> None:
    result = run_app("migrate", environ=environ)

    assert result.returncode != 0
    assert named in result.stderr
    assert "Traceback" not in result.stderr


def test_create_user_refuses_a_taken_username_with_one_line(fresh_database: str) -> None:
    environ = database_environ(fresh_database)
    first = run_app("create-user", "ursula", "--password-stdin", environ=environ, stdin="first password\n")

    second = run_app("create-user", "ursula", "--password-stdin", environ=environ, stdin="second password\n")

    assert first.returncode == 0, first.stderr
    assert second.returncode == 1
    assert "ursula" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1, second.stderr
    (user,) = anyio.run(fetch, fresh_database, "SELECT password_hash FROM users")
    assert argon2.PasswordHasher().verify(user["password_hash"], "first password")


@pytest.mark.parametrize(
    "stdin", [pytest.param("", id="no-input"), pytest.param("\n", id="empty-first-line")]
)
def test_create_user_refuses_an_empty_password(fresh_database: str, stdin: str) -> None:
    result = run_app(
        "create-user", "ursula", "--password-stdin", environ=database_environ(fresh_database), stdin=stdin
    )

    assert result.returncode == 1
    assert "password" in result.stderr
    assert anyio.run(fetch, fresh_database, "SELECT username FROM users") == []
