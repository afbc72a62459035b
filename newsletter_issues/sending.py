"""Sending an issue through the task queue, in batches, at a set rate, resumable after a worker died.

1. ``send_now`` / ``schedule`` mark the issue and enqueue ``prepare_issue`` (scheduled: with ``run_after``).
2. ``prepare_issue`` writes one ``Delivery`` per address that receives one of the issue's lists (deduplicated,
   in the issue's language if it has one) and enqueues the first ``send_batch``. Run again, it adds nothing.
3. ``send_batch`` claims up to ``NEWSLETTER_BATCH_SIZE`` waiting deliveries for its task id (row locks with
   SKIP LOCKED: two batches never claim the same row), checks which addresses still receive (an unsubscribe or a
   suppression after the queueing stops the mail), sends them over one connection of ``QUEUED_EMAIL_BACKEND``
   at ``NEWSLETTER_MAILS_PER_SECOND``, marks each delivery sent as soon as the server accepted it, then enqueues
   the next batch. The last batch marks the issue sent.

A worker killed mid-batch leaves its task RUNNING; ``background.worker.requeue_abandoned`` puts that same task
(same id) back, and it first takes the deliveries it had claimed and not marked sent. Only a mail the server
accepted in the instant before the kill, before its mark was written, goes out twice.
"""

import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from django_tasks import task

from background.mail import MAIL_RETRY_DELAYS, is_temporary
from newsletter_issues.mail import IssueMail
from newsletter_issues.models import Delivery, DeliveryStatus, IssueStatus, NewsletterIssue
from newsletters.models import Subscription, address_key

logger = logging.getLogger(__name__)

INSERT_CHUNK = 2000


def receiving(issue):
    """The subscriptions ``issue`` goes to now: confirmed, not suppressed, in its language if it has one."""
    subscriptions = Subscription.objects.receiving().filter(mailing_list__in=issue.lists.all())
    if issue.language:
        subscriptions = subscriptions.filter(language=issue.language)
    return subscriptions


def recipients_count(issue):
    return receiving(issue).values("email").distinct().count()


# What an editor does (the admin views ask the permissions first).


def send_now(issue):
    with transaction.atomic():
        updated = NewsletterIssue.objects.filter(
            pk=issue.pk, status__in=[IssueStatus.DRAFT, IssueStatus.SCHEDULED]
        ).update(status=IssueStatus.SENDING, scheduled_for=None)
        if updated:
            prepare_issue.enqueue(issue.pk, "")
    return bool(updated)


def schedule(issue, when):
    """A task that runs at ``when``; False where the queue cannot wait (development runs every task at once)."""
    if not prepare_issue.get_backend().supports_defer:
        return False
    with transaction.atomic():
        updated = NewsletterIssue.objects.filter(pk=issue.pk, status=IssueStatus.DRAFT).update(
            status=IssueStatus.SCHEDULED, scheduled_for=when
        )
        if updated:
            prepare_issue.using(run_after=when).enqueue(issue.pk, when.isoformat())
    return bool(updated)


def cancel_schedule(issue):
    """Back to draft; the queued task finds the issue no longer scheduled for its time and does nothing."""
    return bool(
        NewsletterIssue.objects.filter(pk=issue.pk, status=IssueStatus.SCHEDULED).update(
            status=IssueStatus.DRAFT, scheduled_for=None
        )
    )


def resume(issue):
    """Another batch for an issue stuck in "sending" (its chain broke, e.g. the database was away)."""
    if issue.status != IssueStatus.SENDING:
        return False
    if issue.recipients_count is None:
        prepare_issue.enqueue(issue.pk, "")
    else:
        send_batch.enqueue(issue.pk)
    return True


def send_test(issue, user, language):
    """The issue to ``user``'s own address only, through the queue like every mail."""
    if not user.email:
        return False
    return IssueMail(issue).test_message(user.email, language).send() == 1


# The tasks.


@task()
def prepare_issue(issue_id, scheduled_for):
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().filter(pk=issue_id).first()
        if issue is None:
            return 0
        # The time as a time: the form's carries the local offset, the database gives it back in UTC.
        if (
            issue.status == IssueStatus.SCHEDULED
            and scheduled_for
            and issue.scheduled_for == datetime.fromisoformat(scheduled_for)
        ):
            issue.status = IssueStatus.SENDING
        elif issue.status != IssueStatus.SENDING or issue.recipients_count is not None:
            return 0  # cancelled, rescheduled, or prepared already
        # Ordered by address, each address's first list first: one row per address, in constant memory.
        rows = (
            receiving(issue)
            .order_by("email", "mailing_list__order", "mailing_list_id")
            .values_list("pk", "email", "language")
        )
        chunk, last = [], None
        for subscription_id, email, language in rows.iterator(chunk_size=INSERT_CHUNK):
            email = address_key(email)
            if email == last:
                continue
            last = email
            chunk.append(
                Delivery(issue=issue, email=email, subscription_id=subscription_id, language=language)
            )
            if len(chunk) >= INSERT_CHUNK:
                Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
                chunk = []
        Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
        issue.recipients_count = Delivery.objects.filter(issue=issue).count()
        issue.save(update_fields=["status", "recipients_count"])
        send_batch.enqueue(issue.pk)
    return issue.recipients_count


