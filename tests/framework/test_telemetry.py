"""Telemetry: one JSON line per request on stdout, with the error fields once and no secrets."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from framework.asgi import AsgiApp, Request
from framework.errors import Error, HTTPError
from framework.extractors import request_id
from framework.middleware import Next
from framework.responses import Response
from framework.routing import Router
from framework.secrets import Secret
from framework.telemetry import JsonFormatter, RootSpan, configure_logging, log_error, logger, root_span
from framework.testing import TestClient

pytestmark = pytest.mark.anyio

PASSWORD = Secret("hunter2-very-secret")


class DatabaseDown(Exception):
    pass


@pytest.fixture(autouse=True)
def json_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    monkeypatch.setattr(logging.getLogger("httpx"), "level", logging.WARNING)  # the test client's own lines
    configure_logging()
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


# Endpoints written the way the generated code calls the telemetry components.


async def _ok(state: None, request: Request) -> Response:
    span = root_span(request.head, request.matched_route, request_id())

    async def handler() -> Response:
        return Response.ok("hello")

    return await logger(Next(handler), span)


async def _handled_error(state: None, request: Request) -> Response:
    span = root_span(request.head, request.matched_route, request_id())

    async def handler() -> Response:
        try:
            try:
                msg = f"cannot connect with password {PASSWORD}"
                raise DatabaseDown(msg)
            except DatabaseDown as cause:
                raise HTTPError(503, "Try again later.") from cause
        except HTTPError as error:
            response = error.to_response()
            log_error(Error(error), span)
            return response

    return await logger(Next(handler), span)


async def _crash(state: None, request: Request) -> Response:
    span = root_span(request.head, request.matched_route, request_id())

    async def handler() -> Response:
        msg = "bug"
        raise RuntimeError(msg)

    return await logger(Next(handler), span)


async def _fallback(state: None, request: Request) -> Response:
    span = root_span(request.head, request.matched_route, request_id())

    async def handler() -> Response:
        return Response.not_found()

    return await logger(Next(handler), span)


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    router = Router()
    router.route("/greet/{name}", frozenset({"GET"}), _ok)
    router.route("/flaky", frozenset({"POST"}), _handled_error)
    router.route("/crash", frozenset({"GET"}), _crash)
    router.fallback("", _fallback)
    async with TestClient(AsgiApp(router)) as client:
        yield client


async def test_one_line_per_request_with_the_span_fields(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    response = await client.get("/greet/ursula?x=1", headers={"User-Agent": "pytest"})
    (line,) = lines(capsys)
    assert line["message"] == "HTTP request"
    assert line["level"] == "info"
    assert line["logger"] == "framework.telemetry"
    assert line["http.method"] == "GET"
    assert line["http.route"] == "/greet/{name}"
    assert line["http.target"] == "/greet/ursula?x=1"
    assert line["http.status_code"] == 200
    assert line["user_agent"] == "pytest"
    assert isinstance(line["latency_ms"], float) and line["latency_ms"] >= 0
    assert line["request_id"] == response.headers["x-request-id"]
    assert "error.msg" not in line
    assert "timestamp" in line


@pytest.mark.parametrize(
    ("target", "logged"),
    [
        pytest.param("/greet/ursula", "/greet/ursula", id="no query"),
        pytest.param(
            "/greet/u?subscription_token=abc&x=1", "/greet/u?subscription_token=***&x=1", id="token"
        ),
        pytest.param("/greet/u?Password=hunter2", "/greet/u?Password=***", id="case-insensitive"),
        pytest.param("/greet/u?api%5Fkey=k&key=", "/greet/u?api%5Fkey=***&key=", id="encoded name, blank"),
        pytest.param("/greet/u?flag&a=b", "/greet/u?flag&a=b", id="no value"),
    ],
)
async def test_sensitive_query_values_are_redacted_in_the_target(
    client: TestClient, capsys: pytest.CaptureFixture[str], target: str, logged: str
) -> None:
    await client.get(target)
    (line,) = lines(capsys)
    assert line["http.target"] == logged


async def test_unmatched_requests_are_logged_once_too(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    await client.get("/nowhere")
    (line,) = lines(capsys)
    assert (line["http.status_code"], line["http.route"]) == (404, None)


async def test_an_error_appears_once_in_the_request_line(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    response = await client.post("/flaky")
    assert response.status_code == 503
    (line,) = lines(capsys)
    assert line["level"] == "error"
    assert line["http.status_code"] == 503
    assert line["error.msg"] == "Try again later."
    assert line["error.details"] == "HTTPError(status_code=503, detail='Try again later.')"
    assert line["error.source_chain"] == ["Try again later.", "cannot connect with password ***"]


async def test_secrets_never_appear(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    await client.post("/flaky")
    output = capsys.readouterr().out
    assert PASSWORD.expose() not in output
    assert "***" in output


async def test_an_exception_escaping_the_pipeline_is_logged_as_500(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    response = await client.get("/crash")
    assert response.status_code == 500
    request_lines = [line for line in lines(capsys) if line["logger"] == "framework.telemetry"]
    (line,) = request_lines
    assert (line["http.status_code"], line["error.msg"]) == (500, "bug")


async def test_log_level_from_the_environment(
    client: TestClient, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    configure_logging()
    await client.get("/greet/a")
    assert lines(capsys) == []
    await client.post("/flaky")
    assert [line["http.status_code"] for line in lines(capsys)] == [503]


async def test_configure_logging_replaces_its_own_handler_and_rejects_unknown_levels() -> None:
    configure_logging("debug")
    configure_logging("info")
    ours = [h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter)]
    assert len(ours) == 1
    with pytest.raises(ValueError, match="Unknown log level 'loud'"):
        configure_logging("loud")


async def test_other_records_are_json_lines_too(capsys: pytest.CaptureFixture[str]) -> None:
    log = logging.getLogger("app.delivery")
    log.info("sent %d e-mails", 3, extra={"issue_id": "i-1", "token": PASSWORD, "color_message": "\x1b[1m"})
    try:
        msg = "boom"
        raise ValueError(msg)
    except ValueError:
        log.exception("failed")
    sent, failed = lines(capsys)
    assert sent == {
        "timestamp": sent["timestamp"],
        "level": "info",
        "logger": "app.delivery",
        "message": "sent 3 e-mails",
        "issue_id": "i-1",
        "token": "***",
    }
    assert failed["level"] == "error"
    assert "ValueError: boom" in failed["exception"]


async def test_root_span_records_custom_fields() -> None:
    from framework.headers import Headers
    from framework.requests import RequestHead
    from framework.routing import MatchedRoute

    head = RequestHead("GET", "/a", "/a", headers=Headers())
    span = RootSpan(head, MatchedRoute("/a"), request_id())
    span.record("user_id", "u-1")
    span.finish(204)
    assert span.fields["user_id"] == "u-1"
    assert span.fields["user_agent"] is None
    assert span.fields["http.status_code"] == 204
    assert "RootSpan(" in repr(span)
