"""Reminders on the production queue (django-tasks-db): queued for the configured time before the date, sent
when due (in this process as the worker runs tasks, and once by a real worker process), never after a
cancellation, and following a moved date."""

import datetime as dt
import signal

from django.db import connection
from django.utils import timezone

import icalendar
import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from event_registrations import seats
from event_registrations.models import Registration
from tests.background.test_worker import start_worker, wait_until
from tests.event_registrations.helpers import MEETING, committed, event_with_registration, register_member
from tests.helpers import require
from tests.members.factories import UserFactory
from tests.notifications.helpers import run_queue

SEND_REMINDER = "event_registrations.reminders.send_reminder"
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def db_queue(settings):
    settings.TASKS = QUEUE


def reminders_waiting():
    return DBTaskResult.objects.filter(task_path=SEND_REMINDER, status=TaskResultStatus.READY).order_by(
        "enqueued_at"
    )


def make_due(task=None):
    """The time has come for the reminder (or for every waiting one)."""
    tasks = DBTaskResult.objects.filter(pk=task.pk) if task else reminders_waiting()
    tasks.update(run_after=timezone.now() - dt.timedelta(seconds=1))


def reminder_mails(smtp, address):
    return [
        mail for mail in smtp.to(address) if "Erinnerung" in mail["Subject"] or "Reminder" in mail["Subject"]
    ]


def calendar_start(mail):
    [attachment] = [part for part in mail.iter_attachments() if part.get_content_type() == "text/calendar"]
    content = attachment.get_content()
    calendar = icalendar.Calendar.from_ical(content if isinstance(content, bytes) else content.encode())
    [entry] = calendar.walk("VEVENT")
    return entry.decoded("dtstart")


@pytest.fixture
def event(event_index, db_queue):
    return event_with_registration(event_index, capacity=3, reminder_hours=24)


def test_the_reminder_is_queued_for_the_configured_time_and_sent_when_due(event, member, smtp):
    registration = register_member(event, member)
    [task] = reminders_waiting()
    assert task.run_after == event.start - dt.timedelta(hours=24)
    assert task.args_kwargs["args"] == [registration.pk, (event.start - dt.timedelta(hours=24)).isoformat()]

    run_queue()  # the confirmation goes out; the reminder is not due yet
    assert len(smtp.to(member.email)) == 1
    assert list(reminders_waiting()) == [task]

    make_due()
    run_queue()
    [reminder] = reminder_mails(smtp, member.email)
    assert MEETING in smtp.text_of(reminder)
    assert "/anmeldung/stornieren/" in smtp.text_of(reminder)
    assert calendar_start(reminder) == event.start
    task.refresh_from_db()
    assert (task.status, task.return_value) == (TaskResultStatus.SUCCESSFUL, "sent")
    registration.refresh_from_db()
    assert registration.reminded_for == event.start
    assert not reminders_waiting().exists()


def test_a_longer_or_no_reminder_time_is_followed(event_index, db_queue, member):
    week = event_with_registration(event_index, reminder_hours=24 * 7, days=10)
    register_member(week, member)
    assert reminders_waiting().get().run_after == week.start - dt.timedelta(days=7)
    none = event_with_registration(event_index, reminder_hours=None)
    register_member(none, member)
    assert reminders_waiting().count() == 1


def test_no_reminder_after_a_cancellation(event, member, smtp):
    registration = register_member(event, member)
    with committed():
        seats.cancel(registration)
    make_due()
    run_queue()
    assert reminder_mails(smtp, member.email) == []
    assert DBTaskResult.objects.get(task_path=SEND_REMINDER).return_value == "not registered"


def test_the_waiting_list_gets_no_reminder_until_it_moves_up(event_index, db_queue, member, smtp):
    event = event_with_registration(event_index, capacity=1, reminder_hours=24)
    first = register_member(event, member)
    second = UserFactory(verified=True)
    register_member(event, second)
    assert reminders_waiting().count() == 1
    with committed():
        seats.cancel(first)
    make_due()
    run_queue()
    assert reminder_mails(smtp, member.email) == []
    assert len(reminder_mails(smtp, second.email)) == 1


def test_a_published_new_date_reschedules_the_reminder(event, member, smtp):
    registration = register_member(event, member)
    [old] = reminders_waiting()
    later = event.start + dt.timedelta(days=2)
    event.start, event.end = later, later + dt.timedelta(hours=2)
    with committed():
        event.save_revision().publish()
    new = reminders_waiting().exclude(pk=old.pk).get()
    assert new.run_after == later - dt.timedelta(hours=24)

    make_due()  # both: the old one finds itself stale and sends nothing
    run_queue()
    old.refresh_from_db()
    assert old.return_value == "stale"
    [reminder] = reminder_mails(smtp, member.email)
    assert calendar_start(reminder) == later
    registration.refresh_from_db()
    assert registration.reminded_for == later


def test_a_reminder_for_a_date_moved_without_publishing_queues_one_for_the_new_time(event, member, smtp):
    register_member(event, member)
    [old] = reminders_waiting()
    later = event.start + dt.timedelta(days=3)
    type(event).objects.filter(pk=event.pk).update(start=later, end=later + dt.timedelta(hours=2))
    make_due()
    with committed():
        run_queue()
    old.refresh_from_db()
    assert old.return_value == "moved"
    assert reminder_mails(smtp, member.email) == []
    assert reminders_waiting().get().run_after == later - dt.timedelta(hours=24)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_process_sends_the_due_reminder(event_index, member, smtp, settings):
    require(
        connection.vendor == "postgresql", "the worker process needs a database it can share (PostgreSQL)"
    )
    settings.TASKS = QUEUE
    event = event_with_registration(event_index, capacity=3, reminder_hours=24)
    register_member(event, member)
    make_due()
    worker = start_worker(settings.EMAIL_PORT)
    try:
        arrived = wait_until(lambda: len(smtp.to(member.email)) >= 2, 60)
    finally:
        worker.send_signal(signal.SIGTERM)
        output = worker.communicate(timeout=20)[0]
    assert arrived, output
    [reminder] = reminder_mails(smtp, member.email)
    assert MEETING in smtp.text_of(reminder)
    assert Registration.objects.get().reminded_for == event.start
