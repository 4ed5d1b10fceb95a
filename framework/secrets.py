"""`Secret[T]`: a value that never shows itself in logs, reprs or JSON by accident.

Passwords, API tokens and signing keys are wrapped at the edge (configuration loading) and unwrapped
with `.expose()` only where they are used, so a stray `print(settings)` or a log line prints `***`.

Example:
    token = Secret("s3cr3t")
    str(token)       # "***"
    token.expose()   # "s3cr3t"
"""

from __future__ import annotations

import hmac
from typing import Any, Final, Generic, NoReturn, TypeVar

import msgspec

__all__ = ["REDACTED", "Secret", "secret_dec_hook", "secret_enc_hook"]

T = TypeVar("T")

REDACTED: Final = "***"


class Secret(Generic[T]):
    """Holds a sensitive value; `str`, `repr` and `format` all print `***`."""

    __slots__ = ("_value",)

    def __init__(self, value: T) -> None:
        self._value = value

    def expose(self) -> T:
        """Return the wrapped value: call it only where the secret is actually used."""
        return self._value

    def __repr__(self) -> str:
        return REDACTED

    __str__ = __repr__

    def __format__(self, format_spec: str) -> str:
        return REDACTED

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        mine, theirs = self._value, other._value
        if isinstance(mine, str) and isinstance(theirs, str):
            return hmac.compare_digest(mine.encode(), theirs.encode())
        if isinstance(mine, bytes) and isinstance(theirs, bytes):
            return hmac.compare_digest(mine, theirs)
        return bool(mine == theirs)

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __reduce__(self) -> NoReturn:
        # Pickling would write the value to disk or to another process: refuse rather than leak.
        msg = "A Secret cannot be pickled; pass the exposed value explicitly if you really mean to."
        raise TypeError(msg)


def secret_enc_hook(obj: Any) -> Any:
    """A msgspec `enc_hook` that encodes any `Secret` as `"***"` (other unknown types still fail)."""
    if isinstance(obj, Secret):
        return REDACTED
    msg = f"Encoding objects of type {type(obj).__name__} is unsupported"
    raise TypeError(msg)


def secret_dec_hook(type_: Any, obj: Any) -> Any:
    """A msgspec `dec_hook` that builds `Secret[X]` (or bare `Secret`) from the raw value.

    Example:
        msgspec.convert({"token": "abc"}, Settings, dec_hook=secret_dec_hook)
    """

    origin = getattr(type_, "__origin__", type_)
    if origin is Secret:
        args = getattr(type_, "__args__", ())
        inner = msgspec.convert(obj, args[0], strict=False, dec_hook=secret_dec_hook) if args else obj
        return Secret(inner)
    msg = f"Decoding into {getattr(type_, '__name__', type_)} is unsupported"
    raise TypeError(msg)
