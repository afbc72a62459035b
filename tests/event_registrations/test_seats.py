"""Seats, the waiting list, guests' confirmation, cancelling and moving up, with the mails over SMTP."""

import re

import pytest

from event_registrations import seats
from event_registrations.models import Registration, Status
from tests.event_registrations.helpers import (
    MEETING,
    committed,
    event_with_registration,
    register_guest,
    register_member,
    waiting_position,
)
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(event_index):
    return event_with_registration(event_index, capacity=1)


def test_a_member_takes_the_seat_and_gets_the_ics_with_the_meeting_link(event, member, smtp):
    registration = register_member(event, member)
    assert registration.status == Status.CONFIRMED
    [mail] = smtp.to(member.email)
    assert MEETING in smtp.text_of(mail)
    [attachment] = [part for part in mail.iter_attachments() if part.get_content_type() == "text/calendar"]
    calendar = attachment.get_content()
    calendar = calendar.decode() if isinstance(calendar, bytes) else calendar
    assert "BEGIN:VEVENT" in calendar
    assert "meet.example.org" in calendar.replace("\r\n ", "")
    assert "/anmeldung/stornieren/" in smtp.text_of(mail)


def test_when_full_the_next_member_waits_and_a_duplicate_is_refused(event, member, smtp):
    register_member(event, member)
    second = UserFactory(verified=True)
    waiting = register_member(event, second)
    assert waiting.status == Status.WAITING
    assert MEETING not in smtp.text_of(smtp.to(second.email)[0])
    with pytest.raises(seats.RegistrationRefused) as refused:
        register_member(event, second)
    assert refused.value.reason == "duplicate"


def test_without_a_waiting_list_it_is_fully_booked(event_index, member):
    event = event_with_registration(event_index, capacity=1, waiting_list=False)
    register_member(event, member)
    with pytest.raises(seats.RegistrationRefused) as refused:
        register_member(event, UserFactory(verified=True))
    assert refused.value.reason == "full"


def test_a_guest_holds_a_seat_only_after_confirming(event, member, smtp):
    guest = register_guest(event, "gast@example.org")
    assert guest.status == Status.PENDING
    # The seat is still free: a member takes it.
    assert register_member(event, member).status == Status.CONFIRMED
    link = re.search(r"/anmeldung/bestaetigen/(\S+)/", smtp.text_of(smtp.to("gast@example.org")[0]))
    with committed():
        confirmed = seats.confirm_guest(seats.pending_for(link.group(1)))
    assert confirmed.status == Status.WAITING  # confirmed after the member: behind them


def test_cancelling_moves_the_first_on_the_waiting_list_up_in_order_and_mails_them(event, member, smtp):
    first = register_member(event, member)
    second_user, third_user = UserFactory(verified=True), UserFactory(verified=True)
    register_member(event, second_user)
    register_member(event, third_user)
    # A guest who never confirmed is on no list.
    register_guest(event, "unbestaetigt@example.org")
    with committed():
        seats.cancel(first)
    statuses = dict(Registration.objects.filter(event=event).values_list("email", "status"))
    assert statuses == {
        member.email: Status.CANCELLED,
        second_user.email: Status.CONFIRMED,
        third_user.email: Status.WAITING,
        "unbestaetigt@example.org": Status.PENDING,
    }
    moved_up_mail = smtp.to(second_user.email)[-1]
    assert MEETING in smtp.text_of(moved_up_mail)
    assert any(part.get_content_type() == "text/calendar" for part in moved_up_mail.iter_attachments())
    assert len(smtp.to(third_user.email)) == 1  # only the waiting-list notice
    assert len(smtp.to(member.email)) == 2  # confirmation and cancellation
    assert waiting_position(Registration.objects.get(email=third_user.email)) == 1


def test_a_guest_on_the_waiting_list_who_never_confirmed_does_not_move_up(event, member, smtp):
    first = register_member(event, member)
    register_guest(event, "gast@example.org")
    with committed():
        seats.cancel(first)
    assert Registration.objects.get(email="gast@example.org").status == Status.PENDING
    assert seats.seats_left(event.registration_settings, None) == 1


def test_a_closed_or_past_registration_takes_nobody(event_index, member):
    past = event_with_registration(event_index, days=-1)
    with pytest.raises(seats.RegistrationRefused):
        register_member(past, member)
    closed = event_with_registration(event_index)
    closed.registration_settings.enabled = False
    closed.registration_settings.save()
    with pytest.raises(seats.RegistrationRefused):
        register_member(closed, member)


def test_more_seats_move_the_waiting_list_up(event, member, smtp):
    register_member(event, member)
    second = UserFactory(verified=True)
    register_member(event, second)
    settings = event.registration_settings
    settings.capacity = 2
    settings.save()
    with committed():
        seats.move_up_everywhere(event.pk)
    assert Registration.objects.get(email=second.email).status == Status.CONFIRMED


def test_a_guest_asking_again_gets_a_new_link_and_the_old_one_stops_working(event, smtp):
    first = register_guest(event, "gast@example.org", name="Gast")
    again = register_guest(event, "Gast@Example.org", name="Gast Zwei")
    assert again.pk == first.pk
    assert Registration.objects.get().name == "Gast Zwei"
    old, new = (
        re.search(r"/anmeldung/bestaetigen/(\S+)/", smtp.text_of(mail)).group(1)
        for mail in smtp.to("gast@example.org")
    )
    assert seats.pending_for(old) is None
    with committed():
        assert seats.confirm_guest(seats.pending_for(new)).status == Status.CONFIRMED


def test_a_member_takes_the_place_of_their_unconfirmed_guest_registration(event, member):
    register_guest(event, member.email)
    registration = register_member(event, member)
    assert registration.status == Status.CONFIRMED
    assert registration.user == member
    statuses = sorted(Registration.objects.filter(email=member.email).values_list("status", flat=True))
    assert statuses == [Status.CANCELLED, Status.CONFIRMED]
