"""What the registration box on an event page shows, for this visitor.

For visitors the box holds only what is the same for everybody (open, closed, fully booked, seats left) and a
link to the registration form; it is part of the anonymous page cache, whose version every change of a
registration bumps (``signals``), so the counts stay right. For a logged-in member it adds their own registrations,
the cancel buttons, the one-click form and — only for a confirmed participant — the online meeting link; pages
of logged-in members are never cached.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from wagtail.models import Locale

import rules

from event_registrations.dates import current_date, upcoming_dates, with_cancel_state
from event_registrations.forms import RegistrationForm
from event_registrations.models import ACTIVE, Registration, RegistrationSettings, Status

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


def _seats_taken(registration_settings, keys):
    """Confirmed registrations per key (date start, or None for the whole event): one grouped query."""
    confirmed = Registration.objects.filter(event_id=registration_settings.event_id, status=Status.CONFIRMED)
    dated = [key for key in keys if key is not None]
    confirmed = confirmed.filter(occurrence__in=dated) if dated else confirmed.filter(occurrence__isnull=True)
    return dict(confirmed.values_list("occurrence").annotate(taken=Count("pk")).order_by())


def date_states(registration_settings, event, limit=12):
    now = timezone.now()
    dates = upcoming_dates(event, now, limit=limit if registration_settings.per_date else 1)
    keys = [date.start if registration_settings.per_date else None for date in dates]
    capacity = registration_settings.capacity
    taken = _seats_taken(registration_settings, keys) if capacity is not None and dates else {}
    states = []
    for date, key in zip(dates, keys, strict=True):
        left = None if capacity is None else max(capacity - taken.get(key, 0), 0)
        states.append(DateState(date, key, registration_settings.is_open(date.start, now), left, left == 0))
    return states


def _waiting_positions(registrations):
    """Set ``position`` (1: first in line) on the waiting ``registrations``, in one query for all their dates."""
    waiting = [registration for registration in registrations if registration.status == Status.WAITING]
    if not waiting:
        return
    queue = Registration.objects.filter(
        event_id=waiting[0].event_id,
        status=Status.WAITING,
        occurrence__in=[registration.occurrence for registration in waiting if registration.occurrence],
    )
    if any(registration.occurrence is None for registration in waiting):
        queue = queue | Registration.objects.filter(
            event_id=waiting[0].event_id, status=Status.WAITING, occurrence__isnull=True
        )
    lines = {}
    for pk, occurrence in queue.order_by("queued_at", "pk").values_list("pk", "occurrence"):
        lines.setdefault(occurrence, []).append(pk)
    for registration in waiting:
        line = lines.get(registration.occurrence, [])
        registration.position = line.index(registration.pk) + 1 if registration.pk in line else 1


def _sees_meeting_link(registrations, event):
    """Confirmed for the whole event, or for the date that comes now (the shown date, not one that is over or
    gone from the series)."""
    confirmed = [registration for registration in registrations if registration.status == Status.CONFIRMED]
    if any(registration.occurrence is None for registration in confirmed):
        return True
    date = current_date(event) if confirmed else None
    return date is not None and any(registration.occurrence == date.start for registration in confirmed)


def settings_of(event):
    """The event's registration settings, if it takes registrations in the hub. A translation of the event (the
    English page) shares its original's: one list of seats and participants for every language."""
    return (
        RegistrationSettings.objects.filter(event__translation_key=event.translation_key, enabled=True)
        .order_by("event__locale_id", "pk")
        .prefetch_related("questions")
        .first()
    )


def original_event_id(event):
    """The event whose settings and participants ``event`` uses: the one of its translations that has settings,
    else the one in the default language (the German original), else ``event`` itself."""
    registration_settings = (
        RegistrationSettings.objects.filter(event__translation_key=event.translation_key)
        .order_by("event__locale_id", "pk")
        .values_list("event_id", flat=True)
        .first()
    )
    if registration_settings is not None:
        return registration_settings
    original = (
        type(event)
        .objects.filter(translation_key=event.translation_key, locale=Locale.get_default())
        .values_list("pk", flat=True)
        .first()
    )
    return original or event.pk


def box_for(event, request):
    """The box, or None where the event takes no registrations in the hub."""
    registration_settings = settings_of(event)
    if registration_settings is None:
        return None
    box = Box(registration_settings, date_states(registration_settings, event))
    user = request.user
    if user.is_authenticated:
        box.mine = with_cancel_state(
            Registration.objects.filter(event_id=registration_settings.event_id, user=user, status__in=ACTIVE)
            .select_related("event")
            .order_by("occurrence", "pk")
        )
        _waiting_positions(box.mine)
        if _sees_meeting_link(box.mine, event):
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
