"""`POST /subscriptions`: validate the form, store a pending subscriber, send the confirmation link."""

from __future__ import annotations

from dataclasses import dataclass

from app.configuration import Settings
from app.confirmation_email import confirmation_email
from app.database import Database
from app.domain import InvalidSubscriberEmail, InvalidSubscriberName, NewSubscriber
from app.email_client import EmailClient, EmailDeliveryError
from app.subscriptions import register_subscriber
from framework import Response
from framework.errors import internal_server_error
from framework.extractors import Form

__all__ = [
    "ConfirmationEmailFailed",
    "InvalidSubscription",
    "SubscribeError",
    "SubscribeForm",
    "subscribe",
    "subscribe_error_to_response",
]


@dataclass(frozen=True, slots=True)
class SubscribeForm:
    name: str
    email: str


class SubscribeError(Exception):
    """Why a subscription request failed; `subscribe_error_to_response` turns it into a response."""


class InvalidSubscription(SubscribeError):
    """The form's values break a rule: 400, the message quoting the value as submitted."""


class ConfirmationEmailFailed(SubscribeError):
    """The subscriber is stored but its e-mail was not accepted: 500, a retry sends it again."""


async def subscribe(
    form: Form[SubscribeForm], database: Database, email_client: EmailClient, settings: Settings
) -> Response:
    try:
        subscriber = NewSubscriber.parse(name=form.value.name, email=form.value.email)
    except (InvalidSubscriberName, InvalidSubscriberEmail) as error:
        raise InvalidSubscription(str(error)) from error
    pending = await register_subscriber(database, subscriber)
    if pending is None:  # confirmed already: nothing to send
        return Response.ok()
    message = confirmation_email(subscriber.email, settings.application.base_url, pending.token)
    try:
        await email_client.send(message)
    except EmailDeliveryError as error:
        msg = "Failed to send a confirmation e-mail."
        raise ConfirmationEmailFailed(msg) from error
    return Response.ok()


def subscribe_error_to_response(error: SubscribeError) -> Response:
    if isinstance(error, InvalidSubscription):
        return Response.text(str(error), status=400)
    return internal_server_error()
