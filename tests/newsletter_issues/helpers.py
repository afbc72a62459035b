"""Subscribers, issues and a real SMTP server that keeps what it received."""

import asyncio
import email
import email.policy
import threading

from django.utils import timezone

from wagtail.blocks import StreamValue

from django_tasks.base import TaskContext
from django_tasks_db.models import DBTaskResult

from newsletter_issues.models import NewsletterIssue
from newsletters.models import Subscription, SubscriptionStatus


def subscribe(mailing_list, address, status=SubscriptionStatus.CONFIRMED, language="de", user=None):
    return Subscription.objects.create(
        mailing_list=mailing_list,
        email=address,
        status=status,
        language=language,
        user=user,
        confirmed_at=timezone.now() if status == SubscriptionStatus.CONFIRMED else None,
    )


def make_issue(lists, body=None, **fields):
    issue = NewsletterIssue.objects.create(subject=fields.pop("subject", "Neues aus dem Netzwerk"), **fields)
    if body is not None:
        issue.body = body
        issue.save()
    issue.lists.set(lists)
    return issue


def body_of(issue, blocks):
    """A StreamValue of ``blocks`` ((type, value) pairs) for ``issue``."""
    return StreamValue(issue.body.stream_block, blocks, is_lazy=False)


class Sink:
    """An aiosmtpd handler: keeps each accepted message per recipient, refuses ``refuse`` with a 550, may pause
    in RCPT (``pause`` seconds) so a test can kill a worker in mid-batch."""

    def __init__(self, refuse=(), pause=0):
        self.refuse = set(refuse)
        self.pause = pause
        self.received = []  # (recipient, parsed message)
        self.receiving = threading.Event()

    @property
    def recipients(self):
        return [recipient for recipient, _message in self.received]

    def message_to(self, address):
        return next(message for recipient, message in self.received if recipient == address)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.receiving.set()
        if self.pause:
            await asyncio.sleep(self.pause)
        if address in self.refuse:
            return "550 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.extend((recipient, parsed) for recipient in envelope.rcpt_tos)
        return "250 OK"


def run_queue(worker="test-worker"):
    """What the worker does, in the test's process and transaction: run the hub's due newsletter tasks in order
    until none is left (``run_worker`` itself closes the database connection, which a test may not)."""
    while True:
        due = (
            DBTaskResult.objects.ready()
            .filter(task_path__startswith="newsletter_issues.")
            .order_by("enqueued_at", "id")
            .first()
        )
        if due is None:
            return
        due.claim(worker)
        task, result = due.task, due.task_result
        if task.takes_context:
            value = task.call(TaskContext(task_result=result), *result.args, **result.kwargs)
        else:
            value = task.call(*result.args, **result.kwargs)
        due.set_successful(value)
