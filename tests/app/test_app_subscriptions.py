"""POST /subscriptions (DESIGN.md §8): the book's tests, and one per rule of the improved contract."""

from __future__ import annotations

import re
import time

import anyio
import pytest

from tests.app.helpers import POSTMARK_TOKEN, TestApp, spawn_app
from tests.support.email_server import EmailServer, Reply

pytestmark = pytest.mark.anyio

VALID_BODY = "name=le%20guin&email=ursula_le_guin%40gmail.com"
VALID_EMAIL = "ursula_le_guin@gmail.com"
TOKEN = re.compile(r"[A-Za-z0-9]{25}")


async def test_subscribe_returns_200_for_valid_form_data(test_app: TestApp) -> None:
    response = await test_app.post_subscriptions(VALID_BODY)

    assert response.status_code == 200


async def test_subscribe_persists_the_new_subscriber_as_pending(test_app: TestApp) -> None:
    await test_app.post_subscriptions(VALID_BODY)

    saved = await test_app.subscriber(VALID_EMAIL)
    assert saved is not None
    assert (saved["email"], saved["name"], saved["status"]) == (
        VALID_EMAIL,
        "le guin",
        "pending_confirmation",
    )


async def test_subscribe_trims_the_name_it_stores(test_app: TestApp) -> None:
    response = await test_app.post_subscriptions({"name": "  Ursula  ", "email": VALID_EMAIL})

    assert response.status_code == 200
    saved = await test_app.subscriber(VALID_EMAIL)
    assert saved is not None
    assert saved["name"] == "Ursula"


async def test_subscribe_sends_exactly_one_confirmation_email(test_app: TestApp) -> None:
    await test_app.post_subscriptions(VALID_BODY)

    (email,) = test_app.sent_emails()
    assert email.headers["x-postmark-server-token"] == POSTMARK_TOKEN
    assert email.headers["content-type"].startswith("application/json")
    body = email.json()
    assert body["From"] == "newsletter@example.com"
    assert body["To"] == VALID_EMAIL
    assert body["Subject"] == "Welcome!"
    assert body["HtmlBody"]
    assert body["TextBody"]


async def test_the_confirmation_email_has_one_link_per_body_with_the_stored_token(test_app: TestApp) -> None:
    await test_app.post_subscriptions(VALID_BODY)

    (email,) = test_app.sent_emails()
    links = test_app.get_confirmation_links(email)
    assert links.html == links.plain_text
    assert links.html.path == "/subscriptions/confirm"
    token = links.html.params["subscription_token"]
    assert TOKEN.fullmatch(token)
    owner = await test_app.db.fetchval(
        "SELECT s.email FROM subscription_tokens t JOIN subscriptions s ON s.id = t.subscriber_id"
        " WHERE t.subscription_token = $1",
        token,
    )
    assert owner == VALID_EMAIL


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        pytest.param("name=le%20guin", ("email",), id="missing-email"),
        pytest.param("email=ursula_le_guin%40gmail.com", ("name",), id="missing-name"),
        pytest.param("", ("name", "email"), id="missing-both"),
    ],
)
async def test_subscribe_returns_400_naming_the_missing_field(
    test_app: TestApp, body: str, missing: tuple[str, ...]
) -> None:
    response = await test_app.post_subscriptions(body)

    assert response.status_code == 400, f"the API did not fail with 400 when the payload was {body!r}"
    assert any(field in response.text for field in missing), response.text
    assert test_app.sent_emails() == []


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank-after-trim"),
        pytest.param("\t\n", id="whitespace-only"),
        pytest.param("a" * 257, id="257-graphemes"),
        pytest.param("e\u0301" * 257, id="257-graphemes-of-two-code-points"),
        *(pytest.param(f"Ursula{char}Le Guin", id=f"forbidden-{char}") for char in '/()"<>\\{}'),
        pytest.param("<script>alert('x')</script>", id="markup-stays-unescaped"),
        pytest.param("  Ursula (the author)  ", id="quoted-untrimmed"),
    ],
)
async def test_an_invalid_name_is_a_400_quoting_it_as_sent(test_app: TestApp, name: str) -> None:
    response = await test_app.post_subscriptions({"name": name, "email": VALID_EMAIL})

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == f"{name} is not a valid subscriber name."
    assert await test_app.subscriber(VALID_EMAIL) is None
    assert test_app.sent_emails() == []


async def test_a_name_of_256_graphemes_is_valid_even_when_it_has_more_code_points(test_app: TestApp) -> None:
    name = "e\u0301" * 256  # 512 code points, 256 user-perceived characters

    response = await test_app.post_subscriptions({"name": name, "email": VALID_EMAIL})

    assert response.status_code == 200


