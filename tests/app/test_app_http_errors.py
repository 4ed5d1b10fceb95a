"""Protocol-level answers of the app: 404, 405 with `Allow`, 415, 413 and undecodable forms."""

from __future__ import annotations

import pytest

from tests.app.helpers import FORM_CONTENT_TYPE, TestApp

pytestmark = pytest.mark.anyio

BODY_LIMIT_BYTES = 2 * 1024 * 1024  # DESIGN.md §3: BufferedBody's default limit


def allowed_methods(allow: str) -> set[str]:
    return {method.strip() for method in allow.split(",") if method.strip()}


async def test_an_unknown_path_is_a_404(test_app: TestApp) -> None:
    response = await test_app.client.get("/no/such/page")

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        pytest.param("GET", "/subscriptions", "POST", id="get-subscriptions"),
        pytest.param("DELETE", "/subscriptions", "POST", id="delete-subscriptions"),
        pytest.param("POST", "/subscriptions/confirm", "GET", id="post-confirm"),
        pytest.param("PUT", "/health_check", "GET", id="put-health-check"),
    ],
)
async def test_a_wrong_method_on_a_known_path_is_a_405_with_allow(
    test_app: TestApp, method: str, path: str, allowed: str
) -> None:
    response = await test_app.client.request(method, path)

    assert response.status_code == 405
    assert allowed in allowed_methods(response.headers["allow"])
    assert method not in allowed_methods(response.headers["allow"])


async def test_a_json_body_to_subscriptions_is_a_415(test_app: TestApp) -> None:
    response = await test_app.client.post(
        "/subscriptions", json={"name": "le guin", "email": "ursula_le_guin@gmail.com"}
    )

    assert response.status_code == 415
    assert await test_app.db.fetchval("SELECT count(*) FROM subscriptions") == 0


async def test_a_form_without_content_type_is_a_415(test_app: TestApp) -> None:
    response = await test_app.client.post(
        "/subscriptions", content=b"name=le%20guin&email=ursula_le_guin%40gmail.com"
    )

    assert response.status_code == 415


async def test_a_body_over_the_limit_is_a_413(test_app: TestApp) -> None:
    body = b"name=" + b"a" * BODY_LIMIT_BYTES + b"&email=ursula_le_guin%40gmail.com"

    response = await test_app.client.post(
        "/subscriptions", content=body, headers={"Content-Type": FORM_CONTENT_TYPE}
    )

    assert response.status_code == 413
    assert test_app.sent_emails() == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"name=%FF%FE&email=ursula_le_guin%40gmail.com", id="percent-encoded-invalid-utf8"),
        pytest.param(b"name=\xff\xfe&email=ursula_le_guin%40gmail.com", id="raw-invalid-utf8"),
        pytest.param(b"name=le%20guin&email=ursula%C3%28%40gmail.com", id="truncated-sequence"),
    ],
)
async def test_invalid_utf8_in_the_form_is_a_400_not_a_500(test_app: TestApp, body: bytes) -> None:
    response = await test_app.client.post(
        "/subscriptions", content=body, headers={"Content-Type": FORM_CONTENT_TYPE}
    )

    assert response.status_code == 400
    assert await test_app.db.fetchval("SELECT count(*) FROM subscriptions") == 0


async def test_every_buffered_response_carries_content_length(test_app: TestApp) -> None:
    for response in (
        await test_app.client.get("/health_check"),
        await test_app.client.get("/no/such/page"),
        await test_app.client.get("/subscriptions"),
        await test_app.post_subscriptions("name=&email=ursula_le_guin%40gmail.com"),
    ):
        assert response.headers["content-length"] == str(len(response.content))
