"""What the registration box on an event page shows, for this visitor.

For visitors the box holds only what is the same for everybody (open, closed, fully booked, seats left) and a
link to the registration form; it is part of the anonymous page cache, whose version every change of a
registration bumps (``signals``), so the counts stay right. For a logged-in member it adds their own registrations,
the cancel buttons, the one-click form and — only for a confirmed participant — the online meeting link; pages
of logged-in members are never cached.
"""

from dataclasses import dataclass, field

from django.utils import timezone

import rules

from event_registrations.dates import upcoming_dates
from event_registrations.forms import RegistrationForm
from event_registrations.models import ACTIVE, Registration, RegistrationSettings, Status
from event_registrations.seats import seats_left, waiting_position

TEMPLATE = "event_registrations/includes/box.html"


@dataclass
class DateState:
    date: object
    key: object  # what Registration.occurrence holds for it
    is_open: bool
    seats_left: object  # None: unlimited
    full: bool


@dataclass
class Box:
    settings: RegistrationSettings
    dates: list
    mine: list = field(default_factory=list)
    form: object = None
    meeting_url: str = ""
    template: str = TEMPLATE

    @property
    def any_open(self):
        return any(state.is_open and not state.full for state in self.dates) or any(
            state.is_open and self.settings.waiting_list for state in self.dates
        )


def date_states(registration_settings, event, limit=12):
    now = timezone.now()
    dates = upcoming_dates(event, now, limit=limit if registration_settings.per_date else 1)
    states = []
    for date in dates:
        key = date.start if registration_settings.per_date else None
        left = seats_left(registration_settings, key)
        states.append(DateState(date, key, registration_settings.is_open(date.start, now), left, left == 0))
    return states


def settings_of(event):
    """The event's registration settings, if it takes registrations in the hub. A translation of the event (the
    English page) shares its original's: one list of seats and participants for every language."""
    return (
        RegistrationSettings.objects.filter(event__translation_key=event.translation_key, enabled=True)
        .order_by("event__locale_id", "pk")
        .prefetch_related("questions")
        .first()
    )


def box_for(event, request):
    """The box, or None where the event takes no registrations in the hub."""
    registration_settings = settings_of(event)
    if registration_settings is None:
        return None
    box = Box(registration_settings, date_states(registration_settings, event))
    user = request.user
    if user.is_authenticated:
        box.mine = list(
            Registration.objects.filter(
                event_id=registration_settings.event_id, user=user, status__in=ACTIVE
            ).order_by("occurrence", "pk")
        )
        for registration in box.mine:
            if registration.status == Status.WAITING:
                registration.position = waiting_position(registration)
        if any(registration.status == Status.CONFIRMED for registration in box.mine):
            box.meeting_url = registration_settings.meeting_url
        if rules.has_perm("event_registrations.register_as_member", user) and box.any_open:
            box.form = RegistrationForm(
                registration_settings=registration_settings,
                questions=registration_settings.questions.all(),
                dates=[state.date for state in box.dates if state.is_open]
                if registration_settings.per_date
                else (),
            )
    return box
