"""Telemetry of the app (DESIGN.md §3): one JSON line per request, ids echoed, errors once, no secrets.

The framework logs through `logging` (logger `framework.telemetry`) and formats each record as one JSON
line with `JsonFormatter`; `caplog` sees the records, and formatting them gives the lines written to stdout.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

import pytest

from framework.telemetry import JsonFormatter
from tests.app.helpers import SECRETS, TestApp
from tests.app.processes import log_field
from tests.support.email_server import Reply

pytestmark = pytest.mark.anyio

VALID_BODY = "name=le%20guin&email=ursula_le_guin%40gmail.com"


@pytest.fixture
def log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    """Every captured record, as the JSON object of its log line."""
    formatter = JsonFormatter()
    return [json.loads(formatter.format(record)) for record in caplog.records]


def request_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [
        line for line in lines(caplog) if log_field(line, "request_id") and log_field(line, "http.method")
    ]


async def test_each_request_logs_one_json_line_with_its_id_echoed(
    test_app: TestApp, log: pytest.LogCaptureFixture
) -> None:
    log.clear()

    responses = [
        await test_app.client.get("/health_check"),
        await test_app.post_subscriptions(VALID_BODY),
        await test_app.client.get("/no/such/page"),
        await test_app.client.delete("/subscriptions"),
    ]

    records = request_lines(log)
    assert [log_field(r, "http.status_code") for r in records] == [200, 200, 404, 405]
    for response, record in zip(responses, records, strict=True):
        request_id = response.headers["x-request-id"]
        assert uuid.UUID(request_id).version == 4
        assert log_field(record, "request_id") == request_id
        assert log_field(record, "http.method") == response.request.method
        assert log_field(record, "http.target") == response.request.url.raw_path.decode()
        assert isinstance(log_field(record, "latency_ms"), int | float)
    assert len({r.headers["x-request-id"] for r in responses}) == len(responses)
    assert log_field(records[1], "http.route") == "/subscriptions"


async def test_a_provider_failure_is_logged_once_with_its_source_chain(
    test_app: TestApp, log: pytest.LogCaptureFixture
) -> None:
    test_app.email_server.respond_with(Reply(status=500, body={"ErrorCode": 500, "Message": "Boom"}))
    log.clear()

    response = await test_app.post_subscriptions(VALID_BODY)

    assert response.status_code == 500
    (record,) = request_lines(log)
    assert log_field(record, "request_id") == response.headers["x-request-id"]
    assert log_field(record, "http.status_code") == 500
    assert record["level"] == "error"
    message = log_field(record, "error.msg")
    chain = log_field(record, "error.source_chain")
    assert message
    assert isinstance(chain, list) and all(isinstance(link, str) for link in chain)
    assert chain[0] == message
    assert len(chain) >= 2 and "500" in chain[-1], "the chain reaches the provider's refusal"
    assert log_field(record, "error.details")
    mentioning = [line for line in lines(log) if message in json.dumps(line)]
    assert mentioning == [record], "the error is logged exactly once, in its request's line"


async def test_no_log_line_carries_a_secret(test_app: TestApp, log: pytest.LogCaptureFixture) -> None:
    test_app.email_server.enqueue(Reply(status=500))
    log.clear()

    await test_app.post_subscriptions(VALID_BODY)
    await test_app.post_subscriptions(VALID_BODY)
    await test_app.client.get("/health_check", params={"deep": "true"})

    emitted = "\n".join(JsonFormatter().format(record) for record in log.records)
    assert emitted
    for secret in SECRETS:
        assert secret not in emitted


async def test_confirmation_tokens_are_not_logged(test_app: TestApp, log: pytest.LogCaptureFixture) -> None:
    await test_app.post_subscriptions(VALID_BODY)
    (email,) = test_app.sent_emails()
    link = test_app.get_confirmation_links(email).html
    token = link.params["subscription_token"]
    log.clear()

    assert (await test_app.click(link)).status_code == 200

    (record,) = request_lines(log)
    assert log_field(record, "http.target") == "/subscriptions/confirm?subscription_token=***"
    app_records = [r for r in log.records if not r.name.startswith("httpx")]  # the test client's own log
    assert token not in "\n".join(JsonFormatter().format(r) for r in app_records)
