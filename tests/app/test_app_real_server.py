"""The app over real HTTP: a uvicorn in this process (`framework.server`), and `python -m app serve`."""

from __future__ import annotations

import anyio
import asyncpg
import httpx
import pytest

from tests.app.helpers import FORM_CONTENT_TYPE, SECRETS, app_environ, confirmation_links, spawn_live_app
from tests.app.processes import ServeProcess, json_lines, log_field, serve_process
from tests.support.email_server import EmailServer

VALID_BODY = "name=le%20guin&email=ursula_le_guin%40gmail.com"
VALID_EMAIL = "ursula_le_guin@gmail.com"


@pytest.mark.anyio
async def test_subscribe_then_confirm_through_a_live_uvicorn(
    fresh_database: str, email_server: EmailServer
) -> None:
    async with spawn_live_app(fresh_database, email_server) as app:
        subscribed = await app.post_subscriptions(VALID_BODY)
        (email,) = app.sent_emails()
        link = app.get_confirmation_links(email).plain_text
        confirmed = await app.click(link)
        saved = await app.subscriber(VALID_EMAIL)

    assert subscribed.status_code == 200
    assert subscribed.headers["x-request-id"]
    assert link.host == "127.0.0.1"
    assert confirmed.status_code == 200
    assert saved is not None
    assert saved["status"] == "confirmed"


def request_records(served: ServeProcess) -> list[dict[str, object]]:
    return [
        r for r in json_lines(served.stdout) if log_field(r, "request_id") and log_field(r, "http.method")
    ]


def test_python_m_app_serve_subscribes_and_confirms_over_real_http(
    fresh_database: str, email_server: EmailServer
) -> None:
    environ = {
        **app_environ(fresh_database, email_server),
        "APP_ENVIRONMENT": "local",
        "APP_DATABASE__MIGRATE_ON_STARTUP": "true",  # a no-op on the migrated clone, but the real start-up path
        "LOG_LEVEL": "info",
    }
    with serve_process(environ) as served, httpx.Client(base_url=served.url, timeout=10) as client:
        health = client.get("/health_check")
        subscribed = client.post(
            "/subscriptions", content=VALID_BODY, headers={"Content-Type": FORM_CONTENT_TYPE}
        )
        (email,) = email_server.requests
        link = confirmation_links(email, "http://127.0.0.1", httpx.URL(served.url)).html
        confirmed = client.get(link)
        responses = [health, subscribed, confirmed]
        served.wait_for_output(lambda s: len(request_records(s)) >= len(responses))

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert served.process.returncode == 0, served.output()
    status = anyio.run(_status_of, fresh_database, VALID_EMAIL)
    assert status == "confirmed"

    records = request_records(served)
    assert len(records) == len(responses), "one JSON line per request, uvicorn's access log off"
    for response, record in zip(responses, records, strict=True):
        assert log_field(record, "request_id") == response.headers["x-request-id"]
        assert log_field(record, "http.status_code") == response.status_code
        assert log_field(record, "http.method") == response.request.method
    assert log_field(records[1], "http.route") == "/subscriptions"

    output = served.output()
    for secret in SECRETS:
        assert secret not in output


async def _status_of(database_url: str, email: str) -> str | None:
    connection = await asyncpg.connect(database_url)
    try:
        status: str | None = await connection.fetchval(
            "SELECT status FROM subscriptions WHERE email = $1", email
        )
        return status
    finally:
        await connection.close()
