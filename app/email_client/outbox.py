"""The `outbox` backend: messages are stored in the `email_outbox` table instead of being sent.

Used in the local environment, where `/dev/outbox` lists them so that a developer can click the
confirmation links without an e-mail provider.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.database import Database
from app.domain import SubscriberEmail

from .client import EmailClient, EmailMessage

__all__ = ["OutboxEmailClient", "StoredEmail", "list_outbox"]


@dataclass(frozen=True, slots=True)
class StoredEmail:
    id: int
    sender: str
    recipient: str
    subject: str
    html_body: str
    text_body: str
    created_at: datetime


class OutboxEmailClient(EmailClient):
    def __init__(self, sender: SubscriberEmail, database: Database) -> None:
        super().__init__(sender)
        self._database = database

    async def send(self, message: EmailMessage) -> None:
        await self._database.pool.execute(
            "INSERT INTO email_outbox (sender, recipient, subject, html_body, text_body)"
            " VALUES ($1, $2, $3, $4, $5)",
            self.sender.value,
            message.recipient.value,
            message.subject,
            message.html_body,
            message.text_body,
        )


async def list_outbox(database: Database, limit: int = 100) -> list[StoredEmail]:
    """The most recent stored e-mails, newest first."""
    rows = await database.pool.fetch(
        "SELECT id, sender, recipient, subject, html_body, text_body, created_at"
        " FROM email_outbox ORDER BY id DESC LIMIT $1",
        limit,
    )
    return [StoredEmail(**dict(row)) for row in rows]
