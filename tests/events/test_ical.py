"""iCalendar feeds and downloads, parsed back with icalendar: time zone, times, UID, SEQUENCE, contents."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest
from icalendar import Calendar

from hub_events.models import EventPage
from tests.events.factories import EventIndexPageFactory
from tests.events.helpers import ENERGY, FOOD

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def feed_url(index, name="calendar", **kwargs):
    return index.url + index.reverse_subpage(name, kwargs=kwargs or None)


def event_ics_url(event):
    return event.url + event.reverse_subpage("ical")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def by_summary(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def summer_event(make_event, region):
    """In summer time (UTC+2), so a wrong zone would show as a two-hour shift."""
    return make_event(
        title="Konferenz in Neumarkt",
        summary="Ein Tag mit Thementischen.",
        kind="conference",
        format="live",
        venue="Reitstadel",
        address="Residenzplatz 1, Neumarkt",
        start=dt.datetime(2031, 7, 5, 10, 0, tzinfo=BERLIN),
        end=dt.datetime(2031, 7, 5, 17, 30, tzinfo=BERLIN),
        regions=[region],
        fields=[ENERGY, FOOD],
        location="SRID=4326;POINT(11.4597 49.2804)",
    )


def test_the_feed_is_a_valid_published_calendar(client, event_index, summer_event):
    calendar = parse(client.get(feed_url(event_index)))

    assert calendar["VERSION"] == "2.0"
    assert "Mitmach-Hub" in str(calendar["PRODID"])
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert "Veranstaltungen" in str(calendar["X-WR-CALNAME"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert calendar.get_missing_tzids() == set()
    content = client.get(feed_url(event_index)).content
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" in content
    assert b"X-PUBLISHED-TTL:PT1H" in content


def test_event_times_are_in_europe_berlin_and_equal_the_stored_ones(client, event_index, summer_event):
    event = by_summary(parse(client.get(feed_url(event_index))))["Konferenz in Neumarkt"]
    stored = EventPage.objects.get(pk=summer_event.pk)

    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert start.tzinfo.key == "Europe/Berlin"
    assert end.tzinfo.key == "Europe/Berlin"
    assert start == stored.start
    assert end == stored.end
    assert (start.hour, start.minute, end.hour, end.minute) == (10, 0, 17, 30)
    assert b"DTSTART;TZID=Europe/Berlin:20310705T100000" in client.get(feed_url(event_index)).content


def test_event_properties(client, event_index, summer_event, settings):
    settings.ICAL_UID_DOMAIN = "hub.example.org"
    event = by_summary(parse(client.get(feed_url(event_index))))["Konferenz in Neumarkt"]

    assert str(event["UID"]) == f"event-{summer_event.pk}@hub.example.org"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert event.decoded("LAST-MODIFIED").tzinfo is not None
    assert str(event["URL"]) == summer_event.full_url
    description = str(event["DESCRIPTION"])
    assert "Ein Tag mit Thementischen." in description
    assert summer_event.full_url in description
    assert str(event["LOCATION"]) == "Reitstadel, Residenzplatz 1, Neumarkt"
    assert set(event.categories) == {"Mitmach-Konferenz", "Energie und Verkehr", "Ernährungssystem"}
    assert event["GEO"].latitude == pytest.approx(49.2804)


@pytest.mark.parametrize(
    ("fields", "location"),
    [
        ({"format": "online"}, "Online"),
        ({"format": "hybrid", "venue": "Rathaus"}, "Rathaus und online"),
        ({"format": "live", "venue": "", "address": "Marktplatz 1"}, "Marktplatz 1"),
    ],
)
def test_location(client, event_index, make_event, fields, location):
    make_event(title="Ort", **fields)

    event = by_summary(parse(client.get(feed_url(event_index))))["Ort"]

    assert str(event["LOCATION"]) == location


def test_the_feed_has_only_upcoming_live_public_events(client, event_index, make_event):
    make_event(title="Kommend")
    make_event(title="Läuft gerade", start=timezone.now() - dt.timedelta(hours=1))
    make_event(days=-3, title="Vorbei")
    make_event(title="Entwurf", live=False)
    private = make_event(title="Nur für Angemeldete")
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert set(by_summary(parse(client.get(feed_url(event_index))))) == {"Kommend", "Läuft gerade"}


def test_user_text_is_escaped_not_interpreted(client, event_index, make_event):
    make_event(title="Komma, Semikolon; und\nZeilenumbruch", summary="Zeile 1\nZeile 2, mit Komma")

    content = client.get(feed_url(event_index)).content
    event = by_summary(parse(client.get(feed_url(event_index))))["Komma, Semikolon; und\nZeilenumbruch"]

    assert b"SUMMARY:Komma\\, Semikolon\\; und\\nZeilenumbruch" in content
    assert str(event["DESCRIPTION"]).startswith("Zeile 1\nZeile 2, mit Komma")


def test_the_region_feed_has_exactly_that_regions_upcoming_events(
    client, event_index, make_event, region, other_region
):
    make_event(title="Neumarkt 1", regions=[region])
    make_event(title="Neumarkt 2", regions=[region], days=30)
    make_event(title="Neumarkt vorbei", regions=[region], days=-2)
    make_event(title="Wendland", regions=[other_region])
    make_event(title="Netzwerk")

    calendar = parse(client.get(feed_url(event_index, "calendar_region", slug="neumarkt")))

    assert set(by_summary(calendar)) == {"Neumarkt 1", "Neumarkt 2"}
    assert "Neumarkt in der Oberpfalz" in str(calendar["X-WR-CALNAME"])


def test_the_field_feed_has_exactly_that_fields_upcoming_events(client, event_index, make_event):
    make_event(title="Energie", fields=[ENERGY])
    make_event(title="Energie und Ernährung", fields=[ENERGY, FOOD])
    make_event(title="Ernährung", fields=[FOOD])
    make_event(title="Ohne Handlungsfeld")

    calendar = parse(client.get(feed_url(event_index, "calendar_field", slug=ENERGY)))

    assert set(by_summary(calendar)) == {"Energie", "Energie und Ernährung"}
    assert "Energie und Verkehr" in str(calendar["X-WR-CALNAME"])


@pytest.mark.parametrize(
    ("name", "slug"),
    [("calendar_region", "atlantis"), ("calendar_field", "gibt-es-nicht")],
)
def test_an_unknown_region_or_field_is_a_404(client, event_index, name, slug):
    assert client.get(feed_url(event_index, name, slug=slug)).status_code == 404


def test_an_unpublished_region_has_no_feed(client, event_index, region):
    region.unpublish()

    assert client.get(feed_url(event_index, "calendar_region", slug="neumarkt")).status_code == 404


def test_an_empty_feed_is_still_a_valid_calendar_with_the_time_zone(client, event_index):
    calendar = parse(client.get(feed_url(event_index)))

    assert calendar.walk("VEVENT") == []
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_a_series_feed_has_its_upcoming_modules(client, event_index, make_event):
    lab = EventIndexPageFactory(parent=event_index, title="Regionallabor", is_series=True)
    make_event(parent=lab, title="Modul 1", module_number=1)
    make_event(parent=lab, title="Modul 0", module_number=0, days=-30)
    make_event(title="Anderes Webinar")

    assert set(by_summary(parse(client.get(feed_url(lab))))) == {"Modul 1"}
    assert client.get(feed_url(lab, "calendar_region", slug="neumarkt")).status_code == 404


def test_per_event_download(client, summer_event):
    response = client.get(event_ics_url(summer_event))

    calendar = parse(response)
    assert response["Content-Disposition"] == 'attachment; filename="konferenz-in-neumarkt.ics"'
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]).startswith(f"event-{summer_event.pk}@")
    assert event.decoded("DTSTART") == summer_event.start
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_a_past_event_can_be_downloaded_with_its_recording(client, make_event):
    event = make_event(days=-3, title="Vorbei", recording_url="https://vimeo.com/9")

    (component,) = parse(client.get(event_ics_url(event))).walk("VEVENT")

    assert "https://vimeo.com/9" in str(component["DESCRIPTION"])


def test_no_download_for_an_unpublished_event(client, make_event):
    event = make_event(title="Entwurf", live=False)

    assert client.get(event_ics_url(event)).status_code == 404


def test_the_event_page_links_to_its_download(client, summer_event):
    html = client.get(summer_event.url).content.decode()

    assert f'href="{event_ics_url(summer_event)}"' in html
    assert "In den Kalender" in html


def test_the_event_index_offers_the_subscription(client, event_index):
    html = client.get(event_index.url).content.decode()

    assert f'href="webcal://testserver{feed_url(event_index)}"' in html
    assert "Kalender abonnieren" in html
    assert (
        f'rel="alternate" type="text/calendar" title="Kalender: Veranstaltungen" href="{feed_url(event_index)}"'
        in html
    )


def test_the_region_page_offers_its_calendar(client, event_index, region, make_event):
    make_event(title="Termin in Neumarkt", regions=[region])

    html = client.get(region.url).content.decode()

    assert f'href="{feed_url(event_index, "calendar_region", slug="neumarkt")}"' in html
    assert "Kalender abonnieren" in html


# --- UID and SEQUENCE across edits ------------------------------------------------------------------


def feed_entry(client, index, pk):
    calendar = parse(client.get(feed_url(index)))
    (event,) = [event for event in calendar.walk("VEVENT") if str(event["UID"]).startswith(f"event-{pk}@")]
    return event


def edit(event, publish=True, **changes):
    """Edit like the admin does: a revision of the changed page, published or kept as a draft."""
    page = EventPage.objects.get(pk=event.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return EventPage.objects.get(pk=event.pk)


def test_uid_is_stable_across_an_edit_and_republish(client, event_index, summer_event):
    before = feed_entry(client, event_index, summer_event.pk)

    edit(
        summer_event,
        title="Neuer Titel",
        slug="neuer-slug",
        start=summer_event.start + dt.timedelta(days=1),
        end=summer_event.end + dt.timedelta(days=1),
    )
    after = feed_entry(client, event_index, summer_event.pk)

    assert str(after["SUMMARY"]) == "Neuer Titel"
    assert after["UID"] == before["UID"]


def test_sequence_increments_after_a_published_time_change(client, event_index, summer_event):
    assert feed_entry(client, event_index, summer_event.pk)["SEQUENCE"] == 0

    edit(summer_event, start=summer_event.start + dt.timedelta(hours=1))

    event = feed_entry(client, event_index, summer_event.pk)
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == summer_event.start + dt.timedelta(hours=1)


def test_a_draft_save_does_not_bump_the_sequence(client, event_index, summer_event):
    edit(summer_event, publish=False, start=summer_event.start + dt.timedelta(hours=1), title="Entwurf")

    event = feed_entry(client, event_index, summer_event.pk)
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == summer_event.start  # the draft is not public either
    assert str(event["SUMMARY"]) == "Konferenz in Neumarkt"


def test_publishing_the_draft_later_bumps_once(client, event_index, summer_event):
    draft = edit(summer_event, publish=False, title="Neuer Titel")
    assert draft.ical_sequence == 0

    draft.latest_revision.publish()

    assert EventPage.objects.get(pk=summer_event.pk).ical_sequence == 1
    assert feed_entry(client, event_index, summer_event.pk)["SEQUENCE"] == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Anderer Titel"},
        {"end": dt.datetime(2031, 7, 5, 18, 0, tzinfo=BERLIN)},
        {"venue": "Anderer Saal"},
        {"address": "Andere Straße 2"},
        {"format": "hybrid"},
        {"summary": "Neue Kurzbeschreibung."},
        # Also in the VEVENT: DESCRIPTION (links), CATEGORIES (kind), URL (slug), GEO (position).
        {"recording_url": "https://vimeo.com/5"},
        {"registration_url": "https://anmeldung.example"},
        {"kind": "webinar"},
        {"slug": "anderer-slug"},
        {"location": "SRID=4326;POINT(11.5 49.3)"},
    ],
)
def test_every_calendar_relevant_change_bumps(summer_event, changes):
    assert edit(summer_event, **changes).ical_sequence == 1


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"start": dt.datetime(2031, 7, 5, 8, 0, tzinfo=dt.UTC)},  # the same moment, written in UTC
        {"body": [("paragraph", "<p>Mehr Programm.</p>")]},
    ],
)
def test_other_changes_and_republishing_do_not_bump(summer_event, changes):
    assert edit(summer_event, **changes).ical_sequence == 0


def test_sequence_never_goes_back_when_an_old_revision_is_published_again(summer_event):
    first_revision = EventPage.objects.get(pk=summer_event.pk).save_revision()
    first_revision.publish()
    edit(summer_event, title="Zweiter Titel")  # 1
    edit(summer_event, title="Dritter Titel")  # 2

    first_revision.publish()  # back to the first title, from a revision that stored sequence 0

    page = EventPage.objects.get(pk=summer_event.pk)
    assert page.title == "Konferenz in Neumarkt"
    assert page.ical_sequence == 3


def test_a_change_made_while_unpublished_bumps_when_published_again(summer_event):
    page = EventPage.objects.get(pk=summer_event.pk)
    page.unpublish()
    # Wagtail saves drafts of a page that is not live onto the page itself.
    page = EventPage.objects.get(pk=summer_event.pk)
    page.start += dt.timedelta(hours=2)
    page.end += dt.timedelta(hours=2)
    page.save()
    page.save_revision()
    assert EventPage.objects.get(pk=summer_event.pk).ical_sequence == 0

    page.latest_revision.publish()

    assert EventPage.objects.get(pk=summer_event.pk).ical_sequence == 1


def test_editors_cannot_edit_the_sequence(summer_event):
    from wagtail.admin.panels import get_edit_handler

    form_class = get_edit_handler(EventPage).get_form_class()

    assert "ical_sequence" not in form_class.base_fields
    assert "ical_fingerprint" not in form_class.base_fields
