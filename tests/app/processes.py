"""`python -m app serve` as a child process: start it, find its port in its output, stop it with Ctrl-C.

The output of both streams is drained by background threads (a full pipe would block the server) and
kept line by line, so tests can look at every log line the process wrote.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Final

__all__ = ["ROOT", "ServeProcess", "json_lines", "log_field", "serve_process"]

ROOT: Final = Path(__file__).resolve().parents[2]
_LISTENING: Final = re.compile(r"https?://(?:127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1?\]):(?P<port>\d+)")
_ANNOUNCEMENT: Final = re.compile(r"listen|running on|serving", re.IGNORECASE)
_START_TIMEOUT_SECONDS: Final = 30.0
_STOP_TIMEOUT_SECONDS: Final = 15.0


@dataclass
class ServeProcess:
    """A running `python -m app serve` and everything it has written so far."""

    process: subprocess.Popen[str]
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return "".join(self.stdout) + "".join(self.stderr)

    def wait_for_output(self, predicate: Callable[[ServeProcess], bool], timeout: float = 5.0) -> None:
        """Wait until `predicate(self)` holds: log lines are written just after the response is sent."""
        deadline = time.monotonic() + timeout
        while not predicate(self):
            if time.monotonic() > deadline:
                msg = f"the expected output never came; so far:\n{self.output()}"
                raise AssertionError(msg)
            time.sleep(0.02)


@contextmanager
def serve_process(environ: Mapping[str, str]) -> Iterator[ServeProcess]:
    """Start `python -m app serve` with `environ` over a clean copy of ours; stop it (SIGINT) on exit."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("APP_")}
    env.update(environ)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    served = ServeProcess(process)
    assert process.stdout is not None and process.stderr is not None
    readers = [
        threading.Thread(target=_drain, args=(process.stdout, served.stdout), daemon=True),
        threading.Thread(target=_drain, args=(process.stderr, served.stderr), daemon=True),
    ]
    for reader in readers:
        reader.start()
    try:
        served.port = _wait_for_port(served)
        yield served
    finally:
        stop(served)
        for reader in readers:
            reader.join(_STOP_TIMEOUT_SECONDS)
        process.stdout.close()
        process.stderr.close()


def stop(served: ServeProcess) -> None:
    """Ctrl-C, as a user would; kill only if the process ignores it."""
    if served.process.poll() is not None:
        return
    served.process.send_signal(signal.SIGINT)
    try:
        served.process.wait(_STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        served.process.kill()
        served.process.wait()
        raise


def json_lines(lines: list[str]) -> list[dict[str, Any]]:
    """The lines that are JSON objects (log records), parsed."""
    records = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def log_field(record: Mapping[str, Any], name: str) -> Any:
    """A span field such as `http.status_code`, whether the record keeps it flat or nested."""
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _drain(stream: IO[str], into: list[str]) -> None:
    for line in stream:
        into.append(line)


def _announced_port(line: str) -> int | None:
    # Either a JSON record with a `port` field, or a line saying it listens on http://127.0.0.1:PORT
    # (a log line that merely mentions a URL, such as the e-mail provider's, does not count).
    records = json_lines([line])
    if records and isinstance(port := log_field(records[0], "port"), int) and port > 0:
        return port
    found = _LISTENING.search(line)
    if found and _ANNOUNCEMENT.search(line):
        return int(found["port"])
    return None


def _wait_for_port(served: ServeProcess) -> int:
    deadline = time.monotonic() + _START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        for line in served.stdout + served.stderr:
            port = _announced_port(line)
            if port is not None:
                return port
        if served.process.poll() is not None:
            break
        time.sleep(0.05)
    msg = f"`python -m app serve` never said where it listens; its output:\n{served.output()}"
    raise AssertionError(msg)
