"""The links in registration mails: cancel without a login (signed, never expiring) and confirm (guests)."""

from django.urls import reverse

from common.links import absolute
from common.one_click import make_token, read_token

SCOPE = "event-registration"


def cancel_token(registration):
    return make_token(SCOPE, registration.pk)


def registration_id_from(token):
    """The registration id a cancel token names, or None for a forged or damaged one."""
    value = read_token(SCOPE, token) if token and len(token) <= 200 else None
    return int(value) if value and value.isdecimal() and len(value) <= 18 else None


def cancel_url(registration):
    return absolute(reverse("event_registrations:cancel", args=[cancel_token(registration)]))


def confirm_url(secret):
    return absolute(reverse("event_registrations:confirm", args=[secret]))
