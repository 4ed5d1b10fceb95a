"""`GET /`: the home page with the subscription form."""

from __future__ import annotations

from app.configuration import Settings
from app.templates import Templates
from framework import Response

__all__ = ["home"]


def home(settings: Settings, templates: Templates) -> Response:
    outbox_url = "/dev/outbox" if settings.is_local else None
    return Response.html(templates.render("home.html", outbox_url=outbox_url))
