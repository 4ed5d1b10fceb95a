"""Server-side sessions: state kept in a store, keyed by a random id carried in an HttpOnly cookie.

```
request ──► session(store, config, cookies)   a request-scoped `Session`; nothing is read yet
handler ──► await session.get("user_id", UUID) the first access loads the state from the store
            await session.cycle_id()           at login: same state, fresh id (no session fixation)
            await session.purge()              at logout: state deleted, id retired
response ◄─ finalize_session(response, session) saves what changed, sets or removes the cookie
```

Only routes that touch the session pay for a store round-trip: the state is loaded on first access, and
`finalize_session` does nothing for a session that was never read. A client-supplied id that the store does
not know is never adopted: new state always gets a fresh id from `secrets.token_urlsafe`.

Sessions expire after `SessionConfig.idle_timeout` without a request: an expired session is invisible (and
deleted when seen); `SessionStore.purge_expired` removes the rest in bulk. Each request that reads a session
pushes its deadline back, writing to the store at most once per tenth of the idle timeout.

The session cookie is `HttpOnly; SameSite=Lax; Path=/`, with `Secure` from `SessionConfig.secure`, and no
`Max-Age`: the browser forgets it when it closes, the server when the idle timeout passes.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar

import msgspec

from .cookies import RequestCookies, ResponseCookie, ResponseCookies, SameSite
from .responses import Response

if TYPE_CHECKING:  # only annotations use asyncpg: importing the framework does not load a database driver
    import asyncpg

__all__ = [
    "InMemorySessionStore",
    "InvalidSessionState",
    "PostgresSessionStore",
    "Session",
    "SessionConfig",
    "SessionRecord",
    "SessionStore",
    "finalize_session",
    "new_session_id",
    "session",
]

T = TypeVar("T")

_MAX_ID_LENGTH: Final = 128  # ids we issue are 43 characters; anything much longer is not ours
_TOUCH_FRACTION: Final = 10  # extend a deadline once a tenth of the idle timeout has passed


def _utc_now() -> datetime:
    return datetime.now(UTC)


def new_session_id() -> str:
    """A fresh, unguessable session id: 256 random bits, URL- and cookie-safe."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class SessionConfig:
    """How sessions behave: idle timeout, cookie name, whether the cookie is `Secure`, and the clock."""

    idle_timeout: timedelta = timedelta(days=1)
    cookie_name: str = "session_id"
    secure: bool = True
    clock: Callable[[], datetime] = field(default=_utc_now, repr=False)

    @classmethod
    def from_seconds(cls, idle_timeout_seconds: float, *, secure: bool = True) -> SessionConfig:
        """Build the config from settings such as `sessions.idle_timeout_seconds`."""
        if idle_timeout_seconds <= 0:
            msg = f"The session idle timeout must be positive, got {idle_timeout_seconds} seconds."
            raise ValueError(msg)
        return cls(idle_timeout=timedelta(seconds=idle_timeout_seconds), secure=secure)


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """What a store holds for one session: its state (JSON values) and the moment it expires."""

    state: dict[str, Any]
    deadline: datetime


class SessionStore(Protocol):
    """Where session state lives. Times are passed in, so the store never consults a clock of its own."""

    async def load(self, session_id: str, now: datetime) -> SessionRecord | None:
        """The session, or None if it does not exist or its deadline is not after `now`."""
        ...

    async def save(self, session_id: str, state: Mapping[str, Any], deadline: datetime) -> None:
        """Create or replace the session (an upsert)."""
        ...

    async def touch(self, session_id: str, deadline: datetime) -> None:
        """Move the session's deadline without rewriting its state."""
        ...

    async def delete(self, session_id: str) -> None:
        """Forget the session; deleting an unknown id is not an error."""
        ...

    async def purge_expired(self, now: datetime) -> int:
        """Delete every session whose deadline is not after `now`; return how many were deleted."""
        ...


