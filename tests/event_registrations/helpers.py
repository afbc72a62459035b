"""Events with registration in the hub, and registrations made as the views make them."""

import datetime as dt

from django.test import TestCase
from django.utils import timezone

from event_registrations import seats
from event_registrations.models import Question, Registration, RegistrationSettings, Status
from tests.events.factories import EventPageFactory

MEETING = "https://meet.example.org/geheimer-raum-4711"


def event_with_registration(parent, capacity=1, days=7, questions=(), **settings):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    event = EventPageFactory(parent=parent, start=start, end=start + dt.timedelta(hours=2))
    registration_settings = RegistrationSettings.objects.create(
        event=event, enabled=True, capacity=capacity, meeting_url=MEETING, **settings
    )
    for order, label in enumerate(questions):
        Question.objects.create(settings=registration_settings, label=label, order=order)
    return event


def committed():
    """Run what waits for the commit (mails, reminders) when the block ends, as a real commit would."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def register_member(event, user, occurrence=None):
    """``user`` registered for the whole event, or for the date starting at ``occurrence``."""
    with committed():
        return seats.register(
            event,
            occurrence,
            user=user,
            name=user.public_name,
            email=user.email,
            language="de",
            answers=[],
            consent_text="ok",
        )


def weekly(parent, count=4, capacity=1, **settings):
    """A weekly event of ``count`` dates with registration per date, published."""
    event = event_with_registration(parent, capacity=capacity, per_date=True, **settings)
    event.repeat, event.repeat_count, event.repeat_exceptions = "weekly", count, []
    with committed():
        event.save_revision().publish()
    return event


def register_guest(event, email, name="Gast"):
    with committed():
        return seats.register(
            event, None, name=name, email=email, language="de", answers=[], consent_text="ok"
        )


def waiting_position(registration):
    """1 for the first on the waiting list of the registration's date, counted on its own (the box counts all of a
    member's positions in one query)."""
    ahead = Registration.objects.filter(
        event_id=registration.event_id,
        occurrence=registration.occurrence,
        status=Status.WAITING,
        queued_at__lte=registration.queued_at,
    ).exclude(queued_at=registration.queued_at, pk__gt=registration.pk)
    return ahead.count()
