"""Registrations for single dates follow the event when its dates move, become exceptions or drop out of the
series; a registration for the whole event is not touched."""

import datetime as dt

import pytest

from event_registrations.models import Registration, RegistrationSettings, Status
from hub_events.ical import BERLIN
from tests.event_registrations.helpers import (
    MEETING,
    committed,
    event_with_registration,
    register_member,
    waiting_position,
    weekly,
)
from tests.event_registrations.test_reminders import calendar_start, reminders_waiting
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def publish(event, **fields):
    for name, value in fields.items():
        setattr(event, name, value)
    with committed():
        event.save_revision().publish()


def test_a_date_moved_an_hour_takes_its_registrations_along_and_nobody_is_over_booked(
    event_index, member, smtp
):
    event = weekly(event_index)
    first_date = event.occurrences()[0].start
    registration = register_member(event, member, first_date)
    later = dt.timedelta(hours=1)
    publish(event, start=event.start + later, end=event.end + later)

    registration.refresh_from_db()
    assert (registration.occurrence, registration.status) == (first_date + later, Status.CONFIRMED)
    moved_mail = smtp.to(member.email)[-1]
    assert "/anmeldung/stornieren/" in smtp.text_of(moved_mail)
    assert calendar_start(moved_mail) == first_date + later
    assert MEETING in smtp.text_of(moved_mail)

    second = UserFactory(verified=True)
    assert register_member(event, second, first_date + later).status == Status.WAITING
    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 1


def test_a_moved_date_queues_the_reminder_for_the_new_time(event_index, member, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    event = weekly(event_index, reminder_hours=24)
    first_date = event.occurrences()[0].start
    register_member(event, member, first_date)
    later = dt.timedelta(hours=1)
    publish(event, start=event.start + later, end=event.end + later)
    assert reminders_waiting().order_by(
        "-enqueued_at"
    ).first().run_after == first_date + later - dt.timedelta(hours=24)


def test_a_date_that_became_an_exception_cancels_its_registrations_and_says_so(event_index, member, smtp):
    event = weekly(event_index, capacity=3)
    second_date = event.occurrences()[1].start
    dropped = register_member(event, member, second_date)
    kept = register_member(event, member, event.occurrences()[2].start)
    publish(event, repeat_exceptions=[second_date.astimezone(BERLIN).date().isoformat()])

    dropped.refresh_from_db()
    kept.refresh_from_db()
    assert dropped.status == Status.CANCELLED
    assert kept.status == Status.CONFIRMED
    mail = smtp.to(member.email)[-1]
    assert "/anmeldung/stornieren/" not in smtp.text_of(mail)
    assert event.title in smtp.text_of(mail)


def test_a_shorter_series_cancels_the_registrations_of_its_lost_dates(event_index, member):
    event = weekly(event_index, capacity=3)
    last = register_member(event, member, event.occurrences()[-1].start)
    publish(event, repeat_count=2)
    last.refresh_from_db()
    assert last.status == Status.CANCELLED


def test_when_the_new_time_is_taken_the_moved_registration_waits_first_in_line(event_index, member):
    event = weekly(event_index, capacity=1)
    dates = [date.start for date in event.occurrences()]
    taken = register_member(event, UserFactory(verified=True), dates[1])
    moved = register_member(event, member, dates[0])
    # The series now starts a week later: the first date's registrations move onto the (full) second date.
    week = dt.timedelta(days=7)
    publish(event, start=event.start + week, end=event.end + week)
    taken.refresh_from_db()
    moved.refresh_from_db()
    assert taken.status == Status.CONFIRMED
    assert (moved.occurrence, moved.status) == (dates[1], Status.WAITING)
    assert waiting_position(moved) == 1


def test_a_single_event_moved_keeps_its_whole_event_registration(event_index, member, smtp):
    event = event_with_registration(event_index, capacity=1)
    registration = register_member(event, member)
    later = dt.timedelta(hours=1)
    publish(event, start=event.start + later, end=event.end + later)
    registration.refresh_from_db()
    assert (registration.occurrence, registration.status) == (None, Status.CONFIRMED)
    assert RegistrationSettings.objects.count() == 1
