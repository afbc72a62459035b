"""The mails to participants, each in their language and through the queue (``background.mail``).

Confirmation and moved-up mails carry the participant's ``.ics`` and, for confirmed participants only, the online
meeting link. Every mail has the cancel link.
"""

from django.conf import settings as django_settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from common.links import absolute
from event_registrations import links
from event_registrations.calendar import participant_calendar
from event_registrations.dates import date_for
from event_registrations.models import CONFIRMATION_DAYS, RegistrationSettings, Status
from members.language import in_language


def _send(registration, template, subject, *, attach_calendar=False, date=None, extra=None, reply_to=None):
    if not registration.email:
        return  # anonymised: the account was deleted
    event = registration.event
    registration_settings = RegistrationSettings.objects.get(event_id=registration.event_id)
    date = date or date_for(event, registration_settings, registration.occurrence)
    with in_language(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "date": date,
            "event_url": absolute(event.url or "/"),
            "meeting_url": registration_settings.meeting_url
            if registration.status == Status.CONFIRMED
            else "",
            "cancel_url": links.cancel_url(registration),
            **(extra or {}),
        }
        subject = f"{django_settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject()} {event.title}"
        body = render_to_string(f"event_registrations/emails/{template}.txt", context)
        message = EmailMessage(subject, body, None, [registration.email], reply_to=reply_to)
        if attach_calendar and date is not None:
            message.attach(
                f"{event.slug}.ics",
                participant_calendar(registration, date, registration_settings),
                "text/calendar",
            )
    message.send()


def send_guest_confirmation(registration, secret):
    _send(
        registration,
        "confirm",
        lambda: _("Please confirm your registration:"),
        extra={"confirm_url": links.confirm_url(secret), "days": CONFIRMATION_DAYS},
    )


def send_confirmed(registration):
    _send(registration, "confirmed", lambda: _("You are registered:"), attach_calendar=True)


def send_waiting(registration):
    _send(registration, "waiting", lambda: _("You are on the waiting list:"))


def send_moved_up(registration):
    _send(registration, "moved_up", lambda: _("A seat is free for you:"), attach_calendar=True)


def send_cancelled(registration):
    _send(registration, "cancelled", lambda: _("Registration cancelled:"))


def send_date_moved(registration):
    """The date of a per-date registration moved (``moves``): the new time, with a fresh ``.ics``."""
    _send(
        registration,
        "date_moved",
        lambda: _("New time:"),
        attach_calendar=registration.status == Status.CONFIRMED,
    )


def send_date_dropped(registration, old_start):
    """The date of a per-date registration is no longer part of the series: the registration is cancelled."""
    _send(registration, "date_dropped", lambda: _("Date cancelled:"), extra={"old_start": old_start})


def send_reminder(registration, date):
    _send(registration, "reminder", lambda: _("Reminder:"), attach_calendar=True, date=date)


def send_team_message(registration, subject, text, reply_to):
    """A message of the event's team to one participant (plain text: nothing in it is markup)."""
    _send(
        registration,
        "team_message",
        lambda: subject + " –",
        extra={"text": text},
        reply_to=[reply_to] if reply_to else None,
    )
