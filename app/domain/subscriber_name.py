"""`SubscriberName`: a name that is safe to store and to show, or no value at all."""

from __future__ import annotations

from .graphemes import grapheme_count
from .validated import ValidatedString

__all__ = ["FORBIDDEN_CHARACTERS", "MAX_GRAPHEMES", "InvalidSubscriberName", "SubscriberName"]

MAX_GRAPHEMES = 256
FORBIDDEN_CHARACTERS = frozenset('/()"<>\\{}')


class InvalidSubscriberName(ValueError):
    """The submitted name breaks a rule; the message quotes it exactly as submitted."""

    def __init__(self, raw: str) -> None:
        super().__init__(f"{raw} is not a valid subscriber name.")
        self.raw = raw


class SubscriberName(ValidatedString):
    """A subscriber's name: not blank, at most 256 graphemes, none of `/()"<>\\{}`.

    Constructing one validates it, so holding a `SubscriberName` proves the rules hold. Surrounding
    whitespace is trimmed; the error message quotes the value exactly as it was submitted.
    """

    __slots__ = ()

    def _validate(self, raw: str) -> str:
        value = raw.strip()
        if (
            not value
            or grapheme_count(value) > MAX_GRAPHEMES
            or any(char in FORBIDDEN_CHARACTERS for char in value)
        ):
            raise InvalidSubscriberName(raw)
        return value

    @classmethod
    def parse(cls, raw: str) -> SubscriberName:
        return cls(raw)
