"""`GET /subscriptions/confirm?subscription_token=...`: the link in the "Welcome!" e-mail."""

from __future__ import annotations

from dataclasses import dataclass

from app.database import Database
from app.domain import SubscriptionToken
from app.subscriptions import confirm_subscriber
from framework import Response
from framework.extractors import QueryParams

__all__ = ["ConfirmParams", "confirm"]


@dataclass(frozen=True, slots=True)
class ConfirmParams:
    subscription_token: str


async def confirm(params: QueryParams[ConfirmParams], database: Database) -> Response:
    """200 once the subscriber is confirmed (again on every later click); 401 for an unknown token."""
    token = SubscriptionToken.parse(params.value.subscription_token)
    if token is None or not await confirm_subscriber(database, token):
        return Response.text("This confirmation link is not valid.", status=401)
    return Response.ok()
