"""The two middleware shapes: a wrapping middleware awaits `Next` (the rest of the pipeline); a
pre-processing middleware returns `Processing` (carry on, or answer early)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from typing import Any, ClassVar

from .responses import Response

__all__ = ["Next", "Processing"]


class Next:
    """The rest of the request pipeline, awaitable exactly once.

    Example:
        >>> async def timing(next: Next) -> Response:
        ...     response = await next
        ...     return response.with_header("Server-Timing", "app")
    """

    __slots__ = ("_awaited", "_call")

    def __init__(self, call: Callable[[], Awaitable[Response]]) -> None:
        self._call = call
        self._awaited = False

    def __await__(self) -> Generator[Any, None, Response]:
        if self._awaited:
            msg = "`Next` was awaited twice: a wrapping middleware may run the rest of the pipeline at most once."
            raise RuntimeError(msg)
        self._awaited = True
        return self._call().__await__()

    def __repr__(self) -> str:
        return f"Next(awaited={self._awaited})"


class Processing:
    """The verdict of a pre-processing middleware: `Processing.CONTINUE` or `Processing.early_return(r)`.

    `response` is None to continue with the pipeline, or the response to send instead.
    """

    __slots__ = ("response",)
    CONTINUE: ClassVar[Processing]

    def __init__(self, response: Response | None = None) -> None:
        self.response = response

    @classmethod
    def early_return(cls, response: Response) -> Processing:
        return cls(response)

    @property
    def is_continue(self) -> bool:
        return self.response is None

    def __repr__(self) -> str:
        return (
            "Processing.CONTINUE" if self.response is None else f"Processing.early_return({self.response!r})"
        )


Processing.CONTINUE = Processing()
