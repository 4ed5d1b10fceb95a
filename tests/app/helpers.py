"""`TestApp`: the newsletter app under test, as "Zero To Production"'s `spawn_app` builds it.

Each test gets its own app wired to its own database (a clone of the migrated template) and to the fake
e-mail provider, configured exactly as in production: `load_settings()` with `APP_*` overrides, then
`app.startup.asgi_app(settings)`. Two ways to drive it:

- `spawn_app(...)`: in-process, through `framework.testing.TestClient` (httpx's ASGI transport, with the
  ASGI lifespan run around the test), the fast default;
- `spawn_live_app(...)`: a real uvicorn on a free port of 127.0.0.1, reached over real HTTP.

Both yield the same `TestApp`, whose helpers speak the domain (`post_subscriptions`, confirmation links)
and which holds an asyncpg connection to the test's database for assertions.
"""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlencode

import asyncpg
import httpx

from app.configuration import Settings, load_settings
from app.startup import asgi_app
from framework.server import serve_in_thread
from framework.testing import TestClient
from tests.support.email_server import EmailServer, RecordedRequest

__all__ = [
    "FORM_CONTENT_TYPE",
    "HMAC_SECRET",
    "POSTMARK_TOKEN",
    "SECRETS",
    "ConfirmationLinks",
    "TestApp",
    "app_environ",
    "confirmation_links",
    "spawn_app",
    "spawn_live_app",
]

FORM_CONTENT_TYPE: Final = "application/x-www-form-urlencoded"
HMAC_SECRET: Final = "test-hmac-secret-that-is-long-enough-0123456789"
POSTMARK_TOKEN: Final = "test-postmark-server-token"
SECRETS: Final = (HMAC_SECRET, POSTMARK_TOKEN)
"""The secrets `app_environ` configures: no log line, page or error may ever show them."""
_LINK: Final = re.compile(r"https?://[^\s\"'<>]+")


