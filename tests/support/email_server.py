"""A local HTTP server standing in for the e-mail provider (the Postmark API shape).

Like the `wiremock` server of "Zero To Production", it records every request it receives and answers
as the test programmed it: a status, a JSON body and a delay, either as the default for every request
or as a queue of one-off replies consumed in order (a failure, then a success). It is real HTTP on
127.0.0.1 served by a background thread, so the app's HTTP client, timeouts included, runs for real.

One server can live for the whole session: `reset()` forgets the requests and the programming between
tests, and releases any reply still sleeping on a delay.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Final

__all__ = ["EmailServer", "RecordedRequest", "Reply"]

_POSTMARK_OK: Final[Mapping[str, Any]] = {"ErrorCode": 0, "Message": "OK"}


@dataclass(frozen=True, slots=True)
class Reply:
    """How the server answers one request: `delay_seconds` of silence, then `status` with a JSON `body`."""

    status: int = 200
    body: Mapping[str, Any] = field(default_factory=lambda: dict(_POSTMARK_OK))
    delay_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request as received. Header names are lower-cased; a repeated header keeps its last value."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        """The body decoded as JSON (what the app sent to the provider)."""
        return json.loads(self.body)


class EmailServer:
    """The fake provider. Use as a context manager, or call `start()` and `stop()`.

    Example:
        with EmailServer() as server:
            server.respond_with(Reply(status=500))
            ...  # make the app send an e-mail to server.url
            assert len(server.requests) == 1
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._default = Reply()
        self._queued: deque[Reply] = deque()
        self._released = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL to configure as the provider's (`email_client.base_url`)."""
        host, port = self._server().server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of the requests received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def respond_with(self, reply: Reply) -> None:
        """Answer every request with `reply` from now on (after any queued one-off replies)."""
        with self._lock:
            self._default = reply

    def enqueue(self, *replies: Reply) -> None:
        """Answer the next requests with `replies`, one each, in order; then fall back to the default."""
        with self._lock:
            self._queued.extend(replies)

    def reset(self) -> None:
        """Forget requests and programming, and wake up replies still sleeping on a delay."""
        with self._lock:
            self._requests.clear()
            self._queued.clear()
            self._default = Reply()
            released, self._released = self._released, threading.Event()
        released.set()

    def start(self) -> EmailServer:
        """Listen on a free port of 127.0.0.1 and serve from a daemon thread."""
        if self._httpd is not None:
            msg = "the e-mail server is already running"
            raise RuntimeError(msg)
        httpd = _Httpd(("127.0.0.1", 0), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, name="fake-email-provider", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket; replies sleeping on a delay are released first."""
        httpd, thread = self._httpd, self._thread
        if httpd is None or thread is None:
            return
        self._released.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()
        self._httpd = self._thread = None

    def __enter__(self) -> EmailServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _server(self) -> ThreadingHTTPServer:
        if self._httpd is None:
            msg = "the e-mail server is not running: call start() first"
            raise RuntimeError(msg)
        return self._httpd

    def _record(self, request: RecordedRequest) -> tuple[Reply, threading.Event]:
        with self._lock:
            self._requests.append(request)
            reply = self._queued.popleft() if self._queued else self._default
            return reply, self._released


class _Httpd(ThreadingHTTPServer):
    daemon_threads = True
    owner: EmailServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (the app's timeout) closes the socket under a delayed reply: expected here.
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Httpd
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def do_PUT(self) -> None:
        self._answer()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        recorded = RecordedRequest(method=self.command, path=self.path, headers=headers, body=body)
        reply, released = self.server.owner._record(recorded)
        if reply.delay_seconds > 0 and released.wait(reply.delay_seconds):
            self.close_connection = True
            return
        payload = json.dumps(reply.body).encode()
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        # The default writes every request to stderr; the recorded requests are what tests look at.
        pass
