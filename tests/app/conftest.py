"""Fixtures of the app's integration tests: a running newsletter app per test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.app.helpers import TestApp, spawn_app
from tests.support.email_server import EmailServer


@pytest.fixture
async def test_app(fresh_database: str, email_server: EmailServer) -> AsyncIterator[TestApp]:
    """The app, in-process, on its own freshly migrated database, sending e-mails to the fake provider."""
    async with spawn_app(fresh_database, email_server) as app:
        yield app