def _claim(issue_id, me):
    """This task's deliveries: those it claimed before (it was killed and put back) and new ones."""
    now = timezone.now()
    with transaction.atomic():
        mine = list(
            Delivery.objects.filter(
                issue_id=issue_id, status=DeliveryStatus.PENDING, claimed_by=me
            ).values_list("pk", flat=True)
        )
        room = settings.NEWSLETTER_BATCH_SIZE - len(mine)
        if room > 0:
            stale = now - timedelta(seconds=settings.TASK_ABANDONED_AFTER)
            free = list(
                Delivery.objects.select_for_update(skip_locked=True)
                .filter(issue_id=issue_id, status=DeliveryStatus.PENDING)
                .filter(Q(claimed_by="") | Q(claimed_at__lt=stale))
                .order_by("pk")
                .values_list("pk", flat=True)[:room]
            )
            Delivery.objects.filter(pk__in=free).update(claimed_by=me, claimed_at=now)
            mine += free
    return Delivery.objects.filter(pk__in=mine).order_by("pk")


def _still_receiving(issue, addresses):
    """address → the subscription to name in its unsubscribe link (the first of the issue's lists)."""
    found = {}
    rows = receiving(issue).filter(email__in=addresses).order_by("-mailing_list__order", "-mailing_list_id")
    for subscription in rows:
        found[address_key(subscription.email)] = subscription
    return found


class Pacer:
    """Sleeps so that no more than ``per_second`` mails leave in any stretch of the batch."""

    def __init__(self, per_second):
        self.interval = 1 / per_second if per_second > 0 else 0
        self.started = time.monotonic()
        self.count = 0

    def tick(self):
        self.count += 1
        wait = self.started + self.count * self.interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)


def _mark(delivery_id, **fields):
    Delivery.objects.filter(pk=delivery_id).update(**fields)


@task(takes_context=True)
def send_batch(context, issue_id):
    me = str(context.task_result.id)[:64]
    issue = NewsletterIssue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).first()
    if issue is None:
        return 0
    deliveries = list(_claim(issue_id, me).only("pk", "email", "attempts"))
    if not deliveries:
        _finish(issue)
        return 0
    current = _still_receiving(issue, [delivery.email for delivery in deliveries])
    mail = IssueMail(issue)
    pacer = Pacer(settings.NEWSLETTER_MAILS_PER_SECOND)
    retry_after = None
    sent = 0
    connection = get_connection(settings.QUEUED_EMAIL_BACKEND, fail_silently=False)
    try:
        try:
            connection.open()
        except Exception as error:
            if not is_temporary(error):
                raise
            # No server to talk to: the whole batch goes back and the next one tries in a minute.
            logger.warning("Newsletter %s: mail server not reachable (%s), trying later", issue_id, error)
            retry_after, deliveries = MAIL_RETRY_DELAYS[0], []
        for delivery in deliveries:
            subscription = current.get(delivery.email)
            if subscription is None:
                _mark(delivery.pk, status=DeliveryStatus.SKIPPED, claimed_by="")
                continue
            try:
                connection.send_messages([mail.message(delivery.email, subscription)])
            except Exception as error:
                if is_temporary(error) and delivery.attempts < len(MAIL_RETRY_DELAYS):
                    # The server is away or busy: leave this and the rest of the batch for a later batch.
                    logger.warning("Newsletter %s: mail server not ready (%s), trying later", issue_id, error)
                    retry_after = MAIL_RETRY_DELAYS[delivery.attempts]
                    _mark(delivery.pk, attempts=delivery.attempts + 1)
                    break
                _mark(delivery.pk, status=DeliveryStatus.FAILED, error=str(error)[:300], claimed_by="")
                continue
            _mark(delivery.pk, status=DeliveryStatus.SENT, sent_at=timezone.now(), claimed_by="")
            sent += 1
            pacer.tick()
    finally:
        connection.close()
        # What this batch did not get to goes back for the next one.
        Delivery.objects.filter(issue_id=issue_id, status=DeliveryStatus.PENDING, claimed_by=me).update(
            claimed_by="", claimed_at=None
        )
    _count(issue)
    if retry_after is not None and send_batch.get_backend().supports_defer:
        send_batch.using(run_after=timezone.now() + timedelta(seconds=retry_after)).enqueue(issue_id)
    elif (
        retry_after is not None
        or Delivery.objects.filter(issue_id=issue_id, status=DeliveryStatus.PENDING).exists()
    ):
        send_batch.enqueue(issue_id)
    else:
        _finish(issue)
    return sent


def _count(issue):
    counts = dict(
        Delivery.objects.filter(issue=issue)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        sent_count=counts.get(DeliveryStatus.SENT, 0), failed_count=counts.get(DeliveryStatus.FAILED, 0)
    )


def _finish(issue):
    """Nothing left waiting: the issue is sent (and in the archive)."""
    if Delivery.objects.filter(issue=issue, status=DeliveryStatus.PENDING).exists():
        return
    _count(issue)
    NewsletterIssue.objects.filter(pk=issue.pk, status=IssueStatus.SENDING).update(
        status=IssueStatus.SENT, sent_at=timezone.now()
    )
