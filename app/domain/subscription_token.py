"""`SubscriptionToken`: the secret in a confirmation link, 25 alphanumeric characters."""

from __future__ import annotations

import secrets
import string

__all__ = ["TOKEN_ALPHABET", "TOKEN_LENGTH", "SubscriptionToken"]

TOKEN_LENGTH = 25
TOKEN_ALPHABET = string.ascii_letters + string.digits


class SubscriptionToken:
    """A confirmation token: random (from `secrets`) when generated, checked for shape when parsed."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if len(value) != TOKEN_LENGTH or any(char not in TOKEN_ALPHABET for char in value):
            msg = f"A subscription token is {TOKEN_LENGTH} letters and digits."
            raise ValueError(msg)
        self._value = value

    @classmethod
    def generate(cls) -> SubscriptionToken:
        return cls("".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH)))

    @classmethod
    def parse(cls, raw: str) -> SubscriptionToken | None:
        """The token, or None when `raw` cannot be one (then no subscriber can match it)."""
        try:
            return cls(raw)
        except ValueError:
            return None

    @property
    def value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "SubscriptionToken(***)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SubscriptionToken) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)
