"""The `EmailClient` singleton: the backend that `email_client.backend` names."""

from __future__ import annotations

from collections.abc import AsyncIterator

from app.configuration import Settings
from app.database import Database
from app.domain import SubscriberEmail

from .client import EmailClient
from .outbox import OutboxEmailClient
from .postmark import PostmarkEmailClient
from .smtp import SmtpEmailClient

__all__ = ["email_client"]


async def email_client(settings: Settings, database: Database) -> AsyncIterator[EmailClient]:
    """Build the configured backend; the Postmark backend's HTTP client is closed at shutdown."""
    config = settings.email_client
    sender = SubscriberEmail.parse(config.sender_email)  # load_settings() has checked it already
    if config.backend == "postmark":
        import httpx  # imported on first use: keeps `codegen generate` fast

        async with httpx.AsyncClient() as http_client:
            yield PostmarkEmailClient(
                http_client, config.base_url, sender, config.authorization_token, config.timeout_seconds
            )
    elif config.backend == "smtp":
        yield SmtpEmailClient(
            sender,
            config.smtp_host,
            config.smtp_port,
            username=config.smtp_username,
            password=config.smtp_password,
            starttls=config.smtp_starttls,
            timeout_seconds=config.timeout_seconds,
        )
    else:
        yield OutboxEmailClient(sender, database)
