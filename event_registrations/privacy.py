"""Registrations in a member's data export and account deletion, and the deletion of guests' data after events.

Both cover the member's registrations and the guest registrations made with one of their confirmed addresses while
logged out. Account deletion: upcoming registrations are cancelled first (a freed seat moves the waiting list up,
with its mail) and then deleted; registrations for dates that are over — and a running series' registration for
the whole event with attendance marked — stay without the person (name, address, answers and link to the account
emptied), so a team's attendance figures keep their counts.

Guests: ``delete_guest_data`` deletes guests' registrations ``GUEST_DATA_DAYS`` after the event's last date (the
consent text says so); ``manage.py delete_past_guest_registrations`` runs it (daily, from cron or the worker's
host).
"""

from datetime import timedelta

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from allauth.account.models import EmailAddress

from event_registrations import seats
from event_registrations.dates import has_begun
from event_registrations.models import ACTIVE, GUEST_DATA_DAYS, Registration
from members.privacy import iso


def _of(user):
    """The member's registrations and the guest registrations made with one of their confirmed addresses (while
    logged out): the address is theirs, so is the data."""
    addresses = (
        EmailAddress.objects.filter(user=user, verified=True)
        .annotate(address=Lower("email"))
        .values("address")
    )
    return Registration.objects.filter(Q(user=user) | Q(user__isnull=True, email__in=addresses))


def export_rows(user):
    rows = _of(user).select_related("event").order_by("requested_at", "pk")
    return [
        {
            "event": registration.event.title,
            "date": iso(registration.occurrence),
            "status": registration.status,
            "name": registration.name,
            "email": registration.email,
            "answers": registration.answers,
            "consent_text": registration.consent_text,
            "registered_at": iso(registration.requested_at),
            "confirmed_at": iso(registration.confirmed_at),
            "cancelled_at": iso(registration.cancelled_at),
            "attended": registration.attended,
        }
        for registration in rows
    ]


def _has_history(registration, now):
    """A whole-event registration of a series that is running: its attendance of the dates that are over."""
    if registration.occurrence is not None or registration.attended is None:
        return False
    first = registration.event.occurrences(limit=1)
    return bool(first) and first[0].start <= now


def _anonymise(registration):
    Registration.objects.filter(pk=registration.pk).update(
        user=None, name="", email="", answers=[], consent_text="", confirmation_hash=""
    )


def forget_member(user):
    now = timezone.now()
    for registration in _of(user).select_related("event"):
        if has_begun(registration, now):
            _anonymise(registration)
            continue
        if registration.status in ACTIVE:
            seats.cancel(registration)
        if _has_history(registration, now):
            _anonymise(registration)  # the seat is free, the attendance counts stay
        else:
            Registration.objects.filter(pk=registration.pk).delete()


def delete_guest_data(now=None):
    """Delete guests' registrations of events whose last date ended more than ``GUEST_DATA_DAYS`` ago (and
    registrations of a date that ended so long ago). Returns how many."""
    limit = (now or timezone.now()) - timedelta(days=GUEST_DATA_DAYS)
    # Anonymised registrations of deleted accounts (no address left) stay: they only count attendance.
    guests = Registration.objects.filter(user__isnull=True).exclude(email="").select_related("event")
    doomed = []
    for registration in guests.iterator(chunk_size=500):
        if registration.occurrence is not None:
            date = registration.event.occurrence_at(registration.occurrence)
            end = date.end if date else registration.occurrence
            if end < limit:
                doomed.append(registration.pk)
        elif not registration.event.occurrences(after=limit, limit=1):
            doomed.append(registration.pk)
    deleted, _rows = Registration.objects.filter(pk__in=doomed).delete()
    return deleted
