"""Dates that are over, per-date settings, the meeting link of a series, bad dates on the team's pages, the
reminder setting, reminders claimed once, the English page's buttons, late guests, the event page's queries, and
privacy for guest registrations of a member's address."""

import datetime as dt
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest
from allauth.account.models import EmailAddress

from event_registrations import links, reminders
from event_registrations.models import Registration, RegistrationSettings, Status
from event_registrations.wagtail_hooks import header_buttons
from tests.event_registrations.helpers import (
    MEETING,
    committed,
    event_with_registration,
    register_guest,
    register_member,
    weekly,
)
from tests.event_registrations.test_reminders import QUEUE, reminders_waiting
from tests.helpers import english_tree
from tests.members.factories import UserFactory
from tests.regions.helpers import logged_in

pytestmark = pytest.mark.django_db


def over(event, registration):
    """The date of ``registration`` has begun (the event moved into the past without publishing)."""
    start = timezone.now() - dt.timedelta(hours=1)
    type(event).objects.filter(pk=event.pk).update(start=start, end=start + dt.timedelta(hours=2))
    Registration.objects.filter(event=event).exclude(occurrence=None).update(occurrence=start)
    registration.refresh_from_db()
    return registration


# M1 ---------------------------------------------------------------------------------------------------


def test_cancelling_a_date_that_has_begun_is_refused_and_nobody_moves_up(event_index, member, client, smtp):
    event = event_with_registration(event_index, capacity=1)
    registration = register_member(event, member)
    waiting = register_member(event, UserFactory(verified=True))
    over(event, registration)
    link = "/" + links.cancel_url(registration).split("/", 3)[3]
    assert client.get(link).status_code == 409
    with committed():
        assert client.post(link).status_code == 409
    client.force_login(member)
    with committed():
        response = client.post(f"/anmeldung/meine/{registration.pk}/stornieren/", {"next": "/"})
    assert response.status_code == 302
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert (registration.status, waiting.status) == (Status.CONFIRMED, Status.WAITING)
    assert not [mail for _to, mail in smtp.messages if "free" in mail["Subject"] or "frei" in mail["Subject"]]
    assert "/stornieren/" not in client.get("/anmeldung/meine/").content.decode().replace(link, "")
    assert (
        f"/anmeldung/meine/{registration.pk}/stornieren/"
        not in client.get("/anmeldung/meine/").content.decode()
    )


# M2 ---------------------------------------------------------------------------------------------------


def test_a_past_date_of_a_series_does_not_show_the_meeting_link_for_the_next(event_index, member, client):
    event = weekly(event_index, capacity=3)
    first = event.occurrences()[0].start
    registration = register_member(event, member, first)
    client.force_login(member)
    assert MEETING in client.get(event.url).content.decode()
    # The series began earlier: the first date is over (its registration stays for the record).
    shift = dt.timedelta(days=14, hours=3)
    Registration.objects.filter(pk=registration.pk).update(occurrence=first - shift)
    type(event).objects.filter(pk=event.pk).update(start=event.start - shift, end=event.end - shift)
    event.refresh_from_db()
    assert MEETING not in client.get(event.url).content.decode()
    register_member(event, member, event.occurrences(after=timezone.now())[0].start)
    assert MEETING in client.get(event.url).content.decode()


# M3 and per date only for series ------------------------------------------------------------------------


def settings_data(**changes):
    data = {
        "enabled": "on",
        "capacity": "5",
        "waiting_list": "on",
        "consent_text": "ok",
        "reminder_hours": "24",
    }
    data.update({"questions-TOTAL_FORMS": "0", "questions-INITIAL_FORMS": "0"})
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_per_date_cannot_change_while_people_are_registered(region, moderator, member):
    event = weekly(region, capacity=5)
    register_member(event, member, event.occurrences()[0].start)
    url = f"/admin/event-registrations/{event.pk}/settings/"
    response = logged_in(moderator).post(url, settings_data())  # per date switched off
    assert response.status_code == 400
    assert "Anmeldung je Termin kann jetzt nicht" in response.content.decode()
    assert RegistrationSettings.objects.get(event=event).per_date is True


def test_per_date_is_only_for_recurring_events(region, moderator):
    event = event_with_registration(region)
    url = f"/admin/event-registrations/{event.pk}/settings/"
    assert logged_in(moderator).post(url, settings_data(per_date="on")).status_code == 400
    assert RegistrationSettings.objects.get(event=event).per_date is False


# M4 ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2025-02-30T10:00:00+01:00", "2025-13-01T10:00:00+01:00", "9" * 40])
def test_an_impossible_date_on_the_teams_pages_is_a_404(region, moderator, value):
    event = event_with_registration(region)
    team = logged_in(moderator)
    for page in ("participants/", "participants.csv", "message/"):
        response = team.get(f"/admin/event-registrations/{event.pk}/{page}", {"datum": value})
        assert response.status_code == 404, page


# M5 ---------------------------------------------------------------------------------------------------


