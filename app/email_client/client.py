"""What every e-mail backend offers: send one message, or raise `EmailDeliveryError`."""

from __future__ import annotations

import abc
from dataclasses import dataclass

from app.domain import SubscriberEmail

__all__ = ["EmailClient", "EmailDeliveryError", "EmailMessage"]


class EmailDeliveryError(Exception):
    """The message was not accepted by the backend (unreachable, timed out, or refused)."""


@dataclass(frozen=True, slots=True)
class EmailMessage:
    """One e-mail with an HTML and a plain-text alternative of the same content."""

    recipient: SubscriberEmail
    subject: str
    html_body: str
    text_body: str


class EmailClient(abc.ABC):
    """Sends e-mails from the configured sender address; one implementation per backend."""

    def __init__(self, sender: SubscriberEmail) -> None:
        self.sender = sender

    @abc.abstractmethod
    async def send(self, message: EmailMessage) -> None:
        """Hand `message` to the backend; raise `EmailDeliveryError` when it is not accepted."""
