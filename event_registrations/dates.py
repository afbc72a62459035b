"""Which dates of an event people register for, through ``EventPage.occurrences`` / ``occurrence_at`` only (a
recurring event has many dates; never read ``event.start`` here).

A registration names its date by the date's start (``Registration.occurrence``), or none where the event's
settings register once for all dates ("whole event"); then the next date that has not started stands for it.
"""

from django.utils import timezone

MAX_DATES_OFFERED = 52


def upcoming_dates(event, now=None, limit=MAX_DATES_OFFERED):
    """The dates of ``event`` that have not started yet, in order."""
    now = now or timezone.now()
    return [date for date in event.occurrences(after=now, limit=limit + 1) if date.start > now][:limit]


def next_date(event, now=None):
    dates = upcoming_dates(event, now, limit=1)
    return dates[0] if dates else None


def date_for(event, settings, occurrence):
    """The date a registration with ``occurrence`` is for: that date (per date), or the event's next date (whole
    event). None where there is no such date (any more) or it has begun."""
    if occurrence is None:
        return next_date(event)
    date = event.occurrence_at(occurrence)
    return date if date is not None and date.start > timezone.now() else None


def key_for(settings, date):
    """What ``Registration.occurrence`` stores for ``date``: its start per date, else None (whole event)."""
    return date.start if settings.per_date else None


def has_begun(registration, now=None):
    """The registration's date has started (per date), or no date of the event is ahead (whole event): it can no
    longer be cancelled, and a seat it frees helps nobody."""
    now = now or timezone.now()
    if registration.occurrence is not None:
        return registration.occurrence <= now
    return next_date(registration.event, now) is None


def current_date(event, now=None):
    """The date that has not ended yet and comes first (a running meeting counts): the one whose participants see
    the meeting link."""
    dates = event.occurrences(after=now or timezone.now(), limit=1)
    return dates[0] if dates else None


def with_cancel_state(registrations, now=None):
    """The registrations as a list, each marked ``can_cancel`` where its date has not begun (lists offer no
    cancel button for a date that is over)."""
    now = now or timezone.now()
    registrations = list(registrations)
    for registration in registrations:
        registration.can_cancel = not has_begun(registration, now)
    return registrations
