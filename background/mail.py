"""Every e-mail of the hub leaves through the task queue.

``EMAIL_BACKEND`` is :class:`QueuedEmailBackend`: a request (or a task) that sends a mail only enqueues one task per
message, and the worker hands the finished MIME message to the real backend, ``QUEUED_EMAIL_BACKEND`` (SMTP from
``EMAIL_URL``, the console in development). A slow mail server never slows a page, and the message is frozen when
it is queued: a retry sends the same message with the same ``Message-ID``.

A mail server that is down or answers "try again later" (4xx) gets the message again after a growing pause
(``MAIL_RETRY_DELAYS``); a permanent refusal (5xx) fails the task at once. Once a mail is out, its task keeps no copy
of it: the message (with its links to confirm an address or reset a password) is blanked from the stored arguments.
"""

import base64
import email
import email.message
import email.policy
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# Seconds to wait before the next try after a temporary failure: about a day and a half in all.
MAIL_RETRY_DELAYS = [60, 300, 1800, 7200, 21600, 86400]


class FrozenMIME(email.message.EmailMessage):
    """The parsed MIME message, serialised as Django's backends ask for it (``as_bytes(linesep=…)``)."""

    def as_bytes(self, unixfrom=False, policy=None, linesep=None):
        policy = policy or self.policy
        return super().as_bytes(unixfrom, policy=policy.clone(linesep=linesep) if linesep else policy)


class QueuedMessage(EmailMessage):
    """A message rebuilt from the MIME bytes that were queued; ``message()`` gives back that message."""

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


def is_temporary(error):
    """A failure worth another try: no connection, a dropped one, or a 4xx answer ("try again later")."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, smtplib.SMTPServerDisconnected | OSError)


@task()
def send_queued_mail(raw, from_email, recipients, attempt=0):
    """Send one queued message through the real backend; after a temporary failure queue it again, later."""
    message = QueuedMessage(base64.b64decode(raw), from_email, recipients)
    try:
        return get_connection(settings.QUEUED_EMAIL_BACKEND, fail_silently=False).send_messages([message])
    except Exception as error:
        can_defer = send_queued_mail.get_backend().supports_defer
        if not (is_temporary(error) and can_defer and attempt < len(MAIL_RETRY_DELAYS)):
            raise
        delay = MAIL_RETRY_DELAYS[attempt]
        logger.warning("Mail to %s not sent (%s); trying again in %s s", recipients, error, delay)
        send_queued_mail.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            raw, from_email, recipients, attempt + 1
        )
        return 0


def forget_sent_message(sender, task_result, **kwargs):
    """``task_finished`` receiver: a sent mail's stored task keeps the recipients' count, not the message."""
    backend = sender if isinstance(sender, type) else type(sender)  # django-tasks-db sends either
    if not issubclass(backend, DatabaseBackend) or task_result.task.func is not send_queued_mail.func:
        return
    if task_result.status == TaskResultStatus.SUCCESSFUL:
        DBTaskResult.objects.filter(pk=task_result.id).update(args_kwargs={"args": [], "kwargs": {}})


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