@pytest.mark.parametrize(
    "email",
    [
        pytest.param("", id="empty"),
        pytest.param("ursula", id="no-at-sign"),
        pytest.param("ursula@", id="no-domain"),
        pytest.param("@gmail.com", id="no-local-part"),
        pytest.param("ursula@@gmail.com", id="two-at-signs"),
        pytest.param("ursula le guin@gmail.com", id="space-in-local-part"),
        pytest.param("<b>ursula</b>@gmail.com", id="markup-stays-unescaped"),
    ],
)
async def test_an_invalid_email_is_a_400_quoting_it_as_sent(test_app: TestApp, email: str) -> None:
    response = await test_app.post_subscriptions({"name": "Ursula", "email": email})

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == f"{email} is not a valid subscriber email."
    assert await test_app.db.fetchval("SELECT count(*) FROM subscriptions") == 0
    assert test_app.sent_emails() == []


async def test_subscribing_twice_while_pending_resends_the_same_link(test_app: TestApp) -> None:
    first = await test_app.post_subscriptions(VALID_BODY)
    second = await test_app.post_subscriptions(VALID_BODY)

    assert (first.status_code, second.status_code) == (200, 200)
    first_email, second_email = test_app.sent_emails()
    assert test_app.get_confirmation_links(first_email) == test_app.get_confirmation_links(second_email)
    assert await test_app.db.fetchval("SELECT count(*) FROM subscriptions") == 1


async def test_subscribing_again_once_confirmed_returns_200_and_sends_nothing(test_app: TestApp) -> None:
    await test_app.post_subscriptions(VALID_BODY)
    (email,) = test_app.sent_emails()
    assert (await test_app.click(test_app.get_confirmation_links(email).html)).status_code == 200
    test_app.email_server.reset()

    response = await test_app.post_subscriptions(VALID_BODY)

    assert response.status_code == 200
    assert test_app.sent_emails() == []
    saved = await test_app.subscriber(VALID_EMAIL)
    assert saved is not None
    assert saved["status"] == "confirmed"


async def test_a_provider_failure_is_a_500_and_the_subscriber_stays_stored(test_app: TestApp) -> None:
    test_app.email_server.respond_with(Reply(status=500, body={"ErrorCode": 500, "Message": "Boom"}))

    response = await test_app.post_subscriptions(VALID_BODY)

    assert response.status_code == 500
    assert "Boom" not in response.text
    assert len(test_app.sent_emails()) == 1
    saved = await test_app.subscriber(VALID_EMAIL)
    assert saved is not None
    assert saved["status"] == "pending_confirmation"


async def test_retrying_after_a_provider_failure_sends_the_link(test_app: TestApp) -> None:
    test_app.email_server.enqueue(Reply(status=500))
    assert (await test_app.post_subscriptions(VALID_BODY)).status_code == 500

    response = await test_app.post_subscriptions(VALID_BODY)

    assert response.status_code == 200
    _, resent = test_app.sent_emails()
    assert (await test_app.click(test_app.get_confirmation_links(resent).html)).status_code == 200


async def test_a_provider_timeout_is_a_500(fresh_database: str, email_server: EmailServer) -> None:
    email_server.respond_with(Reply(delay_seconds=30))
    overrides = {"APP_EMAIL_CLIENT__TIMEOUT_MILLISECONDS": "200"}
    async with spawn_app(fresh_database, email_server, overrides) as app:
        started = time.monotonic()

        response = await app.post_subscriptions(VALID_BODY)

        assert response.status_code == 500
        assert time.monotonic() - started < 5
        assert await app.subscriber(VALID_EMAIL) is not None


async def test_emails_are_checked_for_syntax_only_without_dns(test_app: TestApp) -> None:
    email = "ursula@no-such-domain-for-newsletter-tests-7f3a9c.com"

    response = await test_app.post_subscriptions({"name": "Ursula", "email": email})

    assert response.status_code == 200
    (sent,) = test_app.sent_emails()
    assert sent.json()["To"] == email


async def test_concurrent_subscriptions_of_one_address_store_one_subscriber(test_app: TestApp) -> None:
    responses = []

    async def subscribe() -> None:
        responses.append(await test_app.post_subscriptions(VALID_BODY))

    async with anyio.create_task_group() as tasks:
        for _ in range(4):
            tasks.start_soon(subscribe)

    assert [r.status_code for r in responses] == [200] * 4
    assert await test_app.db.fetchval("SELECT count(*) FROM subscriptions") == 1
    assert await test_app.db.fetchval("SELECT count(*) FROM subscription_tokens") == 1
    links = {test_app.get_confirmation_links(email).html for email in test_app.sent_emails()}
    assert len(links) == 1, "every e-mail carries the one stored token"
