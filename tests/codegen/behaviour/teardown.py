"""Generator constructors: teardown in reverse order of construction, resumed on success, thrown into on failure.

`Connection` (sync generator, request-scoped) -> `Transaction` (async generator, request-scoped) -> `Cursor`
(sync generator, transient). The singleton `Pool` (async generator) is closed at shutdown. A post-processing
middleware records when it runs, to show teardown happens after the response is complete.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterator

from blueprint import GET, Blueprint
from framework import Error, Response

CALLS: list[str] = []


class Pool:
    pass


class Connection:
    pass


class Transaction:
    pass


class Cursor:
    pass


class Flaky:
    pass


class QueryError(Exception):
    pass


async def pool() -> AsyncIterator[Pool]:
    CALLS.append("pool: open")
    yield Pool()
    CALLS.append("pool: closed")


def connection(pool: Pool) -> Iterator[Connection]:
    CALLS.append("connection: enter")
    try:
        yield Connection()
    except Exception as error:
        CALLS.append(f"connection: thrown {type(error).__name__}")
    else:
        CALLS.append("connection: resumed")


async def transaction(connection: Connection) -> AsyncIterator[Transaction]:
    CALLS.append("transaction: enter")
    try:
        yield Transaction()
    except Exception as error:
        CALLS.append(f"transaction: rollback after {type(error).__name__}")
    else:
        CALLS.append("transaction: commit")


def cursor(transaction: Transaction) -> Generator[Cursor, None, None]:
    CALLS.append("cursor: enter")
    try:
        yield Cursor()
    except Exception as error:
        CALLS.append(f"cursor: thrown {type(error).__name__}")
    else:
        CALLS.append("cursor: resumed")


def flaky() -> Iterator[Flaky]:
    CALLS.append("flaky: enter")
    yield Flaky()
    CALLS.append("flaky: failing teardown")
    msg = "teardown failed"
    raise RuntimeError(msg)


def query_error_to_response(error: QueryError) -> Response:
    CALLS.append("error handler")
    return Response.text("query failed", status=500)


def observe(error: Error) -> None:
    CALLS.append("observer")


def post(response: Response) -> Response:
    CALLS.append("post")
    return response


def succeed(transaction: Transaction, cursor: Cursor) -> Response:
    CALLS.append("handler")
    return Response.text("committed")


async def fail(transaction: Transaction, cursor: Cursor) -> Response:
    CALLS.append("handler")
    msg = "syntax error"
    raise QueryError(msg)


def flaky_teardown(flaky: Flaky, transaction: Transaction) -> Response:
    CALLS.append("handler")
    return Response.text("still fine")


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(pool)
    bp.request_scoped(connection)
    bp.request_scoped(transaction)
    bp.transient(cursor)
    bp.request_scoped(flaky)
    bp.post_process(post)
    bp.error_handler(query_error_to_response)
    bp.error_observer(observe)
    bp.route(GET, "/succeed", succeed)
    bp.route(GET, "/fail", fail)
    bp.route(GET, "/flaky", flaky_teardown)
    return bp
