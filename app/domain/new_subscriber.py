"""`NewSubscriber`: what a valid subscription form turns into."""

from __future__ import annotations

from dataclasses import dataclass

from .subscriber_email import SubscriberEmail
from .subscriber_name import SubscriberName

__all__ = ["NewSubscriber"]


@dataclass(frozen=True, slots=True)
class NewSubscriber:
    """A subscriber to store: both fields are validated types, so it cannot hold invalid values."""

    email: SubscriberEmail
    name: SubscriberName

    @classmethod
    def parse(cls, *, name: str, email: str) -> NewSubscriber:
        """Validate the raw form values (the name first); raises `InvalidSubscriberName`/`...Email`."""
        parsed_name = SubscriberName.parse(name)
        return cls(email=SubscriberEmail.parse(email), name=parsed_name)
