"""`SubscriberEmail`: a syntactically valid e-mail address, or no value at all."""

from __future__ import annotations

from .validated import ValidatedString

__all__ = ["InvalidSubscriberEmail", "SubscriberEmail"]


class InvalidSubscriberEmail(ValueError):
    """The submitted address is not an e-mail address; the message quotes it exactly as submitted."""

    def __init__(self, raw: str) -> None:
        super().__init__(f"{raw} is not a valid subscriber email.")
        self.raw = raw


class SubscriberEmail(ValidatedString):
    """An e-mail address checked for syntax only (no DNS lookups), kept in its normalised form.

    Normalisation (lower-cased domain, Unicode NFC) makes the same address submitted twice land on
    the same subscriber.
    """

    __slots__ = ()

    def _validate(self, raw: str) -> str:
        # Imported on first use: keeps `codegen generate` fast (the module compiles big regexes).
        import email_validator

        try:
            checked = email_validator.validate_email(raw, check_deliverability=False)
        except email_validator.EmailNotValidError:
            raise InvalidSubscriberEmail(raw) from None
        normalized: str = checked.normalized
        return normalized

    @classmethod
    def parse(cls, raw: str) -> SubscriberEmail:
        return cls(raw)
