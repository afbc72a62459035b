"""Registering, confirming, cancelling and the waiting list, under one lock per event.

Every change that takes or frees a seat locks the event's ``RegistrationSettings`` row (``select_for_update``)
first, counts the confirmed registrations of the date and decides in the same transaction: two people racing for
the last seat — in threads or in processes — are served one after the other, so nobody is over-booked and
nobody lost. Mails and reminders leave after the commit.
"""

import secrets

from django.db import transaction
from django.utils import timezone

from event_registrations import mails, reminders
from event_registrations.dates import date_for, has_begun
from event_registrations.models import (
    ACTIVE,
    Registration,
    RegistrationSettings,
    Status,
    address_key,
    token_hash,
)


class RegistrationRefused(Exception):
    """Why someone cannot register (``reason``: "closed", "duplicate", "full") or cancel ("over": the date has
    begun; cancelling would move the waiting list up for a date that is gone)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _locked_settings(event_id):
    return RegistrationSettings.objects.select_for_update().get(event_id=event_id)


def seats_taken(event_id, occurrence):
    return Registration.objects.filter(
        event_id=event_id, occurrence=occurrence, status=Status.CONFIRMED
    ).count()


def seats_left(settings, occurrence):
    """Free seats of the date (None: unlimited)."""
    if settings.capacity is None:
        return None
    return max(settings.capacity - seats_taken(settings.event_id, occurrence), 0)


def _take_seat_or_queue(settings, registration, now):
    """Confirm ``registration`` if a seat is free, else put it on the waiting list (or refuse: fully booked)."""
    left = seats_left(settings, registration.occurrence)
    if left is None or left > 0:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
    elif settings.waiting_list:
        registration.status = Status.WAITING
        registration.queued_at = now
    else:
        raise RegistrationRefused("full")


def register(event, occurrence, *, name, email, language, answers, consent_text, user=None):
    """Register a member (``user``: a seat or the waiting list at once) or a guest (pending until they confirm
    the mailed link; asking again mails a new link). Raises ``RegistrationRefused``. Returns the registration."""
    email = address_key(email)
    secret = None
    with transaction.atomic():
        settings = _locked_settings(event.pk)
        date = date_for(event, settings, occurrence)
        if date is None or not settings.is_open(date.start):
            raise RegistrationRefused("closed")
        active = Registration.objects.filter(event=event, occurrence=occurrence, status__in=ACTIVE)
        now = timezone.now()
        # An unconfirmed guest registration of the address holds no seat: a guest asking again gets a new link
        # (the old one was lost or has expired); a member with this confirmed address takes its place.
        pending = active.filter(email=email, status=Status.PENDING).select_for_update().first()
        if pending is not None and user is not None:
            Registration.objects.filter(pk=pending.pk).update(
                status=Status.CANCELLED, cancelled_at=now, confirmation_hash=""
            )
            pending = None
        if pending is None and (
            active.filter(email=email).exists() or (user is not None and active.filter(user=user).exists())
        ):
            raise RegistrationRefused("duplicate")
        registration = pending or Registration(event=event, occurrence=occurrence, email=email, user=user)
        registration.name, registration.language, registration.answers = name, language, answers
        registration.consent_text, registration.requested_at = consent_text, now
        if user is None:
            secret = secrets.token_urlsafe(32)
            registration.confirmation_hash = token_hash(secret)
        else:
            _take_seat_or_queue(settings, registration, now)
        registration.save()
        if secret:
            transaction.on_commit(lambda: mails.send_guest_confirmation(registration, secret))
        else:
            _announce(registration)
    return registration


def pending_for(secret):
    """The guest registration a confirmation link names, if it still waits for it."""
    if not secret or len(secret) > 100:
        return None
    return (
        Registration.objects.filter(confirmation_hash=token_hash(secret), status=Status.PENDING)
        .select_related("event")
        .first()
    )


def confirm_guest(registration):
    """The guest confirmed their address: now they take a seat or join the waiting list (in the order of
    confirming). Raises ``RegistrationRefused`` ("closed": the date is gone or registration has closed since,
    "full"); a refused registration is cancelled."""
    refused = None
    with transaction.atomic():
        settings = _locked_settings(registration.event_id)
        registration = (
            Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
        )
        if registration.status != Status.PENDING:
            return registration
        registration.confirmation_hash = ""
        date = date_for(registration.event, settings, registration.occurrence)
        try:
            if date is None or not settings.is_open(date.start):
                raise RegistrationRefused("closed")
            _take_seat_or_queue(settings, registration, timezone.now())
        except RegistrationRefused as error:
            registration.status = Status.CANCELLED
            registration.cancelled_at = timezone.now()
            refused = error  # raised after the commit, so the cancellation is kept
        registration.save()
        if refused is None:
            _announce(registration)
    if refused is not None:
        raise refused
    return registration


def cancel(registration):
    """Cancel ``registration``; a freed seat goes to the first on the waiting list. Returns True if it was
    active. Raises ``RegistrationRefused("over")`` once the date has begun."""
    with transaction.atomic():
        settings = _locked_settings(registration.event_id)
        registration = (
            Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
        )
        if registration.status not in ACTIVE:
            return False
        if has_begun(registration):
            raise RegistrationRefused("over")
        freed = registration.status == Status.CONFIRMED
        was_pending = registration.status == Status.PENDING
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.confirmation_hash = ""
        registration.save()
        if not was_pending:
            transaction.on_commit(lambda: mails.send_cancelled(registration))
        if freed:
            move_up(settings, registration.occurrence)
    return True


def move_up(settings, occurrence):
    """Give free seats of the date to the waiting list, first come first served; call with ``settings`` locked.
    Guests who never confirmed are not on the list. Returns the registrations moved up."""
    moved = []
    waiting = Registration.objects.filter(
        event_id=settings.event_id, occurrence=occurrence, status=Status.WAITING
    ).order_by("queued_at", "pk")
    while True:
        left = seats_left(settings, occurrence)
        if left is not None and left <= 0:
            break
        registration = waiting.select_for_update().first()
        if registration is None:
            break
        registration.status = Status.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        transaction.on_commit(lambda registration=registration: mails.send_moved_up(registration))
        transaction.on_commit(lambda registration=registration: reminders.schedule(registration))
        moved.append(registration)
    return moved


def move_up_everywhere(event_id):
    """After the settings changed (more seats, waiting list): fill every date's free seats."""
    with transaction.atomic():
        settings = _locked_settings(event_id)
        dates = (
            Registration.objects.filter(event_id=event_id, status=Status.WAITING)
            .values_list("occurrence", flat=True)
            .distinct()
        )
        return [moved for occurrence in list(dates) for moved in move_up(settings, occurrence)]


def _announce(registration):
    if registration.status == Status.CONFIRMED:
        transaction.on_commit(lambda: mails.send_confirmed(registration))
        transaction.on_commit(lambda: reminders.schedule(registration))
    elif registration.status == Status.WAITING:
        transaction.on_commit(lambda: mails.send_waiting(registration))
