"""Fixtures shared by the whole suite: the anyio backend, a Postgres server, fresh databases, a fake e-mail provider.

- `postgres_dsn` (session): a superuser DSN to a running Postgres (`TEST_DATABASE_URL`, or an embedded
  server started once per session). Generic: no app import.
- `empty_database` (function): the DSN of a new, empty database, dropped after the test.
- `fresh_database` (function): the DSN of a new database cloned from the migrated newsletter template.
- `email_server` (function): the session's fake e-mail provider, reset for the test.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest

ROOT = Path(__file__).resolve().parent.parent
# Test modules import shared helpers as `tests.support...` and `tests.app...`. The repository root must be
# importable for that, and must come first so that `app` is the newsletter package, never `tests/app`.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.email_server import EmailServer  # noqa: E402 - needs the sys.path entry above
from tests.support.postgres import (  # noqa: E402
    create_database,
    drop_database,
    running_postgres,
    unique_database_name,
    with_database,
)


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def postgres_dsn() -> Iterator[str]:
    """A superuser DSN (to the `postgres` maintenance database) of the session's Postgres server."""
    with running_postgres() as dsn:
        yield dsn


@pytest.fixture
def empty_database(postgres_dsn: str) -> Iterator[str]:
    """The DSN of a new, empty database for this test only."""
    name = unique_database_name("test_empty")
    dsn = anyio.run(_create, postgres_dsn, name, None)
    try:
        yield dsn
    finally:
        anyio.run(drop_database, postgres_dsn, name)


@pytest.fixture(scope="session")
def newsletter_template(postgres_dsn: str) -> Iterator[str]:
    """The name of a database holding the newsletter's schema, migrated once per session."""
    from app.database.migrations import migrate

    name = unique_database_name("newsletter_template")
    anyio.run(_create, postgres_dsn, name, None)
    try:
        anyio.run(migrate, with_database(postgres_dsn, name))
        yield name
    finally:
        anyio.run(drop_database, postgres_dsn, name)


@pytest.fixture
def fresh_database(postgres_dsn: str, newsletter_template: str) -> Iterator[str]:
    """The DSN of a migrated database for this test only, cloned from the template and dropped after."""
    name = unique_database_name("test_newsletter")
    dsn = anyio.run(_create, postgres_dsn, name, newsletter_template)
    try:
        yield dsn
    finally:
        anyio.run(drop_database, postgres_dsn, name)


@pytest.fixture(scope="session")
def _email_server_for_session() -> Iterator[EmailServer]:
    with EmailServer() as server:
        yield server


@pytest.fixture
def email_server(_email_server_for_session: EmailServer) -> Iterator[EmailServer]:
    """The fake e-mail provider, with no recorded requests and the default reply (200) at the start of the test."""
    _email_server_for_session.reset()
    yield _email_server_for_session
    _email_server_for_session.reset()


async def _create(server_dsn: str, name: str, template: str | None) -> str:
    return await create_database(server_dsn, name, template=template)


def pytest_addoption(parser: pytest.Parser) -> None:
    # Registered in the root conftest so that it is known however pytest is pointed (`pytest`,
    # `pytest tests/codegen`, one test file); options of nested conftests exist only when pytest starts there.
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="rewrite the expected outputs of tests/codegen/cases instead of failing on a difference",
    )
