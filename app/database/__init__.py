"""Postgres: the connection pool singleton, the migrations and the embedded server for local runs."""

from __future__ import annotations

from .migrations import MigrationError as MigrationError, migrate as migrate
from .pool import Database as Database, connection_pool as connection_pool

__all__ = ["Database", "MigrationError", "connection_pool", "migrate"]
