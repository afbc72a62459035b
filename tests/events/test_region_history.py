"""A region's history: its past events on the region page (the latest few) and on a paginated page of their
own (route ``rueckblick/<slug>/`` of the network's event index), with recordings and results."""

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.documents.models import Document

import pytest

from hub_events.models import EventMaterial, EventPage
from tests.events.factories import EventIndexPageFactory
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


def document(title):
    return Document.objects.create(title=title, file=ContentFile(b"Ergebnisse", name="ergebnisse.txt"))


def history_url(event_index, slug="neumarkt"):
    return f"{event_index.url}rueckblick/{slug}/"


def test_the_region_page_keeps_its_past_events_newest_first(client, make_event, region, other_region):
    make_event(title="Konferenz", days=-26, regions=[region], recording_url="https://vimeo.com/1")
    make_event(title="Älter", days=-60, regions=[region])
    make_event(title="Anderswo", days=-3, regions=[other_region])
    make_event(title="Kommt noch", days=5, regions=[region])

    response = client.get(region.url)

    assert [event.title for event in response.context["past_events"]] == ["Konferenz", "Älter"]
    assert [event.title for event in response.context["upcoming_events"]] == ["Kommt noch"]
    html = response.content.decode()
    assert "https://vimeo.com/1" in html
    assert "rueckblick/neumarkt/" in html


def test_a_finished_series_counts_by_its_last_date(client, event_index, make_event, region):
    # Weekly office hours from 10 weeks ago to last week, and a single meeting in between.
    make_event(title="Sprechstunde", days=-70, regions=[region], repeat="weekly", repeat_count=10)
    make_event(title="Treffen", days=-30, regions=[region])

    on_region_page = client.get(region.url).context["past_events"]
    in_history = client.get(history_url(event_index)).context["past_events"]

    assert [event.title for event in on_region_page] == ["Sprechstunde", "Treffen"]
    assert [event.title for event in in_history] == ["Sprechstunde", "Treffen"]


def test_the_region_page_shows_the_next_five_and_latest_three_events_from_one_query(
    client, make_event, region, other_region
):
    # Weekly office hours since ten weeks whose next date is tomorrow, so they lead the upcoming events.
    make_event(title="Sprechstunde", days=-69, regions=[region], repeat="weekly", repeat_count=12)
    for number in range(7):
        make_event(title=f"Kommend {number}", days=number + 2, regions=[region])
        make_event(title=f"Vorbei {number}", days=-(number + 1), regions=[region])
    make_event(title="Anderswo", days=3, regions=[other_region])
    now = timezone.now()
    events = EventPage.objects.live().of_regions([region.translation_key])

    with CaptureQueriesContext(connection) as captured:
        upcoming, past = events.next_and_latest(now, 5, 3)

    assert len(captured) == 1
    assert [event.title for event in upcoming] == ["Sprechstunde", *(f"Kommend {n}" for n in range(4))]
    assert [event.title for event in past] == ["Vorbei 0", "Vorbei 1", "Vorbei 2"]
    assert upcoming == list(events.upcoming(now)[:5])
    assert past == list(events.past(now)[:3])
    response = client.get(region.url)
    assert [event.title for event in response.context["upcoming_events"]] == [
        event.title for event in upcoming
    ]
    assert [event.title for event in response.context["past_events"]] == [event.title for event in past]


def test_the_region_page_shows_at_most_three_past_events(client, make_event, region):
    for number in range(5):
        make_event(title=f"Vorbei {number}", days=-(number + 1), regions=[region])

    past = client.get(region.url).context["past_events"]

    assert [event.title for event in past] == ["Vorbei 0", "Vorbei 1", "Vorbei 2"]


def test_the_history_shows_outcome_recording_and_materials(client, event_index, make_event, region):
    event = make_event(
        title="Konferenz",
        days=-26,
        regions=[region],
        recording_url="https://vimeo.com/42",
        outcome="Drei neue Initiativen & ein Repair-Café.",
    )
    EventMaterial.objects.create(page=event, document=document("Protokoll"), title="Ergebnisse")

    response = client.get(history_url(event_index))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Drei neue Initiativen &amp; ein Repair-Café." in html
    assert "https://vimeo.com/42" in html
    assert "Ergebnisse" in html


def test_the_history_is_paginated_and_lists_a_shared_event_once(
    client, event_index, make_event, region, other_region
):
    for number in range(25):
        make_event(title=f"Vorbei {number:02}", days=-(number + 1), regions=[region, other_region])

    first = client.get(history_url(event_index))
    second = client.get(history_url(event_index), {"page": 2})

    titles = [event.title for event in first.context["past_events"]] + [
        event.title for event in second.context["past_events"]
    ]
    assert titles == [f"Vorbei {number:02}" for number in range(25)]
    assert 'href="?page=2"' in first.content.decode()


@pytest.mark.parametrize("page", ["0", "99", "x", "1\x00", "9" * 40, "-1"])
def test_bad_pages_of_the_history_are_a_4xx(client, event_index, make_event, region, page):
    make_event(title="Vorbei", days=-1, regions=[region])

    assert 400 <= client.get(history_url(event_index), {"page": page}).status_code < 500


@pytest.mark.parametrize("slug", ["atlantis", "x" * 300, "%3Cscript%3E"])
def test_an_unknown_region_has_no_history(client, event_index, region, slug):
    assert client.get(history_url(event_index, slug)).status_code == 404


def test_an_unpublished_region_has_no_history(client, event_index, region):
    region.unpublish()

    assert client.get(history_url(event_index)).status_code == 404


def test_a_series_has_no_region_history(client, event_index, region):
    series = EventIndexPageFactory(parent=event_index, title="Regionallabor", slug="lab", is_series=True)

    assert client.get(f"{series.url}rueckblick/neumarkt/").status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_everyone_reads_the_history(client, event_index, make_event, region, who):
    make_event(title="Vorbei", days=-1, regions=[region])
    if who != "anonymous":
        client.force_login(UserFactory(verified=True, editor=who == "editor"))

    assert client.get(history_url(event_index)).status_code == 200


def test_unpublished_past_events_are_not_in_the_history(client, event_index, make_event, region):
    make_event(title="Entwurf", days=-1, regions=[region]).unpublish()

    assert list(client.get(history_url(event_index)).context["past_events"]) == []
    assert not client.get(region.url).context["past_events"]
