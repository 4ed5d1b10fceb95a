"""Teardown of generator constructors: the code after `yield`, run when a request (or the app) ends.

A constructor written as a generator that yields once hands its value to the request and keeps its
`with` blocks open. When the response is ready, `Teardowns.close()` resumes the generators in reverse
order of entry: normally when nothing went wrong while the value was alive, or with the recorded
exception thrown in, so that `with transaction:` commits or rolls back by itself. A teardown that fails,
or a generator that yields a second time, is logged and never changes the response already produced.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from typing import Any, TypeVar

__all__ = ["Teardowns"]

T = TypeVar("T")

logger = logging.getLogger("framework.teardown")


class _Entry:
    __slots__ = ("error", "generator", "is_async")

    def __init__(self, generator: Any, is_async: bool) -> None:
        self.generator = generator
        self.is_async = is_async
        self.error: BaseException | None = None


class Teardowns:
    """The generators entered during one request (or at start-up, for singletons), closed together.

    Example:
        >>> def numbers() -> Iterator[int]:
        ...     yield 42
        ...     print("torn down")
        >>> teardowns = Teardowns()
        >>> teardowns.enter(numbers())
        42
    """

    __slots__ = ("_entries",)

    def __init__(self) -> None:
        self._entries: list[_Entry] = []

    def enter(self, generator: Iterator[T]) -> T:
        """Run a sync generator constructor up to its `yield` and return the value it yields."""
        try:
            value = next(generator)
        except StopIteration:
            msg = f"the generator constructor {_name(generator)} returned without yielding a value"
            raise RuntimeError(msg) from None
        self._entries.append(_Entry(generator, is_async=False))
        return value

    async def enter_async(self, generator: AsyncIterator[T]) -> T:
        """Run an async generator constructor up to its `yield` and return the value it yields."""
        try:
            value = await generator.__anext__()
        except StopAsyncIteration:
            msg = f"the generator constructor {_name(generator)} returned without yielding a value"
            raise RuntimeError(msg) from None
        self._entries.append(_Entry(generator, is_async=True))
        return value

    def failed(self, error: BaseException) -> None:
        """Record that `error` was raised while every generator entered so far was alive."""
        for entry in self._entries:
            if entry.error is None:
                entry.error = error

    def __len__(self) -> int:
        return len(self._entries)

    async def close(self) -> None:
        """Resume every generator, last entered first; failures are logged, never raised."""
        entries, self._entries = self._entries, []
        for entry in reversed(entries):
            try:
                if entry.is_async:
                    await _close_async(entry.generator, entry.error)
                else:
                    _close_sync(entry.generator, entry.error)
            except Exception:
                logger.exception("the teardown of %s failed", _name(entry.generator))


def _close_sync(generator: Generator[Any, None, None], error: BaseException | None) -> None:
    try:
        if error is None:
            next(generator)
        else:
            generator.throw(error)
    except StopIteration:
        return
    except Exception as exc:
        if exc is error:
            return  # the generator let the request's own error through, as `with` blocks do
        raise
    generator.close()
    logger.error(
        "the generator constructor %s yielded more than once; only one `yield` is allowed", _name(generator)
    )


async def _close_async(generator: AsyncGenerator[Any, None], error: BaseException | None) -> None:
    try:
        if error is None:
            await generator.__anext__()
        else:
            await generator.athrow(error)
    except StopAsyncIteration:
        return
    except Exception as exc:
        if exc is error:
            return
        raise
    await generator.aclose()
    logger.error(
        "the generator constructor %s yielded more than once; only one `yield` is allowed", _name(generator)
    )


def _name(generator: object) -> str:
    code = getattr(generator, "gi_code", None) or getattr(generator, "ag_code", None)
    qualname = getattr(generator, "__qualname__", None) or getattr(code, "co_qualname", None)
    return f"`{qualname}`" if qualname else repr(generator)
