"""Test support shared by the whole suite: a Postgres server and a fake e-mail provider."""

from __future__ import annotations

from .email_server import (
    EmailServer as EmailServer,
    RecordedRequest as RecordedRequest,
    Reply as Reply,
)
from .postgres import (
    TEST_DATABASE_URL as TEST_DATABASE_URL,
    create_database as create_database,
    drop_database as drop_database,
    running_postgres as running_postgres,
    start_embedded_postgres as start_embedded_postgres,
    unique_database_name as unique_database_name,
    with_database as with_database,
)

__all__ = [
    "TEST_DATABASE_URL",
    "EmailServer",
    "RecordedRequest",
    "Reply",
    "create_database",
    "drop_database",
    "running_postgres",
    "start_embedded_postgres",
    "unique_database_name",
    "with_database",
]
