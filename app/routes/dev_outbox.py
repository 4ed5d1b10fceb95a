"""`GET /dev/outbox`: the e-mails kept by the `outbox` backend, with clickable links (local only)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from app.configuration import Settings
from app.database import Database
from app.email_client import StoredEmail, list_outbox
from app.templates import Templates
from framework import Response

__all__ = ["dev_outbox"]

_LINK = re.compile(r"https?://[^\s<>\"']+")


@dataclass(frozen=True, slots=True)
class _EmailView:
    sender: str
    recipient: str
    subject: str
    text_body: str
    created_at: datetime
    links: list[str]


def _view(email: StoredEmail) -> _EmailView:
    links = _LINK.findall(email.text_body)
    return _EmailView(email.sender, email.recipient, email.subject, email.text_body, email.created_at, links)


async def dev_outbox(settings: Settings, database: Database, templates: Templates) -> Response:
    """404 outside the local environment, so that production never exposes stored e-mails."""
    if not settings.is_local:
        return Response.not_found()
    emails = [_view(email) for email in await list_outbox(database)]
    page = templates.render("outbox.html", emails=emails, backend=settings.email_client.backend)
    return Response.html(page)
