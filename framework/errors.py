"""Errors as the runtime sees them: `HTTPError` for failures that carry their own response, `Error` for
observers, and the generic 500 used for anything nobody handled."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from http import HTTPStatus

from .responses import Response, Text

__all__ = ["Error", "HTTPError", "internal_server_error", "log_unobserved_error"]

_log = logging.getLogger("framework.errors")


class HTTPError(Exception):
    """An exception that knows its HTTP answer: `status_code`, a client-safe `detail`, extra `headers`.

    Example:
        >>> HTTPError(404, "No such subscriber.").to_response().status
        404
    """

    def __init__(self, status_code: int, detail: str = "", headers: Iterable[tuple[str, str]] = ()) -> None:
        self.status_code = status_code
        self.detail = detail or _phrase(status_code)
        self.headers = list(headers)
        super().__init__(self.detail)

    def to_response(self) -> Response:
        """A `text/plain` response with the status, the detail as body and the extra headers."""
        return Response(self.status_code, Text(self.detail), self.headers)

    def __str__(self) -> str:
        return self.detail

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code!r}, detail={self.detail!r})"


def _phrase(status_code: int) -> str:
    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return f"HTTP {status_code}"


class Error:
    """An exception wrapped for error observers: what to log, without knowing the exception's type.

    `message` is `str(exc)` (the class name when that is empty), `details` its `repr`, and `source_chain`
    the messages of the exception and of each cause along `__cause__` / `__context__`, outermost first.

    Example:
        >>> try:
        ...     try:
        ...         raise KeyError("user_id")
        ...     except KeyError as exc:
        ...         raise RuntimeError("cannot load the session") from exc
        ... except RuntimeError as exc:
        ...     error = Error(exc)
        >>> error.source_chain
        ['cannot load the session', "'user_id'"]
    """

    __slots__ = ("inner",)

    def __init__(self, inner: BaseException) -> None:
        self.inner = inner

    @classmethod
    def wrap(cls, inner: BaseException) -> Error:
        return cls(inner)

    @property
    def message(self) -> str:
        return _message(self.inner)

    @property
    def details(self) -> str:
        return repr(self.inner)

    @property
    def source_chain(self) -> list[str]:
        chain: list[str] = []
        seen: set[int] = set()
        current: BaseException | None = self.inner
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            chain.append(_message(current))
            current = _cause(current)
        return chain

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"Error({self.inner!r})"


def _message(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _cause(exc: BaseException) -> BaseException | None:
    if exc.__cause__ is not None:
        return exc.__cause__
    if exc.__suppress_context__:
        return None
    return exc.__context__


def internal_server_error() -> Response:
    """The default handler's answer for anything unhandled: a generic 500 whose body leaks nothing."""
    return Response.internal_server_error()


def log_unobserved_error(error: BaseException) -> None:
    """Log, with its traceback, an error answered with the default 500 that no error observer saw.

    Generated code calls it where no observer is registered, or none can run for that error, so that no
    failure is ever answered silently.
    """
    _log.error("unhandled error answered with a 500 (no error observer saw it)", exc_info=error)
