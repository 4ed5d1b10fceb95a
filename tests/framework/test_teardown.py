"""`Teardowns`: generator constructors resumed in reverse order, normally or with the error thrown in."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator

import pytest

from framework.teardown import Teardowns


class Transaction:
    def __init__(self, log: list[str], name: str) -> None:
        self.log = log
        self.name = name

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.log.append(f"{self.name}: {'rollback' if exc_type else 'commit'}")


def sync_transaction(log: list[str], name: str) -> Iterator[str]:
    with Transaction(log, name):
        yield name


async def async_transaction(log: list[str], name: str) -> AsyncIterator[str]:
    with Transaction(log, name):
        yield name


@pytest.mark.anyio
async def test_success_resumes_in_reverse_order() -> None:
    log: list[str] = []
    teardowns = Teardowns()
    assert teardowns.enter(sync_transaction(log, "first")) == "first"
    assert await teardowns.enter_async(async_transaction(log, "second")) == "second"
    assert teardowns.enter(sync_transaction(log, "third")) == "third"
    assert len(teardowns) == 3
    await teardowns.close()
    assert log == ["third: commit", "second: commit", "first: commit"]
    assert len(teardowns) == 0


@pytest.mark.anyio
async def test_failure_is_thrown_into_the_generators_alive_at_the_time() -> None:
    log: list[str] = []
    teardowns = Teardowns()
    teardowns.enter(sync_transaction(log, "early"))
    await teardowns.enter_async(async_transaction(log, "also-early"))
    teardowns.failed(ValueError("handler failed"))
    teardowns.enter(sync_transaction(log, "late"))
    await teardowns.close()
    assert log == ["late: commit", "also-early: rollback", "early: rollback"]


@pytest.mark.anyio
async def test_the_thrown_error_is_the_recorded_one() -> None:
    seen: list[BaseException] = []

    def watcher() -> Iterator[int]:
        try:
            yield 1
        except LookupError as exc:
            seen.append(exc)

    error = KeyError("missing")
    teardowns = Teardowns()
    teardowns.enter(watcher())
    teardowns.failed(error)
    teardowns.failed(ValueError("later"))
    await teardowns.close()
    assert seen == [error]


@pytest.mark.anyio
async def test_close_is_idempotent() -> None:
    log: list[str] = []
    teardowns = Teardowns()
    teardowns.enter(sync_transaction(log, "once"))
    await teardowns.close()
    await teardowns.close()
    assert log == ["once: commit"]


def broken_sync() -> Iterator[int]:
    yield 1
    msg = "disk gone"
    raise OSError(msg)


async def broken_async() -> AsyncIterator[int]:
    yield 1
    msg = "network gone"
    raise OSError(msg)


def yields_twice() -> Iterator[int]:
    yield 1
    yield 2


async def yields_twice_async() -> AsyncIterator[int]:
    yield 1
    yield 2


def converts_error() -> Iterator[int]:
    try:
        yield 1
    except ValueError as exc:
        msg = "rollback failed"
        raise RuntimeError(msg) from exc


@pytest.mark.anyio
async def test_teardown_failures_are_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    log: list[str] = []
    teardowns = Teardowns()
    teardowns.enter(sync_transaction(log, "survivor"))
    teardowns.enter(broken_sync())
    await teardowns.enter_async(broken_async())
    teardowns.enter(yields_twice())
    await teardowns.enter_async(yields_twice_async())
    with caplog.at_level(logging.ERROR, logger="framework.teardown"):
        await teardowns.close()
    assert log == ["survivor: commit"]
    messages = [record.getMessage() for record in caplog.records]
    assert sum("yielded more than once" in message for message in messages) == 2
    assert sum("teardown of" in message and "failed" in message for message in messages) == 2
    assert any("broken_sync" in message for message in messages)


@pytest.mark.anyio
async def test_a_new_error_during_failure_teardown_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    teardowns = Teardowns()
    teardowns.enter(converts_error())
    teardowns.failed(ValueError("boom"))
    with caplog.at_level(logging.ERROR, logger="framework.teardown"):
        await teardowns.close()
    assert any("converts_error" in record.getMessage() for record in caplog.records)


def never_yields() -> Iterator[int]:
    return
    yield  # pragma: no cover - makes this a generator


async def never_yields_async() -> AsyncIterator[int]:
    return
    yield  # pragma: no cover


@pytest.mark.anyio
async def test_a_generator_that_never_yields_is_a_bug() -> None:
    teardowns = Teardowns()
    with pytest.raises(RuntimeError, match="without yielding"):
        teardowns.enter(never_yields())
    with pytest.raises(RuntimeError, match="without yielding"):
        await teardowns.enter_async(never_yields_async())
    assert len(teardowns) == 0


@pytest.mark.anyio
async def test_a_constructor_failing_before_yield_is_not_registered() -> None:
    def fails() -> Iterator[int]:
        msg = "db down"
        raise ConnectionError(msg)
        yield 1  # pragma: no cover

    teardowns = Teardowns()
    with pytest.raises(ConnectionError):
        teardowns.enter(fails())
    assert len(teardowns) == 0
