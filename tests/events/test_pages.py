import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from hub_events.models import EventMaterial, EventSpeaker
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def test_event_page_shows_time_in_berlin_format_speakers_and_recording(client, event_index, region):
    event = EventPageFactory(
        parent=event_index,
        title="Auftakt: Kennenlernen",
        summary="Wir lernen uns kennen.",
        kind="lab_module",
        format="live",
        venue="Bürgerhaus Neumarkt",
        module_number=0,
        start=dt.datetime(2024, 10, 1, 18, 0, tzinfo=BERLIN),
        end=dt.datetime(2024, 10, 1, 20, 0, tzinfo=BERLIN),
        regions=[region],
        recording_url="https://vimeo.com/123456",
    )
    EventSpeaker.objects.create(page=event, name="Kim Muster", affiliation="Regionallabor-Team")
    EventMaterial.objects.create(
        page=event, document=factories_document("Folien Modul 0"), title="Folien zum Auftakt"
    )

    response = client.get(event.url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Wir lernen uns kennen.",
        "Regionallabor-Modul",
        "Vor Ort",
        "Bürgerhaus Neumarkt",
        "1. Oktober 2024",
        "18:00",
        "20:00",
        "Kim Muster",
        "Regionallabor-Team",
        "https://vimeo.com/123456",
        "Folien zum Auftakt",
        "Neumarkt in der Oberpfalz",
    ):
        assert text in html, text


def factories_document(title):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    return Document.objects.create(title=title, file=ContentFile(b"Folien", name="folien.txt"))


def test_event_index_separates_upcoming_and_past(client, event_index):
    now = timezone.now()
    EventPageFactory(parent=event_index, title="Kommendes Webinar", start=now + dt.timedelta(days=7))
    EventPageFactory(
        parent=event_index,
        title="Vergangenes Webinar",
        start=now - dt.timedelta(days=7),
        recording_url="https://vimeo.com/1",
    )

    html = client.get(event_index.url).content.decode()

    assert html.index("Kommendes Webinar") < html.index("Vergangenes Webinar")
    assert "https://vimeo.com/1" in html or "Aufzeichnung" in html


def test_series_lists_its_modules_in_order(client, event_index):
    lab = EventIndexPageFactory(parent=event_index, title="Regionallabor 2024/25", is_series=True)
    for number in (2, 0, 1):
        EventPageFactory(
            parent=lab,
            title=f"Thema {number}",
            kind="lab_module",
            module_number=number,
            start=dt.datetime(2024, 10 + number, 1, 18, tzinfo=BERLIN),
        )

    html = client.get(lab.url).content.decode()

    assert html.index("Thema 0") < html.index("Thema 1") < html.index("Thema 2")


def test_an_event_cannot_end_before_it_starts(event_index):
    event = EventPageFactory.build(
        start=dt.datetime(2025, 1, 26, 10, tzinfo=BERLIN), end=dt.datetime(2025, 1, 25, 10, tzinfo=BERLIN)
    )

    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_times_are_stored_aware(event_index):
    event = EventPageFactory(parent=event_index)

    event.refresh_from_db()
    assert timezone.is_aware(event.start)
    assert event.start.astimezone(BERLIN).hour == 18
