"""The `postmark` backend: Postmark's HTTP API (`POST {base_url}/email`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain import SubscriberEmail
from framework.secrets import Secret

from .client import EmailClient, EmailDeliveryError, EmailMessage

if TYPE_CHECKING:
    import httpx

__all__ = ["PostmarkEmailClient"]

_MAX_ERROR_BODY = 200


class PostmarkEmailClient(EmailClient):
    """Posts each message as JSON; any non-2xx answer, timeout or connection failure is an error."""

    def __init__(
        self,
        http_client: httpx.AsyncClient,
        base_url: str,
        sender: SubscriberEmail,
        authorization_token: Secret[str],
        timeout_seconds: float,
    ) -> None:
        import httpx  # imported on first use: keeps `codegen generate` fast

        super().__init__(sender)
        self._http_client = http_client
        self._url = base_url.rstrip("/") + "/email"
        self._token = authorization_token
        self._timeout = httpx.Timeout(timeout_seconds)

    async def send(self, message: EmailMessage) -> None:
        import httpx  # imported on first use: keeps `codegen generate` fast

        payload = {
            "From": self.sender.value,
            "To": message.recipient.value,
            "Subject": message.subject,
            "HtmlBody": message.html_body,
            "TextBody": message.text_body,
        }
        headers = {"X-Postmark-Server-Token": self._token.expose()}
        try:
            response = await self._http_client.post(
                self._url, json=payload, headers=headers, timeout=self._timeout
            )
        except httpx.TimeoutException as error:
            msg = f"The e-mail provider at {self._url} did not answer in time."
            raise EmailDeliveryError(msg) from error
        except httpx.HTTPError as error:
            msg = f"Could not reach the e-mail provider at {self._url}."
            raise EmailDeliveryError(msg) from error
        if not response.is_success:
            excerpt = response.text[:_MAX_ERROR_BODY]
            msg = f"The e-mail provider refused the message with status {response.status_code}: {excerpt}"
            raise EmailDeliveryError(msg)
