"""Registrations in the data export and the account deletion, and guests' data deleted 30 days after the event."""

import datetime as dt
import io
import json

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from event_registrations import seats
from event_registrations.models import Registration, Status
from members.models import User
from tests.event_registrations.helpers import (
    MEETING,
    committed,
    event_with_registration,
    register_guest,
    register_member,
)
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

EXPORT = reverse("members:data_export")
DELETE = reverse("members:account_delete")
PASSWORD = "mitmachen-123"


def past_registration(event, user, attended=True, **fields):
    """A registration for a date that is over (nobody can register for it any more)."""
    return Registration.objects.create(
        event=event,
        user=user,
        name=user.public_name if user else "Gast",
        email=user.email if user else fields.pop("email"),
        status=Status.CONFIRMED,
        answers=[{"question": "Essen", "answer": "vegan"}],
        consent_text="Ich melde mich an.",
        confirmed_at=event.start - dt.timedelta(days=3),
        attended=attended,
        **fields,
    )


def test_the_export_holds_the_members_registrations_with_answers_and_consent(client, event_index, member):
    event = event_with_registration(event_index, questions=["Was isst du?"])
    with committed():
        seats.register(
            event,
            None,
            user=member,
            name=member.public_name,
            email=member.email,
            language="de",
            answers=[{"question": "Was isst du?", "answer": "vegetarisch"}],
            consent_text=event.registration_settings.consent_text,
        )
    someone_else = UserFactory(verified=True)
    register_member(event_with_registration(event_index), someone_else)
    client.force_login(member)

    [row] = json.loads(client.get(EXPORT).content)["event_registrations"]

    assert row["event"] == event.title
    assert row["status"] == Status.CONFIRMED
    assert row["email"] == member.email
    assert row["answers"] == [{"question": "Was isst du?", "answer": "vegetarisch"}]
    assert row["consent_text"] == event.registration_settings.consent_text
    assert row["registered_at"] and row["confirmed_at"]
    assert MEETING not in json.dumps(row)  # the meeting link is the organisers', not the member's data


def test_deleting_the_account_frees_the_seat_for_the_waiting_list_and_anonymises_past_dates(
    client, event_index, smtp
):
    leaving = UserFactory(verified=True, display_name="Lea Geht")
    waiting = UserFactory(verified=True)
    upcoming = event_with_registration(event_index, capacity=1)
    register_member(upcoming, leaving)
    register_member(upcoming, waiting)
    past_event = event_with_registration(event_index, days=-10)
    past = past_registration(past_event, leaving)
    # Two people who both leave keep their attendance on the same past date.
    other_leaving = UserFactory(verified=True)
    past_registration(past_event, other_leaving, attended=False)

    for user in (leaving, other_leaving):
        client.force_login(user)
        with committed():
            assert client.post(DELETE, {"password": PASSWORD, "confirm": "on"}).status_code == 302
    assert not User.objects.filter(pk__in=[leaving.pk, other_leaving.pk]).exists()

    # The upcoming seat went to the waiting list, with the mail and the meeting link.
    assert not Registration.objects.filter(event=upcoming).exclude(user=waiting).exists()
    assert Registration.objects.get(event=upcoming, user=waiting).status == Status.CONFIRMED
    moved_up = smtp.to(waiting.email)[-1]
    assert MEETING in smtp.text_of(moved_up)
    # The past dates keep their count and attendance, and nothing of the people.
    past.refresh_from_db()
    assert (past.user, past.name, past.email, past.answers, past.consent_text) == (None, "", "", [], "")
    assert past.attended is True
    assert sorted(Registration.objects.filter(event=past_event).values_list("attended", flat=True)) == [
        False,
        True,
    ]
    for value in (leaving.email, leaving.public_name, "vegan"):
        assert not Registration.objects.filter(email=value).exists()
        assert not Registration.objects.filter(name=value).exists()


def _guest_data(event_index, days_ago, email):
    """A past event that ended ``days_ago`` days ago, with a member and a guest who took part."""
    event = event_with_registration(event_index, days=-days_ago)
    end = timezone.now() - dt.timedelta(days=days_ago)
    type(event).objects.filter(pk=event.pk).update(start=end - dt.timedelta(hours=2), end=end)
    event.refresh_from_db()
    member = UserFactory(verified=True)
    past_registration(event, member)
    past_registration(event, None, email=email)
    return event


def test_guests_data_is_deleted_30_days_after_the_event_and_not_before(event_index, member):
    old = _guest_data(event_index, 31, "alt@example.org")
    recent = _guest_data(event_index, 29, "neu@example.org")
    upcoming = event_with_registration(event_index)
    register_guest(upcoming, "kommt@example.org")

    out = io.StringIO()
    call_command("delete_past_guest_registrations", stdout=out)

    assert out.getvalue().strip() == "Deleted 1 guest registrations."
    assert not Registration.objects.filter(email="alt@example.org").exists()
    assert Registration.objects.filter(email="neu@example.org").exists()
    assert Registration.objects.filter(email="kommt@example.org").exists()
    # Members' registrations stay (their own export and deletion cover them).
    assert Registration.objects.filter(event=old, user__isnull=False).count() == 1
    assert Registration.objects.filter(event=recent).count() == 2

    out = io.StringIO()
    call_command("delete_past_guest_registrations", stdout=out)
    assert out.getvalue().strip() == "Deleted 0 guest registrations."


def test_anonymised_registrations_of_deleted_accounts_keep_counting_after_30_days(event_index):
    event = _guest_data(event_index, 40, "gast@example.org")
    Registration.objects.filter(event=event, user__isnull=False).update(user=None, name="", email="")
    call_command("delete_past_guest_registrations", stdout=io.StringIO())
    [kept] = Registration.objects.filter(event=event)
    assert (kept.email, kept.attended) == ("", True)
