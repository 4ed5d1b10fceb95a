"""Discovering the migration files: order, naming and the shipped set (no database needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.database.migrations import MIGRATIONS_DIRECTORY, MigrationError, discover_migrations


def test_the_shipped_migrations_are_numbered_without_gaps() -> None:
    migrations = discover_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert {"subscriptions", "subscription_tokens", "users", "email_outbox", "sessions"} <= {
        name for m in migrations for name in _created_tables(m.sql)
    }


def test_the_sessions_migration_matches_the_framework_table() -> None:
    framework_sql = (Path(__file__).resolve().parents[3] / "framework" / "sessions.sql").read_text()
    (sessions,) = [m for m in discover_migrations() if "sessions" in m.name]
    assert framework_sql.strip() in sessions.sql


def test_migrations_are_ordered_by_version(tmp_path: Path) -> None:
    (tmp_path / "0002_second.sql").write_text("SELECT 2;")
    (tmp_path / "0001_first.sql").write_text("SELECT 1;")
    assert [m.name for m in discover_migrations(tmp_path)] == ["0001_first", "0002_second"]


@pytest.mark.parametrize("name", ["1_short.sql", "0001-dash.sql", "0001_Upper.sql", "migration.sql"])
def test_misnamed_files_are_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="NNNN_lowercase_name"):
        discover_migrations(tmp_path)


def test_two_files_with_one_version_are_refused(tmp_path: Path) -> None:
    (tmp_path / "0001_a.sql").write_text("SELECT 1;")
    (tmp_path / "0001_b.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="share the version 1"):
        discover_migrations(tmp_path)


def test_the_checksum_changes_with_the_content() -> None:
    (first, *_) = discover_migrations(MIGRATIONS_DIRECTORY)
    assert len(first.checksum) == 64
    assert type(first)(first.version, first.name, first.sql + " ").checksum != first.checksum


def _created_tables(sql: str) -> list[str]:
    words = sql.replace("(", " ").split()
    return [words[i + 2] for i, word in enumerate(words[:-2]) if (word, words[i + 1]) == ("CREATE", "TABLE")]