class InMemorySessionStore:
    """A `SessionStore` in a dict, for tests and single-process demos. State is stored as JSON, as a real
    store would, so that what goes in must be JSON-encodable and comes out as a copy."""

    __slots__ = ("_sessions",)

    def __init__(self) -> None:
        self._sessions: dict[str, tuple[bytes, datetime]] = {}

    async def load(self, session_id: str, now: datetime) -> SessionRecord | None:
        entry = self._sessions.get(session_id)
        if entry is None:
            return None
        if entry[1] <= now:
            del self._sessions[session_id]
            return None
        return SessionRecord(msgspec.json.decode(entry[0]), entry[1])

    async def save(self, session_id: str, state: Mapping[str, Any], deadline: datetime) -> None:
        self._sessions[session_id] = (msgspec.json.encode(state), deadline)

    async def touch(self, session_id: str, deadline: datetime) -> None:
        entry = self._sessions.get(session_id)
        if entry is not None:
            self._sessions[session_id] = (entry[0], deadline)

    async def delete(self, session_id: str) -> None:
        self._sessions.pop(session_id, None)

    async def purge_expired(self, now: datetime) -> int:
        expired = [sid for sid, (_, deadline) in self._sessions.items() if deadline <= now]
        for session_id in expired:
            del self._sessions[session_id]
        return len(expired)

    def __len__(self) -> int:
        return len(self._sessions)


class PostgresSessionStore:
    """A `SessionStore` on the `sessions` table of `framework/sessions.sql` (state as JSONB)."""

    __slots__ = ("_pool",)

    def __init__(self, pool: asyncpg.Pool[Any]) -> None:
        self._pool = pool

    async def load(self, session_id: str, now: datetime) -> SessionRecord | None:
        row = await self._pool.fetchrow(
            "SELECT state::text AS state, deadline FROM sessions WHERE id = $1", session_id
        )
        if row is None:
            return None
        if row["deadline"] <= now:
            await self._pool.execute("DELETE FROM sessions WHERE id = $1 AND deadline <= $2", session_id, now)
            return None
        return SessionRecord(msgspec.json.decode(row["state"]), row["deadline"])

    async def save(self, session_id: str, state: Mapping[str, Any], deadline: datetime) -> None:
        await self._pool.execute(
            "INSERT INTO sessions (id, state, deadline) VALUES ($1, $2::jsonb, $3) "
            "ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, deadline = EXCLUDED.deadline",
            session_id,
            msgspec.json.encode(state).decode("utf-8"),
            deadline,
        )

    async def touch(self, session_id: str, deadline: datetime) -> None:
        await self._pool.execute("UPDATE sessions SET deadline = $2 WHERE id = $1", session_id, deadline)

    async def delete(self, session_id: str) -> None:
        await self._pool.execute("DELETE FROM sessions WHERE id = $1", session_id)

    async def purge_expired(self, now: datetime) -> int:
        status = await self._pool.execute("DELETE FROM sessions WHERE deadline <= $1", now)
        return int(status.rsplit(" ", 1)[-1])


class InvalidSessionState(ValueError):
    """A stored value does not convert to the type asked for (the app changed what it stores)."""


