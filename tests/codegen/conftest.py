"""Fixtures of the compiler's black-box tests (their `--update-snapshots` option is in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
