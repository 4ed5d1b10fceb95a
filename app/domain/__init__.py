"""Domain types: values that are valid by construction (parse, don't validate)."""

from __future__ import annotations

from .new_subscriber import NewSubscriber as NewSubscriber
from .subscriber_email import (
    InvalidSubscriberEmail as InvalidSubscriberEmail,
    SubscriberEmail as SubscriberEmail,
)
from .subscriber_name import InvalidSubscriberName as InvalidSubscriberName, SubscriberName as SubscriberName
from .subscription_token import SubscriptionToken as SubscriptionToken

__all__ = [
    "InvalidSubscriberEmail",
    "InvalidSubscriberName",
    "NewSubscriber",
    "SubscriberEmail",
    "SubscriberName",
    "SubscriptionToken",
]
