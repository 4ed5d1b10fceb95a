"""Sending e-mails: one `EmailClient` interface, three backends (postmark, smtp, outbox)."""

from __future__ import annotations

from .client import (
    EmailClient as EmailClient,
    EmailDeliveryError as EmailDeliveryError,
    EmailMessage as EmailMessage,
)
from .constructor import email_client as email_client
from .outbox import (
    OutboxEmailClient as OutboxEmailClient,
    StoredEmail as StoredEmail,
    list_outbox as list_outbox,
)
from .postmark import PostmarkEmailClient as PostmarkEmailClient
from .smtp import SmtpEmailClient as SmtpEmailClient

__all__ = [
    "EmailClient",
    "EmailDeliveryError",
    "EmailMessage",
    "OutboxEmailClient",
    "PostmarkEmailClient",
    "SmtpEmailClient",
    "StoredEmail",
    "email_client",
    "list_outbox",
]