def app_environ(
    database_url: str, email_server: EmailServer, overrides: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The `APP_*` variables that point the local configuration at the test's database and fake provider.

    Migrations are off (the template is migrated), delivery workers are off (part 1 tests send e-mails
    from request handlers only), and the provider timeout is half the production default, so that a
    hung provider fails a test sooner; tests of the timeout itself override it.
    """
    environ = {
        "APP_DATABASE__URL": database_url,
        "APP_DATABASE__MIGRATE_ON_STARTUP": "false",
        "APP_DATABASE__POOL_MIN_SIZE": "1",
        "APP_DATABASE__POOL_MAX_SIZE": "4",
        "APP_APPLICATION__HOST": "127.0.0.1",
        "APP_APPLICATION__PORT": "0",
        "APP_APPLICATION__BASE_URL": "http://127.0.0.1",
        "APP_APPLICATION__COOKIE_SECURE": "false",
        "APP_APPLICATION__HMAC_SECRET": HMAC_SECRET,
        "APP_EMAIL_CLIENT__BACKEND": "postmark",
        "APP_EMAIL_CLIENT__BASE_URL": email_server.url,
        "APP_EMAIL_CLIENT__SENDER_EMAIL": "newsletter@example.com",
        "APP_EMAIL_CLIENT__AUTHORIZATION_TOKEN": POSTMARK_TOKEN,
        "APP_EMAIL_CLIENT__TIMEOUT_MILLISECONDS": "5000",
        "APP_DELIVERY__WORKERS": "0",
    }
    environ.update(overrides or {})
    return environ


@dataclass(frozen=True, slots=True)
class ConfirmationLinks:
    """The confirmation link of an e-mail, from its HTML and its plain-text body, pointed at the test server."""

    html: httpx.URL
    plain_text: httpx.URL


def confirmation_links(
    email_request: RecordedRequest, app_base_url: str, server: httpx.URL
) -> ConfirmationLinks:
    """The one link of each body of a confirmation e-mail, checked against the app's base URL, sent to `server`."""
    body = email_request.json()
    return ConfirmationLinks(
        html=_only_link(html.unescape(body["HtmlBody"]), app_base_url, server),
        plain_text=_only_link(body["TextBody"], app_base_url, server),
    )


def _only_link(text: str, app_base_url: str, server: httpx.URL) -> httpx.URL:
    links = _LINK.findall(text)
    assert len(links) == 1, f"expected exactly one link, found {links!r} in {text!r}"
    link, base = httpx.URL(links[0]), httpx.URL(app_base_url)
    assert (link.scheme, link.host, link.port) == (base.scheme, base.host, base.port), (
        f"the link {link} does not point at the app's base_url {base}"
    )
    return server.copy_with(path=link.path, query=link.query or None)


@dataclass(slots=True)
class TestApp:
    """A running app, a client for it, its database and the fake e-mail provider it talks to."""

    __test__ = False  # a helper, not a test class for pytest to collect

    client: httpx.AsyncClient
    settings: Settings
    db: asyncpg.Connection
    email_server: EmailServer

    async def post_subscriptions(self, body: str | Mapping[str, str]) -> httpx.Response:
        """POST a form to /subscriptions; a `str` is sent verbatim, already url-encoded, as the book does."""
        content = body if isinstance(body, str) else urlencode(body)
        return await self.client.post(
            "/subscriptions", content=content.encode(), headers={"Content-Type": FORM_CONTENT_TYPE}
        )

    async def get_confirm(self, query: str = "") -> httpx.Response:
        """GET /subscriptions/confirm with a raw query string (or none)."""
        return await self.client.get(f"/subscriptions/confirm{'?' + query if query else ''}")

    def get_confirmation_links(self, email_request: RecordedRequest) -> ConfirmationLinks:
        """Extract the one link of each body, check it points at the app, and rewrite it to the test server."""
        return confirmation_links(email_request, self.settings.application.base_url, self.client.base_url)

    async def click(self, link: httpx.URL) -> httpx.Response:
        """Follow a link taken from an e-mail (already rewritten to the test server)."""
        return await self.client.get(link)

    def sent_emails(self) -> list[RecordedRequest]:
        """The requests the app made to the provider's send endpoint so far."""
        return [r for r in self.email_server.requests if (r.method, r.path) == ("POST", "/email")]

    async def subscriber(self, email: str) -> asyncpg.Record | None:
        """The stored subscription of `email` (`email`, `name`, `status`), or None."""
        return await self.db.fetchrow("SELECT email, name, status FROM subscriptions WHERE email = $1", email)


@asynccontextmanager
async def spawn_app(
    database_url: str,
    email_server: EmailServer,
    overrides: Mapping[str, str] | None = None,
    *,
    environment: str = "local",
) -> AsyncIterator[TestApp]:
    """Run the app in-process (lifespan included) for the duration of the `async with` block."""
    settings = load_settings(
        environment=environment, environ=app_environ(database_url, email_server, overrides)
    )
    async with TestClient(asgi_app(settings)) as client, _connect(database_url) as db:
        yield TestApp(client=client, settings=settings, db=db, email_server=email_server)


@asynccontextmanager
async def spawn_live_app(
    database_url: str,
    email_server: EmailServer,
    overrides: Mapping[str, str] | None = None,
    *,
    environment: str = "local",
) -> AsyncIterator[TestApp]:
    """Run the app under a real uvicorn on a free port of 127.0.0.1 (`framework.server`) and talk HTTP to it."""
    settings = load_settings(
        environment=environment, environ=app_environ(database_url, email_server, overrides)
    )
    with serve_in_thread(asgi_app(settings), "127.0.0.1", 0) as server:
        async with httpx.AsyncClient(base_url=server.url) as client, _connect(database_url) as db:
            yield TestApp(client=client, settings=settings, db=db, email_server=email_server)


@asynccontextmanager
async def _connect(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(database_url)
    try:
        yield connection
    finally:
        await connection.close()
