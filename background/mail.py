"""Every e-mail of the hub leaves through the task queue.

``EMAIL_BACKEND`` is :class:`QueuedEmailBackend`: a request (or a task) that sends a mail only enqueues one task per
message, and the worker hands the finished MIME message to the real backend, ``QUEUED_EMAIL_BACKEND`` (SMTP from
``EMAIL_URL``, the console in development). So a slow or unreachable mail server never slows a page or loses a mail,
and the message is frozen when it is queued: a retry sends exactly the bytes, and the ``Message-ID``, of the first try.
"""

import base64
import email
import email.message
import email.policy

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from django_tasks import task


class FrozenMIME(email.message.EmailMessage):
    """The parsed MIME message, serialised as Django's backends ask for it (``as_bytes(linesep=…)``)."""

    def as_bytes(self, unixfrom=False, policy=None, linesep=None):
        policy = policy or self.policy
        return super().as_bytes(unixfrom, policy=policy.clone(linesep=linesep) if linesep else policy)


class QueuedMessage(EmailMessage):
    """A message rebuilt from the MIME bytes that were queued; ``message()`` gives back exactly those bytes."""

    def __init__(self, raw, from_email, recipients):
        self._parsed = email.message_from_bytes(raw, _class=FrozenMIME, policy=email.policy.SMTP)
        text = (
            self._parsed.get_body(preferencelist=("plain",)) if self._parsed.is_multipart() else self._parsed
        )
        super().__init__(
            subject=str(self._parsed.get("Subject", "")),
            body=text.get_content() if text is not None else "",
            from_email=from_email,
            to=recipients,
        )
        self._recipients = recipients

    def recipients(self):
        return self._recipients

    def message(self, *, policy=None):
        return self._parsed


@task()
def send_queued_mail(raw, from_email, recipients):
    """Send one queued message through the real backend; the result (1 or 0) is kept with the task."""
    message = QueuedMessage(base64.b64decode(raw), from_email, recipients)
    return get_connection(settings.QUEUED_EMAIL_BACKEND, fail_silently=False).send_messages([message])


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            recipients = message.recipients()
            if not recipients:
                continue
            raw = base64.b64encode(message.message().as_bytes(linesep="\r\n")).decode("ascii")
            send_queued_mail.enqueue(raw, message.from_email or settings.DEFAULT_FROM_EMAIL, recipients)
            queued += 1
        return queued