class Session:
    """The current request's session, loaded from the store on first access.

    Values are stored as JSON: `insert` accepts anything msgspec can encode (str, int, UUID, datetime,
    dataclasses, Structs, ...), and `get(key, type_)` converts the stored value back to `type_`.

    Example:
        await session.cycle_id()                      # at login, before storing who logged in
        await session.insert("user_id", user.id)
        user_id = await session.get("user_id", UUID)  # None when absent
    """

    __slots__ = (
        "_changed",
        "_client_id",
        "_config",
        "_cookies",
        "_deadline",
        "_id",
        "_loaded",
        "_retired",
        "_state",
        "_store",
    )

    def __init__(self, store: SessionStore, config: SessionConfig, cookies: RequestCookies) -> None:
        self._store = store
        self._config = config
        self._cookies = cookies
        self._loaded = False
        self._changed = False
        self._client_id: str | None = None
        self._id: str | None = None
        self._state: dict[str, Any] = {}
        self._deadline: datetime | None = None
        self._retired: list[str] = []

    async def _ensure_loaded(self) -> None:
        if self._loaded:
            return
        client_id = self._cookies.get(self._config.cookie_name)
        record = None
        if client_id and len(client_id) <= _MAX_ID_LENGTH:
            record = await self._store.load(client_id, self._config.clock())
        if self._loaded:  # another task of this request loaded it while we awaited
            return
        self._client_id = client_id
        if record is not None:
            self._id, self._state, self._deadline = client_id, record.state, record.deadline
        self._loaded = True

    async def get(self, key: str, type_: type[T]) -> T | None:
        """The value stored under `key` converted to `type_`, or None when there is none."""
        await self._ensure_loaded()
        if key not in self._state:
            return None
        try:
            return msgspec.convert(self._state[key], type_, strict=False)
        except msgspec.ValidationError as error:
            msg = (
                f"The session value under {key!r} is not a valid {getattr(type_, '__name__', type_)}: {error}"
            )
            raise InvalidSessionState(msg) from error

    async def insert(self, key: str, value: object) -> None:
        """Store `value` under `key` (saved when the response is ready)."""
        await self._ensure_loaded()
        self._state[key] = msgspec.to_builtins(value)
        self._changed = True

    async def remove(self, key: str) -> None:
        """Forget the value under `key`, if any."""
        await self._ensure_loaded()
        if key in self._state:
            del self._state[key]
            self._changed = True

    async def clear(self) -> None:
        """Forget every value; an empty session is deleted from the store and its cookie removed."""
        await self._ensure_loaded()
        if self._state:
            self._state = {}
            self._changed = True

    async def is_empty(self) -> bool:
        await self._ensure_loaded()
        return not self._state

    async def cycle_id(self) -> None:
        """Keep the state under a fresh id (call it at login, to defeat session fixation)."""
        await self._ensure_loaded()
        self._retire_id()
        self._changed = True

    async def purge(self) -> None:
        """Delete the session and retire its id (call it at logout). New values start a new session."""
        await self._ensure_loaded()
        self._retire_id()
        self._state = {}
        self._changed = True

    def _retire_id(self) -> None:
        if self._id is not None:
            self._retired.append(self._id)
            self._id = None

    async def finalize(self) -> ResponseCookie | None:
        """Write what changed to the store; return the `Set-Cookie` to send, if the cookie must change."""
        if not self._loaded:
            return None
        now = self._config.clock()
        for retired in self._retired:
            await self._store.delete(retired)
        if self._changed:
            await self._save(now)
        elif (
            self._id is not None
            and self._deadline is not None
            and self._is_due_for_touch(self._deadline, now)
        ):
            await self._store.touch(self._id, now + self._config.idle_timeout)
        return self._cookie()

    async def _save(self, now: datetime) -> None:
        if self._state:
            self._id = self._id or new_session_id()
            await self._store.save(self._id, self._state, now + self._config.idle_timeout)
        elif self._id is not None:
            await self._store.delete(self._id)
            self._id = None

    def _is_due_for_touch(self, deadline: datetime, now: datetime) -> bool:
        idle = self._config.idle_timeout
        return deadline - now < idle - idle / _TOUCH_FRACTION

    def _cookie(self) -> ResponseCookie | None:
        name = self._config.cookie_name
        cookies = ResponseCookies()
        secure = self._config.secure
        if self._id is not None and self._id != self._client_id:
            return cookies.set(
                name, self._id, path="/", secure=secure, http_only=True, same_site=SameSite.LAX, encode=False
            )
        if self._id is None and self._client_id is not None:
            return cookies.remove(name, path="/", secure=secure)
        return None

    def __repr__(self) -> str:
        return f"Session(loaded={self._loaded}, keys={sorted(self._state) if self._loaded else '?'})"


def session(store: SessionStore, config: SessionConfig, cookies: RequestCookies) -> Session:
    """Request-scoped constructor: the request's `Session`, loaded lazily on first access."""
    return Session(store, config, cookies)


async def finalize_session(response: Response, session: Session) -> Response:
    """Post-processing middleware: save the session if it changed and set or remove its cookie."""
    cookie = await session.finalize()
    if cookie is not None:
        response.append_header("Set-Cookie", cookie.header_value())
    return response
