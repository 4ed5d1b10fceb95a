"""Server-side sessions over the in-memory store: lazy loading, rotation, purge, idle timeout, cookies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import anyio
import pytest
from hypothesis import given, settings, strategies as st

from framework.cookies import RequestCookies
from framework.responses import Response
from framework.sessions import (
    InMemorySessionStore,
    InvalidSessionState,
    Session,
    SessionConfig,
    SessionStore,
    finalize_session,
    new_session_id,
    session,
)

pytestmark = pytest.mark.anyio

START = datetime(2030, 1, 1, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Browser:
    """Keeps the session cookie between requests, as a browser would."""

    store: SessionStore
    config: SessionConfig
    cookie: str | None = None

    def request(self) -> Session:
        header = f"{self.config.cookie_name}={self.cookie}" if self.cookie is not None else ""
        return session(self.store, self.config, RequestCookies.from_header(header))

    async def respond(self, current: Session) -> list[str]:
        response = await finalize_session(Response.ok(), current)
        set_cookies = response.get_all("set-cookie")
        for header in set_cookies:
            value = header.split(";")[0].split("=", 1)[1]
            self.cookie = None if "Max-Age=0" in header else value
        return set_cookies


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store() -> InMemorySessionStore:
    return InMemorySessionStore()


@pytest.fixture
def browser(store: InMemorySessionStore, clock: Clock) -> Browser:
    return Browser(store, SessionConfig(idle_timeout=timedelta(seconds=100), secure=False, clock=clock))


async def login(browser: Browser, user_id: UUID) -> None:
    current = browser.request()
    await current.cycle_id()
    await current.insert("user_id", user_id)
    await browser.respond(current)


async def test_new_ids_are_long_and_random() -> None:
    ids = {new_session_id() for _ in range(100)}
    assert len(ids) == 100
    assert all(len(i) == 43 for i in ids)


async def test_untouched_session_costs_nothing(store: InMemorySessionStore, browser: Browser) -> None:
    browser.cookie = "whatever"
    assert await browser.respond(browser.request()) == []
    assert len(store) == 0


async def test_insert_creates_a_session_with_a_protected_cookie(
    store: InMemorySessionStore, browser: Browser
) -> None:
    user_id = uuid4()
    await login(browser, user_id)
    assert browser.cookie is not None and len(store) == 1
    current = browser.request()
    assert await current.get("user_id", UUID) == user_id
    assert await current.get("missing", str) is None
    assert await browser.respond(current) == []  # unchanged session: no new cookie


async def test_cookie_attributes(browser: Browser) -> None:
    current = browser.request()
    await current.insert("k", 1)
    (cookie,) = await browser.respond(current)
    assert cookie == f"session_id={browser.cookie}; Path=/; HttpOnly; SameSite=Lax"
    secure = Browser(browser.store, SessionConfig(secure=True))
    current = secure.request()
    await current.insert("k", 1)
    (cookie,) = await secure.respond(current)
    assert cookie.endswith("; Path=/; Secure; HttpOnly; SameSite=Lax")


async def test_typed_values_round_trip(browser: Browser) -> None:
    @dataclass
    class Flash:
        level: str
        text: str

    current = browser.request()
    await current.insert("flash", Flash("info", "Saved"))
    await current.insert("when", START)
    await browser.respond(current)
    current = browser.request()
    assert await current.get("flash", Flash) == Flash("info", "Saved")
    assert await current.get("when", datetime) == START
    with pytest.raises(InvalidSessionState, match="'flash' is not a valid int"):
        await current.get("flash", int)


async def test_cycle_id_keeps_state_under_a_new_id(store: InMemorySessionStore, browser: Browser) -> None:
    await login(browser, uuid4())
    old_id = browser.cookie
    current = browser.request()
    await current.cycle_id()
    await browser.respond(current)
    assert browser.cookie not in (None, old_id)
    assert len(store) == 1
    assert await browser.request().get("user_id", UUID) is not None
    browser.cookie = old_id
    assert await browser.request().get("user_id", UUID) is None  # the old id is dead


async def test_unknown_ids_are_never_adopted(store: InMemorySessionStore, browser: Browser) -> None:
    browser.cookie = "attacker-chosen-id"
    current = browser.request()
    await current.insert("user_id", str(uuid4()))
    await browser.respond(current)
    assert browser.cookie != "attacker-chosen-id"
    assert await store.load("attacker-chosen-id", START) is None


async def test_stale_cookie_is_removed_when_the_session_is_read(browser: Browser) -> None:
    browser.cookie = "expired-or-unknown"
    current = browser.request()
    assert await current.is_empty()
    (cookie,) = await browser.respond(current)
    assert cookie.startswith("session_id=; Max-Age=0;")
    assert browser.cookie is None


async def test_oversized_ids_are_ignored_without_a_lookup(browser: Browser) -> None:
    browser.cookie = "x" * 1000
    assert await browser.request().get("user_id", str) is None


async def test_purge_deletes_the_session_and_removes_the_cookie(
    store: InMemorySessionStore, browser: Browser
) -> None:
    await login(browser, uuid4())
    old_id = browser.cookie
    current = browser.request()
    await current.purge()
    assert await current.get("user_id", UUID) is None
    (cookie,) = await browser.respond(current)
    assert "Max-Age=0" in cookie
    assert len(store) == 0
    browser.cookie = old_id
    assert await browser.request().get("user_id", UUID) is None


async def test_purge_then_insert_starts_a_fresh_session(
    store: InMemorySessionStore, browser: Browser
) -> None:
    await login(browser, uuid4())
    old_id = browser.cookie
    current = browser.request()
    await current.purge()
    await current.insert("flash", "bye")
    await browser.respond(current)
    assert browser.cookie not in (None, old_id)
    assert len(store) == 1
    current = browser.request()
    assert await current.get("user_id", UUID) is None
    assert await current.get("flash", str) == "bye"


async def test_remove_and_clear(store: InMemorySessionStore, browser: Browser) -> None:
    current = browser.request()
    await current.insert("a", 1)
    await current.insert("b", None)
    await browser.respond(current)
    current = browser.request()
    await current.remove("b")
    await current.remove("never-there")
    await browser.respond(current)
    current = browser.request()
    assert await current.get("b", int) is None
    assert await current.get("a", int) == 1
    await current.clear()
    (cookie,) = await browser.respond(current)
    assert "Max-Age=0" in cookie
    assert len(store) == 0


async def test_idle_timeout_expires_sessions(
    store: InMemorySessionStore, browser: Browser, clock: Clock
) -> None:
    await login(browser, uuid4())
    clock.advance(99)
    assert await browser.request().get("user_id", UUID) is not None
    clock.advance(1)
    assert await browser.request().get("user_id", UUID) is None
    assert len(store) == 0  # purged when seen


async def test_activity_extends_the_deadline_without_a_write_per_request(
    store: InMemorySessionStore, browser: Browser, clock: Clock
) -> None:
    await login(browser, uuid4())
    session_id = browser.cookie
    assert session_id is not None

    async def deadline() -> datetime:
        record = await store.load(session_id, clock.now)
        assert record is not None
        return record.deadline

    clock.advance(5)  # less than a tenth of the idle timeout: no write
    current = browser.request()
    await current.get("user_id", UUID)
    await browser.respond(current)
    assert await deadline() == START + timedelta(seconds=100)
    clock.advance(10)  # 15 s idle in total: the deadline moves
    current = browser.request()
    await current.get("user_id", UUID)
    assert await browser.respond(current) == []
    assert await deadline() == clock.now + timedelta(seconds=100)
    clock.advance(99)
    assert await browser.request().get("user_id", UUID) is not None


async def test_purge_expired(store: InMemorySessionStore, clock: Clock) -> None:
    await store.save("a", {"k": 1}, START + timedelta(seconds=10))
    await store.save("b", {"k": 1}, START + timedelta(seconds=20))
    await store.touch("missing", START)
    assert await store.purge_expired(START + timedelta(seconds=10)) == 1
    assert await store.load("b", START) is not None
    assert await store.load("a", START) is None


async def test_config_from_seconds() -> None:
    config = SessionConfig.from_seconds(900, secure=False)
    assert config.idle_timeout == timedelta(minutes=15)
    assert not config.secure
    with pytest.raises(ValueError, match="must be positive"):
        SessionConfig.from_seconds(0)


async def test_repr_does_not_show_values(browser: Browser) -> None:
    current = browser.request()
    assert repr(current) == "Session(loaded=False, keys=?)"
    await current.insert("password", "hunter2")
    assert "hunter2" not in repr(current)


Operation = tuple[str, str, int]
operations = st.lists(
    st.tuples(
        st.sampled_from(["insert", "remove", "clear", "cycle_id", "purge"]),
        st.sampled_from(["a", "b", "c"]),
        st.integers(),
    ),
    max_size=4,
)


@given(st.lists(operations, max_size=6))
@settings(deadline=None)
def test_session_state_follows_a_plain_dict_across_requests(requests: list[list[Operation]]) -> None:
    async def scenario() -> None:
        store = InMemorySessionStore()
        browser = Browser(store, SessionConfig(secure=False))
        model: dict[str, int] = {}
        for request_operations in requests:
            current = browser.request()
            for name, key, value in request_operations:
                if name == "insert":
                    await current.insert(key, value)
                    model[key] = value
                elif name == "remove":
                    await current.remove(key)
                    model.pop(key, None)
                elif name in ("clear", "purge"):
                    await getattr(current, name)()
                    model.clear()
                else:
                    await current.cycle_id()
            await browser.respond(current)
            assert len(store) == (1 if model else 0)
            assert (browser.cookie is not None) == bool(model)
            current = browser.request()
            assert {key: await current.get(key, int) for key in "abc" if key in model} == model
            assert all([await current.get(key, int) is None for key in "abc" if key not in model])

    anyio.run(scenario)
