"""The "Welcome!" e-mail: one confirmation link in each of its two bodies."""

from __future__ import annotations

import html
from urllib.parse import urlencode

from app.domain import SubscriberEmail, SubscriptionToken
from app.email_client import EmailMessage

__all__ = ["CONFIRMATION_SUBJECT", "confirmation_email", "confirmation_link"]

CONFIRMATION_SUBJECT = "Welcome!"


def confirmation_link(base_url: str, token: SubscriptionToken) -> str:
    """`{base_url}/subscriptions/confirm?subscription_token={token}`."""
    query = urlencode({"subscription_token": token.value})
    return f"{base_url.rstrip('/')}/subscriptions/confirm?{query}"


def confirmation_email(recipient: SubscriberEmail, base_url: str, token: SubscriptionToken) -> EmailMessage:
    """The message asking `recipient` to confirm; the link appears exactly once per body."""
    link = confirmation_link(base_url, token)
    return EmailMessage(
        recipient=recipient,
        subject=CONFIRMATION_SUBJECT,
        html_body=(
            "Welcome to our newsletter!<br />"
            f'Click <a href="{html.escape(link)}">here</a> to confirm your subscription.'
        ),
        text_body=f"Welcome to our newsletter!\nVisit {link} to confirm your subscription.",
    )
