"""Fixtures and options of the compiler's black-box tests."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    # Registered here, so it is known when pytest is pointed at tests/codegen (the documented command);
    # `UPDATE_SNAPSHOTS=1` works from anywhere.
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="rewrite the expected outputs of tests/codegen/cases instead of failing on a difference",
    )


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
