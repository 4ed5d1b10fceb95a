"""The confirmation e-mail and the Postmark backend, against an in-memory HTTP transport."""

from __future__ import annotations

import email.message
import json
import re
import smtplib
from typing import ClassVar

import httpx
import pytest

from app.confirmation_email import confirmation_email, confirmation_link
from app.domain import SubscriberEmail, SubscriptionToken
from app.email_client import EmailDeliveryError, EmailMessage, PostmarkEmailClient, SmtpEmailClient
from framework.secrets import Secret

pytestmark = pytest.mark.anyio

_LINK = re.compile(r"https?://[^\s\"'<>]+")
TOKEN = SubscriptionToken("abcdefghijklmnopqrstuvwxy")
RECIPIENT = SubscriberEmail("ursula@example.com")


def test_the_confirmation_link_carries_the_token() -> None:
    expected = "http://127.0.0.1:8000/subscriptions/confirm?subscription_token=abcdefghijklmnopqrstuvwxy"
    assert confirmation_link("http://127.0.0.1:8000/", TOKEN) == expected


def test_each_body_holds_exactly_one_link() -> None:
    message = confirmation_email(RECIPIENT, "http://127.0.0.1:8000", TOKEN)
    assert message.subject == "Welcome!"
    link = confirmation_link("http://127.0.0.1:8000", TOKEN)
    assert _LINK.findall(message.text_body) == [link]
    assert _LINK.findall(message.html_body) == [link]


def _client(handler: httpx.MockTransport) -> PostmarkEmailClient:
    return PostmarkEmailClient(
        httpx.AsyncClient(transport=handler),
        "http://provider.test/",
        SubscriberEmail("newsletter@example.com"),
        Secret("server-token"),
        timeout_seconds=1.0,
    )


async def test_postmark_posts_the_message_as_json_with_the_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ErrorCode": 0})

    message = EmailMessage(RECIPIENT, "Subject", "<p>html</p>", "text")
    await _client(httpx.MockTransport(handler)).send(message)
    (request,) = seen
    assert (request.method, str(request.url)) == ("POST", "http://provider.test/email")
    assert request.headers["X-Postmark-Server-Token"] == "server-token"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {
        "From": "newsletter@example.com",
        "To": "ursula@example.com",
        "Subject": "Subject",
        "HtmlBody": "<p>html</p>",
        "TextBody": "text",
    }


@pytest.mark.parametrize("status", [400, 422, 500, 503])
async def test_postmark_non_2xx_answers_are_errors(status: int) -> None:
    client = _client(httpx.MockTransport(lambda request: httpx.Response(status, text="nope")))
    with pytest.raises(EmailDeliveryError, match=str(status)):
        await client.send(EmailMessage(RECIPIENT, "s", "h", "t"))


async def test_postmark_timeouts_are_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        msg = "too slow"
        raise httpx.ReadTimeout(msg, request=request)

    with pytest.raises(EmailDeliveryError, match="in time") as caught:
        await _client(httpx.MockTransport(handler)).send(EmailMessage(RECIPIENT, "s", "h", "t"))
    assert "server-token" not in str(caught.value)


class _FakeSmtp:
    """Stands in for `smtplib.SMTP`: records the session, or refuses like a server that is down."""

    sessions: ClassVar[list[_FakeSmtp]] = []
    refuse: ClassVar[bool] = False

    def __init__(self, host: str, port: int, timeout: float) -> None:
        if self.refuse:
            raise ConnectionRefusedError(111, "Connection refused")
        self.address = (host, port, timeout)
        self.calls: list[tuple[str, object]] = []
        self.sessions.append(self)

    def __enter__(self) -> _FakeSmtp:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.calls.append(("quit", None))

    def starttls(self) -> None:
        self.calls.append(("starttls", None))

    def login(self, username: str, password: str) -> None:
        self.calls.append(("login", (username, password)))

    def send_message(self, message: email.message.EmailMessage) -> None:
        self.calls.append(("send_message", message))


@pytest.fixture
def fake_smtp(monkeypatch: pytest.MonkeyPatch) -> type[_FakeSmtp]:
    monkeypatch.setattr(_FakeSmtp, "sessions", [])
    monkeypatch.setattr(smtplib, "SMTP", _FakeSmtp)
    return _FakeSmtp


def _smtp_client() -> SmtpEmailClient:
    return SmtpEmailClient(
        SubscriberEmail("newsletter@example.com"),
        "smtp.example.com",
        587,
        username="mailer",
        password=Secret("smtp-password"),
        starttls=True,
        timeout_seconds=2.0,
    )


async def test_smtp_sends_a_multipart_message_over_starttls(fake_smtp: type[_FakeSmtp]) -> None:
    await _smtp_client().send(EmailMessage(RECIPIENT, "Welcome!", "<p>html</p>", "text"))
    (session,) = fake_smtp.sessions
    assert session.address == ("smtp.example.com", 587, 2.0)
    assert [name for name, _ in session.calls] == ["starttls", "login", "send_message", "quit"]
    assert session.calls[1][1] == ("mailer", "smtp-password")
    sent = session.calls[2][1]
    assert isinstance(sent, email.message.EmailMessage)
    assert (sent["From"], sent["To"], sent["Subject"]) == (
        "newsletter@example.com",
        RECIPIENT.value,
        "Welcome!",
    )
    assert [part.get_content_type() for part in sent.iter_parts()] == ["text/plain", "text/html"]


async def test_smtp_failures_are_delivery_errors(
    fake_smtp: type[_FakeSmtp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fake_smtp, "refuse", True)
    with pytest.raises(EmailDeliveryError, match=r"smtp\.example\.com:587") as caught:
        await _smtp_client().send(EmailMessage(RECIPIENT, "s", "h", "t"))
    assert isinstance(caught.value.__cause__, ConnectionRefusedError)
