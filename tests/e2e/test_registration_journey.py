"""Registration in the hub in Chromium, over a real SMTP server: member A takes the last seat in one click on
the event page, member B lands on the waiting list, A cancels with the link in A's mail, B moves up and gets the
mail with the meeting link, B's event page shows the link and a visitor's never does. axe checks the event page
with its registration form (as a member) and the guest form (as a visitor)."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from event_registrations.models import Registration, Status
from tests.e2e.test_accessibility import _offline
from tests.e2e.test_network_journey import PASSWORD, assert_accessible, log_in
from tests.e2e.test_newsletter_journey import wait_for
from tests.event_registrations.helpers import MEETING, event_with_registration
from tests.members.factories import UserFactory
from tests.smtp import smtp  # noqa: F401 (a fixture)

ANNA = "anna.erste@private.example"
BEN = "ben.zweiter@private.example"
# Either language: the lead merges the German catalogue later.
REGISTER = re.compile(r"^(Register|Anmelden)$")
CANCEL_CONFIRM = re.compile(r"^(Yes, cancel my registration|Ja, meine Anmeldung stornieren)$")
MEETING_LINK = re.compile(r"^(Join the online meeting|Zum Online-Treffen)$")


def register_on_the_event_page(page, event):
    page.goto(event.url)
    box = page.locator("#anmeldung")
    box.get_by_role("checkbox").check()  # the consent
    box.get_by_role("button", name=REGISTER).click()
    page.wait_for_load_state("load")
    return page.locator("#anmeldung")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_last_seat_waiting_list_cancel_and_move_up(new_page, live_server, region, smtp):  # noqa: F811
    event = event_with_registration(region, capacity=1, waiting_list=True)
    for address, name in ((ANNA, "Anna"), (BEN, "Ben")):
        UserFactory(verified=True, email=address, password=PASSWORD, display_name=name)
    failures = []

    # A visitor sees the seat count and the link to the guest form, never the meeting link.
    visitor = new_page()
    _offline(visitor, live_server.url)
    visitor.goto(event.url)
    expect(visitor.locator("#anmeldung")).to_contain_text(re.compile("1 (seat left|Platz frei)"))
    visitor.locator("#anmeldung").get_by_role("link").first.click()
    expect(visitor.get_by_role("textbox", name=re.compile("e-mail", re.I))).to_be_visible()
    assert_accessible(visitor, "Guest form", failures)

    # Anna takes the last seat in one click (and the consent tick) on the event page.
    anna = new_page()
    _offline(anna, live_server.url)
    log_in(anna, ANNA)
    anna.goto(event.url)
    assert_accessible(anna, "Event page with the registration form", failures)
    box = register_on_the_event_page(anna, event)
    expect(box.get_by_role("link", name=MEETING_LINK)).to_have_attribute("href", MEETING)
    [registered] = wait_for(smtp, ANNA, 1, anna)
    assert MEETING in smtp.text_of(registered)

    # Ben lands on the waiting list, at position 1, without the meeting link.
    ben = new_page()
    _offline(ben, live_server.url)
    log_in(ben, BEN)
    box = register_on_the_event_page(ben, event)
    expect(box).to_contain_text(re.compile(r"(waiting list \(position 1\)|Warteliste \(Platz 1\))"))
    expect(box.get_by_role("link", name=MEETING_LINK)).to_have_count(0)
    assert MEETING not in ben.content()
    [waiting] = wait_for(smtp, BEN, 1, ben)
    assert MEETING not in smtp.text_of(waiting)

    # Anna cancels with the link in her mail (no login needed; the page asks first).
    cancel_link = re.search(r"http://\S+/anmeldung/stornieren/\S+/", smtp.text_of(registered)).group(0)
    mailed = new_page()
    _offline(mailed, live_server.url)
    mailed.goto(urlsplit(cancel_link).path)
    assert_accessible(mailed, "Cancel page", failures)
    mailed.get_by_role("button", name=CANCEL_CONFIRM).click()
    mailed.wait_for_load_state("load")
    assert Registration.objects.get(email=ANNA).status == Status.CANCELLED

    # Ben has the seat and the mail with the meeting link; his event page shows it.
    [_, moved_up] = wait_for(smtp, BEN, 2, ben)
    assert MEETING in smtp.text_of(moved_up)
    assert any(part.get_content_type() == "text/calendar" for part in moved_up.iter_attachments())
    assert Registration.objects.get(email=BEN).status == Status.CONFIRMED
    ben.goto(event.url)
    expect(ben.locator("#anmeldung").get_by_role("link", name=MEETING_LINK)).to_have_attribute(
        "href", MEETING
    )
    anna.goto(event.url)
    assert MEETING not in anna.content()

    # The visitor's page: fully booked now (the cache followed), and still no meeting link.
    visitor.goto(event.url)
    expect(visitor.locator("#anmeldung")).to_contain_text(re.compile("(waiting list|Warteliste)"))
    assert MEETING not in visitor.content()
    assert "meet.example.org" not in visitor.content()

    assert not failures, "\n".join(failures)
