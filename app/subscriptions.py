"""The subscriptions' SQL: store a subscriber with a token, find a token again, confirm by token."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.database import Database
from app.domain import NewSubscriber, SubscriptionToken

if TYPE_CHECKING:
    import asyncpg

__all__ = ["PendingSubscription", "SubscriptionStatus", "confirm_subscriber", "register_subscriber"]


class SubscriptionStatus(enum.StrEnum):
    PENDING_CONFIRMATION = "pending_confirmation"
    CONFIRMED = "confirmed"


@dataclass(frozen=True, slots=True)
class PendingSubscription:
    """A subscriber waiting for confirmation, and the token its confirmation link carries."""

    subscriber_id: uuid.UUID
    token: SubscriptionToken


async def register_subscriber(database: Database, subscriber: NewSubscriber) -> PendingSubscription | None:
    """Store `subscriber` as pending with a fresh token, in one transaction.

    An address that is already pending keeps its row and its token (so the same link is sent again);
    an address that is already confirmed needs nothing: None. Concurrent requests for the same address
    meet on the UNIQUE constraint and the row lock, so each ends with the same single subscriber.
    """
    async with database.pool.acquire() as connection, connection.transaction():
        subscriber_id = await connection.fetchval(
            "INSERT INTO subscriptions (id, email, name, subscribed_at, status)"
            " VALUES ($1, $2, $3, now(), $4) ON CONFLICT (email) DO NOTHING RETURNING id",
            uuid.uuid4(),
            subscriber.email.value,
            subscriber.name.value,
            SubscriptionStatus.PENDING_CONFIRMATION.value,
        )
        if subscriber_id is not None:
            return PendingSubscription(subscriber_id, await _new_token(connection, subscriber_id))
        row = await connection.fetchrow(
            "SELECT id, status FROM subscriptions WHERE email = $1 FOR UPDATE", subscriber.email.value
        )
        if row is None or row["status"] == SubscriptionStatus.CONFIRMED:
            return None
        existing = await connection.fetchval(
            "SELECT subscription_token FROM subscription_tokens WHERE subscriber_id = $1 LIMIT 1", row["id"]
        )
        token = SubscriptionToken(existing) if existing else await _new_token(connection, row["id"])
        return PendingSubscription(row["id"], token)


async def _new_token(
    connection: asyncpg.pool.PoolConnectionProxy[asyncpg.Record], subscriber_id: uuid.UUID
) -> SubscriptionToken:
    token = SubscriptionToken.generate()
    await connection.execute(
        "INSERT INTO subscription_tokens (subscription_token, subscriber_id) VALUES ($1, $2)",
        token.value,
        subscriber_id,
    )
    return token


async def confirm_subscriber(database: Database, token: SubscriptionToken) -> bool:
    """Mark the token's subscriber as confirmed (again, harmlessly); False when no subscriber has it."""
    subscriber_id = await database.pool.fetchval(
        "UPDATE subscriptions SET status = $2 WHERE id ="
        " (SELECT subscriber_id FROM subscription_tokens WHERE subscription_token = $1) RETURNING id",
        token.value,
        SubscriptionStatus.CONFIRMED.value,
    )
    return subscriber_id is not None