def test_changing_the_reminder_setting_queues_the_reminders_anew(region, moderator, member, settings):
    settings.TASKS = QUEUE
    event = event_with_registration(region, capacity=5, reminder_hours=None)
    register_member(event, member)
    assert not reminders_waiting().exists()
    url = f"/admin/event-registrations/{event.pk}/settings/"
    with committed():
        assert logged_in(moderator).post(url, settings_data(reminder_hours="24")).status_code == 302
    assert reminders_waiting().get().run_after == event.start - dt.timedelta(hours=24)
    with committed():
        assert logged_in(moderator).post(url, settings_data(reminder_hours="72")).status_code == 302
    assert reminders_waiting().order_by("-enqueued_at").first().run_after == event.start - dt.timedelta(
        hours=72
    )


# M6 ---------------------------------------------------------------------------------------------------


def test_a_reminder_run_twice_is_sent_once(event_index, member, settings, smtp):
    settings.TASKS = QUEUE
    event = event_with_registration(event_index, capacity=5, reminder_hours=24)
    registration = register_member(event, member)
    due = Registration.objects.get(pk=registration.pk).reminder_due.isoformat()
    before = len(smtp.to(member.email))
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    results = [reminders.send_reminder.call(registration.pk, due) for _ in range(2)]
    assert results[0] == "sent" and results[1] != "sent"
    assert len(smtp.to(member.email)) == before + 1


# L1 ---------------------------------------------------------------------------------------------------


def test_the_english_pages_buttons_open_the_originals_settings(event_index, editor, client):
    event = event_with_registration(event_index)
    english_tree()
    english = Page.objects.get(translation_key=event.translation_key, locale__language_code="en").specific
    urls = [button.url for button in header_buttons(english, editor)]
    assert urls == [
        f"/admin/event-registrations/{event.pk}/settings/",
        f"/admin/event-registrations/{event.pk}/participants/",
    ]
    client.force_login(editor)
    assert client.get(f"/admin/event-registrations/{english.pk}/settings/").status_code == 200
    assert RegistrationSettings.objects.count() == 1


# L2 ---------------------------------------------------------------------------------------------------


def test_a_guest_cannot_confirm_after_registration_closed(event_index, client, smtp):
    event = event_with_registration(event_index)
    register_guest(event, "gast@example.org", name="G")
    link = [word for word in smtp.text_of(smtp.to("gast@example.org")[0]).split() if "/bestaetigen/" in word][
        0
    ]
    RegistrationSettings.objects.filter(event=event).update(
        closes_at=timezone.now() - dt.timedelta(minutes=1)
    )
    with committed():
        assert client.post("/" + link.split("/", 3)[3]).status_code == 409
    assert Registration.objects.get().status == Status.CANCELLED


# L3 ---------------------------------------------------------------------------------------------------


def test_a_per_date_event_page_with_ten_dates_counts_seats_in_one_query(event_index, member, client):
    event = weekly(event_index, count=10, capacity=1)
    for date in event.occurrences()[:3]:
        register_member(event, UserFactory(verified=True), date.start)
        register_member(event, member, date.start)  # waiting
    client.force_login(member)
    client.get(event.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(event.url).status_code == 200
    counts = [query for query in queries if 'FROM "event_registrations_registration"' in query["sql"]]
    assert len(counts) <= 3, [query["sql"] for query in counts]  # seats, mine, the waiting lines
    assert "(Platz 1)" in client.get(event.url).content.decode()


# L4 ---------------------------------------------------------------------------------------------------


def test_export_and_deletion_cover_guest_registrations_of_the_members_address(client, event_index):
    member = UserFactory(verified=True)
    assert EmailAddress.objects.filter(user=member, verified=True).exists()
    event = event_with_registration(event_index, capacity=5)
    guest = register_guest(event, member.email, name="Als Gast")
    client.force_login(member)
    rows = json.loads(client.get(reverse("members:data_export")).content)["event_registrations"]
    assert [row["name"] for row in rows] == ["Als Gast"]
    with committed():
        client.post(reverse("members:account_delete"), {"password": "mitmachen-123", "confirm": "on"})
    assert not Registration.objects.filter(pk=guest.pk).exists()


def test_deletion_keeps_a_running_series_whole_event_registration_anonymised(client, event_index):
    leaving = UserFactory(verified=True)
    event = weekly(event_index, capacity=5)
    RegistrationSettings.objects.filter(event=event).update(per_date=False)
    registration = register_member(event, leaving)
    week = dt.timedelta(days=7)
    type(event).objects.filter(pk=event.pk).update(start=event.start - week, end=event.end - week)
    Registration.objects.filter(pk=registration.pk).update(attended=True)
    client.force_login(leaving)
    with committed():
        client.post(reverse("members:account_delete"), {"password": "mitmachen-123", "confirm": "on"})
    registration.refresh_from_db()
    assert (registration.user, registration.email, registration.attended) == (None, "", True)
    assert registration.status == Status.CANCELLED


def test_a_team_message_reaches_more_than_two_thousand(region, moderator):
    event = event_with_registration(region, capacity=None)
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"P{number}",
            email=f"p{number}@example.org",
            status=Status.CONFIRMED,
            consent_text="ok",
        )
        for number in range(2001)
    )
    response = logged_in(moderator).post(
        f"/admin/event-registrations/{event.pk}/message/", {"subject": "Hallo", "text": "Text"}, follow=True
    )
    [message] = [str(message) for message in response.context["messages"]]
    assert "2001" in message
