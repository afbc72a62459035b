"""Registrations for single dates follow their event when its dates change.

A per-date registration names its date by the date's start (``Registration.occurrence``). When an editor moves
the event or changes its series, that start may no longer be a date of the event: the registration would hold a
seat nobody counts, lose its reminder and keep showing the meeting link. When the event page is saved with other
dates (publishing saves it), every active registration of a date that is gone is mapped, under the settings lock:

- the series only shifted (its n-th date — counting the exceptions too — is still a date, at another time): the
  registration moves to the new time, keeps its seat as far as the seats allow (else it goes to the front of the
  waiting list), its reminder is queued anew and the person is mailed the new time with a fresh ``.ics``;
- the date is gone (it became an exception, the series got shorter): the registration is cancelled, the person
  is mailed that the date was dropped.

Dates that were over before and after keep their registrations' history (moved silently, or left as they are).
A registration for the whole event (``occurrence`` empty) follows the event by itself.
"""

from django.db import transaction
from django.utils import timezone

from event_registrations import mails, reminders
from event_registrations.models import ACTIVE, Registration, RegistrationSettings, Status
from hub_events.ical import BERLIN
from hub_events.recurrence import starts

_BEFORE = "_registration_dates_before_save"


def remember_dates(instance):
    """Before the event page is saved: keep the starts of its stored dates, where registrations name them."""
    if instance.pk is None or not _has_dated_registrations(instance.pk):
        return
    stored = type(instance).objects.filter(pk=instance.pk).first()
    if stored is not None:
        setattr(instance, _BEFORE, starts(stored.series, BERLIN))


def _has_dated_registrations(event_id):
    return Registration.objects.filter(
        event_id=event_id, occurrence__isnull=False, status__in=ACTIVE
    ).exists()


def follow_dates(instance):
    """After the event page was saved: map the registrations of dates that are gone (see the module)."""
    before = instance.__dict__.pop(_BEFORE, None)
    if not before:
        return
    after = starts(instance.series, BERLIN)
    current = {date.start for date in instance.occurrences()}
    gone = [start for start in before if start not in current]
    if not gone:
        return
    with transaction.atomic():
        registration_settings = (
            RegistrationSettings.objects.select_for_update().filter(event_id=instance.pk).first()
        )
        if registration_settings is None:
            return
        for start in gone:
            index = before.index(start)
            target = after[index] if index < len(after) and after[index] in current else None
            _map_date(registration_settings, start, target)


def _map_date(registration_settings, old, new):
    now = timezone.now()
    registrations = list(
        Registration.objects.select_for_update()
        .filter(event_id=registration_settings.event_id, occurrence=old, status__in=ACTIVE)
        .select_related("event")
        .order_by("confirmed_at", "queued_at", "pk")
    )
    if new is None:
        if old > now:
            for registration in registrations:
                _cancel(registration, now, old)
        return  # a date that was over keeps its history
    for registration in registrations:
        _move(registration_settings, registration, new, now, announce=new > now)


def _cancel(registration, now, old):
    announce = registration.status != Status.PENDING
    registration.status, registration.cancelled_at, registration.confirmation_hash = Status.CANCELLED, now, ""
    registration.save(update_fields=["status", "cancelled_at", "confirmation_hash"])
    if announce:
        transaction.on_commit(lambda: mails.send_date_dropped(registration, old))


def _move(registration_settings, registration, new, now, *, announce):
    others = Registration.objects.filter(
        event_id=registration.event_id, occurrence=new, status__in=ACTIVE
    ).exclude(pk=registration.pk)
    if others.filter(email=registration.email).exclude(email="").exists():
        # Already registered for the new time as well: this registration is not needed any more.
        registration.status, registration.cancelled_at = Status.CANCELLED, now
        registration.save(update_fields=["status", "cancelled_at"])
        return
    registration.occurrence = new
    if registration.status == Status.CONFIRMED and registration_settings.capacity is not None:
        taken = others.filter(status=Status.CONFIRMED).count()
        if taken >= registration_settings.capacity:
            # No seat left at the new time: first on its waiting list (in the order they had their seats).
            registration.status = Status.WAITING
            registration.queued_at = registration.confirmed_at or now
    registration.save(update_fields=["occurrence", "status", "queued_at"])
    if announce and registration.status != Status.PENDING:
        transaction.on_commit(lambda: mails.send_date_moved(registration))
    if registration.status == Status.CONFIRMED:
        transaction.on_commit(lambda: reminders.schedule(registration))
