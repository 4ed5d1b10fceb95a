"""GET /subscriptions/confirm (DESIGN.md §8): missing token 400, unknown token 401, confirm 200 (repeatable)."""

from __future__ import annotations

import pytest

from tests.app.helpers import TestApp

pytestmark = pytest.mark.anyio

VALID_BODY = "name=le%20guin&email=ursula_le_guin%40gmail.com"
VALID_EMAIL = "ursula_le_guin@gmail.com"


async def test_confirmations_without_token_are_rejected_with_a_400(test_app: TestApp) -> None:
    response = await test_app.get_confirm()

    assert response.status_code == 400


async def test_an_unknown_token_is_rejected_with_a_401(test_app: TestApp) -> None:
    response = await test_app.get_confirm("subscription_token=" + "a" * 25)

    assert response.status_code == 401


async def test_the_link_returned_by_subscribe_returns_a_200_if_called(test_app: TestApp) -> None:
    await test_app.post_subscriptions(VALID_BODY)
    (email,) = test_app.sent_emails()

    response = await test_app.click(test_app.get_confirmation_links(email).html)

    assert response.status_code == 200


async def test_clicking_on_the_confirmation_link_confirms_a_subscriber(test_app: TestApp) -> None:
    await test_app.post_subscriptions(VALID_BODY)
    (email,) = test_app.sent_emails()

    await test_app.click(test_app.get_confirmation_links(email).plain_text)

    saved = await test_app.subscriber(VALID_EMAIL)
    assert saved is not None
    assert (saved["email"], saved["name"], saved["status"]) == (VALID_EMAIL, "le guin", "confirmed")


async def test_confirming_twice_is_fine(test_app: TestApp) -> None:
    await test_app.post_subscriptions(VALID_BODY)
    (email,) = test_app.sent_emails()
    link = test_app.get_confirmation_links(email).html

    first = await test_app.click(link)
    second = await test_app.click(link)

    assert (first.status_code, second.status_code) == (200, 200)
    saved = await test_app.subscriber(VALID_EMAIL)
    assert saved is not None
    assert saved["status"] == "confirmed"


async def test_a_token_confirms_only_its_own_subscriber(test_app: TestApp) -> None:
    await test_app.post_subscriptions(VALID_BODY)
    await test_app.post_subscriptions({"name": "Octavia", "email": "octavia@example.com"})
    ursula_email, _ = test_app.sent_emails()

    await test_app.click(test_app.get_confirmation_links(ursula_email).html)

    octavia = await test_app.subscriber("octavia@example.com")
    assert octavia is not None
    assert octavia["status"] == "pending_confirmation"


async def test_an_undecodable_token_is_a_400_not_a_500(test_app: TestApp) -> None:
    response = await test_app.get_confirm("subscription_token=%FF%FE")

    assert response.status_code == 400
