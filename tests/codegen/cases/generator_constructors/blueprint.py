"""Generator constructors: a sync singleton, an async request-scoped value and a transient, each with teardown."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator

from blueprint import GET, Blueprint
from framework import Response


class Pool:
    def __init__(self) -> None:
        self.open = True


class Transaction:
    def __init__(self, pool: Pool) -> None:
        self.pool = pool


class Scratch:
    pass


class Cursor:
    def __init__(self, transaction: Transaction) -> None:
        self.transaction = transaction


def pool() -> Iterator[Pool]:
    pool = Pool()
    yield pool
    pool.open = False


async def transaction(pool: Pool) -> AsyncIterator[Transaction]:
    yield Transaction(pool)


def scratch() -> Generator[Scratch, None, None]:
    yield Scratch()


async def cursor(transaction: Transaction) -> AsyncGenerator[Cursor, None]:
    yield Cursor(transaction)


async def work(transaction: Transaction, scratch: Scratch, cursor: Cursor) -> Response:
    return Response.ok()


def blueprint() -> Blueprint:
    bp = Blueprint()
    bp.singleton(pool)
    bp.request_scoped(transaction)
    bp.transient(scratch)
    bp.request_scoped(cursor)
    bp.route(GET, "/work", work)
    return bp
