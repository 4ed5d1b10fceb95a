"""Telemetry: one structured JSON log line per request, carrying the request's outcome and its error.

```
root_span(head, matched_route, request_id)  the request's `RootSpan`: method, route, target, user agent, id
logger(next, root_span)                     wrapping middleware: runs the request, records status and
                                            latency, emits the line, echoes `X-Request-Id`
log_error(error, root_span)                 error observer: puts the error on the span, so the single
                                            line carries `error.msg`, `error.details`, `error.source_chain`
```

An error is therefore logged exactly once, inside its request's line, instead of as a separate event that
would have to be correlated with it. `configure_logging()` sends every `logging` record to stdout as one
JSON object per line, at the level named by `LOG_LEVEL` (default `info`). Values that are not JSON are
written as their `str`, so a `Secret` shows as `***`.

Example:
    bp.wrap(framework.telemetry.logger)
    bp.error_observer(framework.telemetry.log_error)
"""

from __future__ import annotations

import logging
import os
import sys
import time
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import unquote_plus

import msgspec

from .errors import Error
from .extractors import RequestId
from .middleware import Next
from .requests import RequestHead
from .responses import Response
from .routing import MatchedRoute

__all__ = [
    "SENSITIVE_QUERY_WORDS",
    "JsonFormatter",
    "RootSpan",
    "configure_logging",
    "log_error",
    "logger",
    "redacted_target",
    "root_span",
]

_log: Final = logging.getLogger("framework.telemetry")
_LEVELS: Final = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
    "critical": logging.CRITICAL,
}
# Attributes every record has, plus uvicorn's ANSI-coloured duplicate of its message: not extra fields.
_STANDARD_RECORD_KEYS: Final = frozenset(logging.makeLogRecord({}).__dict__) | {
    "message",
    "asctime",
    "color_message",
    "span_fields",
}


class RootSpan:
    """The fields describing one request, filled as it runs and logged once at its end.

    `fields` holds `http.method`, `http.route`, `http.target`, `http.status_code`, `request_id`,
    `latency_ms`, `user_agent`, and, when an error was observed, `error.msg`, `error.details`,
    `error.source_chain`. Application code may add its own with `record(key, value)`.
    """

    __slots__ = ("_start", "fields", "request_id")

    def __init__(self, head: RequestHead, matched_route: MatchedRoute, request_id: RequestId) -> None:
        self._start = time.perf_counter()
        self.request_id = request_id
        self.fields: dict[str, Any] = {
            "http.method": head.method,
            "http.route": matched_route.template,
            "http.target": redacted_target(head),
            "http.status_code": None,
            "request_id": str(request_id),
            "latency_ms": None,
            "user_agent": head.header("user-agent"),
        }

    def record(self, key: str, value: Any) -> None:
        """Attach `key` to the request's log line (overwriting an earlier value)."""
        self.fields[key] = value

    def record_error(self, error: Error) -> None:
        """Attach an observed error; the log line carries the latest one."""
        self.fields["error.msg"] = error.message
        self.fields["error.details"] = error.details
        self.fields["error.source_chain"] = error.source_chain

    def finish(self, status_code: int) -> None:
        """Record the final status and the time elapsed since the span started."""
        self.fields["http.status_code"] = status_code
        self.fields["latency_ms"] = round((time.perf_counter() - self._start) * 1000, 3)

    def __repr__(self) -> str:
        return f"RootSpan({self.fields!r})"


SENSITIVE_QUERY_WORDS: Final = ("token", "password", "secret", "key", "signature", "auth")
"""A query parameter whose name contains one of these words has its value logged as `***`.

Links in e-mails carry credentials in their query (`?subscription_token=...`): whoever reads the logs must
not be able to replay them.
"""


def redacted_target(head: RequestHead) -> str:
    """The request target for the logs: raw path and query, with sensitive query values replaced by `***`."""
    if not head.query_string:
        return head.raw_path
    pairs = []
    for pair in head.query_string.split("&"):
        name, equals, value = pair.partition("=")
        if equals and value and any(word in unquote_plus(name).lower() for word in SENSITIVE_QUERY_WORDS):
            pair = f"{name}=***"
        pairs.append(pair)
    return f"{head.raw_path}?{'&'.join(pairs)}"


def root_span(head: RequestHead, matched_route: MatchedRoute, request_id: RequestId) -> RootSpan:
    """Request-scoped constructor: the span of this request, started now."""
    return RootSpan(head, matched_route, request_id)


def _emit(span: RootSpan) -> None:
    status = span.fields["http.status_code"]
    level = logging.ERROR if status is None or status >= 500 else logging.INFO
    if _log.isEnabledFor(level):
        _log.log(level, "HTTP request", extra={"span_fields": span.fields})


async def logger(next: Next, root_span: RootSpan) -> Response:
    """Wrapping middleware: log one JSON line for the request and echo its id as `X-Request-Id`."""
    try:
        response = await next
    except Exception as exc:  # a bug below us: the ASGI adapter answers 500, we still log the request
        if "error.msg" not in root_span.fields:
            root_span.record_error(Error(exc))
        root_span.finish(500)
        _emit(root_span)
        raise
    root_span.finish(response.status)
    _emit(root_span)
    return response.with_header("X-Request-Id", str(root_span.request_id))


def log_error(error: Error, root_span: RootSpan) -> None:
    """Error observer: put `error` on the request's span; the logger writes it in the request's line."""
    root_span.record_error(error)


def _json_default(value: Any) -> str:
    return str(value)


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object: timestamp, level, logger, message, then any extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        span_fields = record.__dict__.get("span_fields")
        if isinstance(span_fields, dict):
            payload.update(span_fields)
        for key, value in record.__dict__.items():
            if key not in _STANDARD_RECORD_KEYS:
                payload[key] = value
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return msgspec.json.encode(payload, enc_hook=_json_default).decode("utf-8")


class _StdoutHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stdout` is at the time of the record (so redirection and capture work)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stdout
        super().emit(record)


def configure_logging(level: str | None = None) -> None:
    """Send all logging to stdout as JSON lines, at `level` or `LOG_LEVEL` (default `info`).

    Calling it again replaces the handler it installed before. An unknown level is a `ValueError`.
    """
    name = (level or os.environ.get("LOG_LEVEL") or "info").strip().lower()
    if name not in _LEVELS:
        msg = f"Unknown log level {name!r} (from LOG_LEVEL?): use one of {', '.join(_LEVELS)}."
        raise ValueError(msg)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _StdoutHandler)]:
        root.removeHandler(handler)
    handler = _StdoutHandler()
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(_LEVELS[name])
