"""Reminders a configured time before a participant's date, queued for the worker (django-tasks' ``run_after``).

``schedule`` stores the due time on the registration (``reminder_due``) and queues ``send_reminder`` for it. The
task checks everything again when it runs: the registration is still confirmed, the date still exists and the
due time is still the one it was queued for. A reminder queued before the event moved later is stale: it queues
one for the new time and sends nothing. Publishing an event reschedules its reminders at once (``signals``), so
an earlier new time is not missed either. For a registration for the whole event (every date of a series), each
reminder queues the next date's.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from django_tasks import task

from event_registrations import mails
from event_registrations.dates import date_for, upcoming_dates
from event_registrations.models import Registration, RegistrationSettings, Status

logger = logging.getLogger(__name__)


def due_date(registration, registration_settings, after=None):
    """(date, due time) of the next reminder of ``registration`` for a date starting after ``after``, or
    (None, None). The due time may have passed (registered shortly before): then it is sent at once."""
    if not registration_settings.reminder_hours or registration.status != Status.CONFIRMED:
        return None, None
    if registration.occurrence is not None:
        date = date_for(registration.event, registration_settings, registration.occurrence)
    else:
        date = next(
            (
                day
                for day in upcoming_dates(registration.event, limit=3)
                if after is None or day.start > after
            ),
            None,
        )
    if date is None or (after is not None and date.start <= after):
        return None, None
    return date, date.start - timedelta(hours=registration_settings.reminder_hours)


def schedule(registration, after=None):
    """Queue the next reminder of ``registration`` (for a date after ``after``); returns its due time."""
    current = Registration.objects.select_related("event").filter(pk=registration.pk).first()
    if current is None:
        return None
    registration_settings = RegistrationSettings.objects.get(event_id=current.event_id)
    _date, due = due_date(current, registration_settings, after)
    if due is None or current.reminder_due == due:
        return None
    if not send_reminder.get_backend().supports_defer:
        logger.info("No reminder for registration %s: the task backend cannot run tasks later.", current.pk)
        return None
    # Compare and set: of two callers at the same time (publishing, a worker), only one queues the reminder.
    claimed = Registration.objects.filter(pk=current.pk, reminder_due=current.reminder_due).update(
        reminder_due=due
    )
    if claimed != 1:
        return None
    run_after = max(due, timezone.now())
    transaction.on_commit(
        lambda: send_reminder.using(run_after=run_after).enqueue(current.pk, due.isoformat())
    )
    return due


def reschedule_event(event_id):
    """After an event was published: queue reminders anew where its dates moved."""
    for registration in Registration.objects.filter(event_id=event_id, status=Status.CONFIRMED):
        schedule(registration, registration.reminded_for)


@task()
def send_reminder(registration_id, due):
    """Send the reminder queued for ``due`` if it is still due; returns what happened."""
    due = datetime.fromisoformat(due)
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.status != Status.CONFIRMED:
        return "not registered"
    if registration.reminder_due != due:
        return "stale"
    registration_settings = RegistrationSettings.objects.get(event_id=registration.event_id)
    date, current_due = due_date(registration, registration_settings, registration.reminded_for)
    if date is None:
        return "no date"
    if current_due > due:
        # The date moved later since this was queued: remind at the new time instead.
        schedule(registration, registration.reminded_for)
        return "moved"
    # Claim it before sending: of two workers running the same reminder, only one sends it.
    claimed = (
        Registration.objects.filter(pk=registration.pk, reminder_due=due)
        .exclude(reminded_for=date.start)
        .update(reminded_for=date.start)
    )
    if claimed != 1:
        return "already sent"
    mails.send_reminder(registration, date)
    if registration.occurrence is None:
        schedule(registration, after=date.start)
    return "sent"
