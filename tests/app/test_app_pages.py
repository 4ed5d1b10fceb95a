"""The HTML pages of part 1: the home page's subscription form and the local e-mail outbox."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.app.helpers import TestApp, spawn_app
from tests.support.email_server import EmailServer

pytestmark = pytest.mark.anyio


class _Forms(HTMLParser):
    """Collects each <form>'s attributes and the names of the inputs inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[dict[str, str | None], set[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "form":
            self.forms.append((dict(attrs), set()))
        elif tag in {"input", "textarea", "button"} and self.forms:
            name = dict(attrs).get("name")
            if name:
                self.forms[-1][1].add(name)


def forms_in(page: str) -> list[tuple[dict[str, str | None], set[str]]]:
    parser = _Forms()
    parser.feed(page)
    return parser.forms


async def test_the_home_page_shows_a_form_posting_to_subscriptions(test_app: TestApp) -> None:
    response = await test_app.client.get("/")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    subscribe = [
        (attrs, inputs)
        for attrs, inputs in forms_in(response.text)
        if attrs.get("action") == "/subscriptions"
    ]
    assert len(subscribe) == 1, response.text
    attrs, inputs = subscribe[0]
    assert (attrs.get("method") or "").lower() == "post"
    assert {"name", "email"} <= inputs


async def test_the_outbox_lists_confirmation_emails_in_the_local_environment(
    fresh_database: str, email_server: EmailServer
) -> None:
    async with spawn_app(fresh_database, email_server, {"APP_EMAIL_CLIENT__BACKEND": "outbox"}) as app:
        await app.post_subscriptions({"name": "Ursula", "email": "ursula@example.com"})
        token = await app.db.fetchval("SELECT subscription_token FROM subscription_tokens")

        response = await app.client.get("/dev/outbox")

    assert email_server.requests == []  # the outbox backend never calls the provider
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "ursula@example.com" in response.text
    assert "Welcome!" in response.text
    assert f"/subscriptions/confirm?subscription_token={token}" in response.text


async def test_an_empty_outbox_is_a_page_too(fresh_database: str, email_server: EmailServer) -> None:
    async with spawn_app(fresh_database, email_server, {"APP_EMAIL_CLIENT__BACKEND": "outbox"}) as app:
        response = await app.client.get("/dev/outbox")

    assert response.status_code == 200
    assert "/subscriptions/confirm" not in response.text


async def test_the_outbox_does_not_exist_in_production(
    fresh_database: str, email_server: EmailServer
) -> None:
    overrides = {"APP_EMAIL_CLIENT__BACKEND": "outbox"}
    async with spawn_app(fresh_database, email_server, overrides, environment="production") as app:
        await app.post_subscriptions({"name": "Ursula", "email": "ursula@example.com"})

        response = await app.client.get("/dev/outbox")

    assert response.status_code == 404
    assert "ursula@example.com" not in response.text
