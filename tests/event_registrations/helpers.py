"""Events with registration in the hub, and registrations made as the views make them."""

import datetime as dt

from django.test import TestCase
from django.utils import timezone

from event_registrations import seats
from event_registrations.models import Question, RegistrationSettings
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


def register_member(event, user):
    with committed():
        return seats.register(
            event,
            None,
            user=user,
            name=user.public_name,
            email=user.email,
            language="de",
            answers=[],
            consent_text="ok",
        )


def register_guest(event, email, name="Gast"):
    with committed():
        return seats.register(
            event, None, name=name, email=email, language="de", answers=[], consent_text="ok"
        )
