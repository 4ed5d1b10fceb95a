"""`ValidatedString`: the shape shared by the domain's string types, which cannot hold an invalid value."""

from __future__ import annotations

__all__ = ["ValidatedString"]


class ValidatedString:
    """A string checked once, when constructed: holding an instance proves the rules of its type hold.

    Subclasses implement `_validate(raw)`, returning the value to keep (e.g. trimmed or normalised) or
    raising their own error. Instances compare equal when they are of the same type and hold the same value.
    """

    __slots__ = ("_value",)

    def __init__(self, raw: str) -> None:
        self._value: str = self._validate(raw)

    def _validate(self, raw: str) -> str:
        raise NotImplementedError

    @property
    def value(self) -> str:
        return self._value

    def __str__(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._value!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._value == self._value

    def __hash__(self) -> int:
        return hash((type(self), self._value))
