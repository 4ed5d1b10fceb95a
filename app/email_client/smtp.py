"""The `smtp` backend: the standard library's `smtplib`, run in a worker thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain import SubscriberEmail
from framework.secrets import Secret

from .client import EmailClient, EmailDeliveryError, EmailMessage

if TYPE_CHECKING:
    import email.message

__all__ = ["SmtpEmailClient"]


class SmtpEmailClient(EmailClient):
    """One SMTP session per message: simple and robust, and fine at a newsletter's volume."""

    def __init__(
        self,
        sender: SubscriberEmail,
        host: str,
        port: int,
        *,
        username: str | None,
        password: Secret[str] | None,
        starttls: bool,
        timeout_seconds: float,
    ) -> None:
        super().__init__(sender)
        self._host = host
        self._port = port
        self._username = username
        self._password = password
        self._starttls = starttls
        self._timeout = timeout_seconds

    async def send(self, message: EmailMessage) -> None:
        # Imported on first use: keeps `codegen generate` fast.
        import smtplib

        import anyio.to_thread

        mime = self._mime(message)
        try:
            await anyio.to_thread.run_sync(self._deliver, mime)
        except (smtplib.SMTPException, OSError) as error:
            msg = f"The SMTP server {self._host}:{self._port} did not accept the message."
            raise EmailDeliveryError(msg) from error

    def _mime(self, message: EmailMessage) -> email.message.EmailMessage:
        import email.message  # imported on first use: keeps `codegen generate` fast

        mime = email.message.EmailMessage()
        mime["From"] = self.sender.value
        mime["To"] = message.recipient.value
        mime["Subject"] = message.subject
        mime.set_content(message.text_body)
        mime.add_alternative(message.html_body, subtype="html")
        return mime

    def _deliver(self, mime: email.message.EmailMessage) -> None:
        import smtplib  # imported on first use: keeps `codegen generate` fast

        with smtplib.SMTP(self._host, self._port, timeout=self._timeout) as smtp:
            if self._starttls:
                smtp.starttls()
            if self._username is not None and self._password is not None:
                smtp.login(self._username, self._password.expose())
            smtp.send_message(mime)
