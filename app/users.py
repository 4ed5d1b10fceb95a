"""Newsletter authors: create them with an argon2id password hash.

The admin area (login, password change) arrives in a later part; the `users` table and the
`create-user` command exist already so that accounts can be prepared ahead of it.
"""

from __future__ import annotations

import functools
import secrets
import uuid
from typing import TYPE_CHECKING

from app.database import Database

if TYPE_CHECKING:
    from argon2 import PasswordHasher

__all__ = ["UsernameTaken", "create_user", "generate_password", "has_users", "hash_password"]


@functools.cache
def _hasher() -> PasswordHasher:
    """One hasher for the process: argon2-cffi's defaults follow RFC 9106's second recommended option (argon2id)."""
    from argon2 import PasswordHasher  # imported on first use: keeps `codegen generate` fast

    return PasswordHasher()


class UsernameTaken(Exception):
    """Another user already has this username."""


def hash_password(password: str) -> str:
    """An argon2id PHC string (`$argon2id$v=19$...`) with a random salt."""
    return _hasher().hash(password)


def generate_password() -> str:
    """A random password for the first `admin` account (printed once, never stored in clear)."""
    return secrets.token_urlsafe(18)


async def create_user(database: Database, username: str, password: str) -> uuid.UUID:
    """Store a new user; raises `UsernameTaken` if the name is in use, ValueError if it is empty."""
    if not username:
        msg = "The username must not be empty."
        raise ValueError(msg)
    import asyncpg  # imported on first use: keeps `codegen generate` fast

    user_id = uuid.uuid4()
    try:
        await database.pool.execute(
            "INSERT INTO users (user_id, username, password_hash) VALUES ($1, $2, $3)",
            user_id,
            username,
            hash_password(password),
        )
    except asyncpg.UniqueViolationError:
        msg = f"A user named {username!r} exists already."
        raise UsernameTaken(msg) from None
    return user_id


async def has_users(database: Database) -> bool:
    return bool(await database.pool.fetchval("SELECT EXISTS (SELECT 1 FROM users)"))
