"""`SubscriptionToken`: the secret in a confirmation link, 25 alphanumeric characters."""

from __future__ import annotations

import secrets
import string

from .validated import ValidatedString

__all__ = ["TOKEN_ALPHABET", "TOKEN_LENGTH", "SubscriptionToken"]

TOKEN_LENGTH = 25
TOKEN_ALPHABET = string.ascii_letters + string.digits


class SubscriptionToken(ValidatedString):
    """A confirmation token: random (from `secrets`) when generated, checked for shape when parsed."""

    __slots__ = ()

    def _validate(self, raw: str) -> str:
        if len(raw) != TOKEN_LENGTH or any(char not in TOKEN_ALPHABET for char in raw):
            msg = f"A subscription token is {TOKEN_LENGTH} letters and digits."
            raise ValueError(msg)
        return raw

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

    def __repr__(self) -> str:
        return "SubscriptionToken(***)"  # a credential: kept out of logs and tracebacks
