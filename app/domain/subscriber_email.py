"""`SubscriberEmail`: a syntactically valid e-mail address, or no value at all."""

from __future__ import annotations

__all__ = ["InvalidSubscriberEmail", "SubscriberEmail"]


class InvalidSubscriberEmail(ValueError):
    """The submitted address is not an e-mail address; the message quotes it exactly as submitted."""

    def __init__(self, raw: str) -> None:
        super().__init__(f"{raw} is not a valid subscriber email.")
        self.raw = raw


class SubscriberEmail:
    """An e-mail address checked for syntax only (no DNS lookups), kept in its normalised form.

    Normalisation (lower-cased domain, Unicode NFC) makes the same address submitted twice land on
    the same subscriber.
    """

    __slots__ = ("_value",)

    def __init__(self, raw: str) -> None:
        # Imported on first use: keeps `codegen generate` fast (the module compiles big regexes).
        import email_validator

        try:
            checked = email_validator.validate_email(raw, check_deliverability=False)
        except email_validator.EmailNotValidError:
            raise InvalidSubscriberEmail(raw) from None
        self._value: str = checked.normalized

    @classmethod
    def parse(cls, raw: str) -> SubscriberEmail:
        return cls(raw)

    @property
    def value(self) -> str:
        return self._value

    def __str__(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"SubscriberEmail({self._value!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SubscriberEmail) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)
