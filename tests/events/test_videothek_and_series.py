"""The Videothek (past events with a recording) and a series' module list."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.events.factories import EventIndexPageFactory
from tests.events.helpers import ENERGY, FOOD

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def videothek_url(index):
    return index.url + index.reverse_subpage("videothek")


@pytest.fixture
def recordings(make_event):
    return {
        "old": make_event(
            days=-60, title="Altes Webinar", recording_url="https://vimeo.com/1", fields=[FOOD]
        ),
        "new": make_event(
            days=-3, title="Neues Webinar", recording_url="https://vimeo.com/2", fields=[ENERGY]
        ),
        "no_recording": make_event(days=-10, title="Ohne Aufzeichnung"),
        "upcoming": make_event(days=5, title="Kommendes mit Link", recording_url="https://vimeo.com/3"),
        "draft": make_event(days=-5, title="Entwurf", recording_url="https://vimeo.com/4", live=False),
    }


def test_videothek_lists_only_past_events_with_a_recording_newest_first(client, event_index, recordings):
    response = client.get(videothek_url(event_index))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Neues Webinar") < html.index("Altes Webinar")
    for title in ("Ohne Aufzeichnung", "Kommendes mit Link", "Entwurf"):
        assert title not in html
    # Each entry links to its event and to its recording.
    assert f'href="{recordings["new"].url}"' in html
    assert 'href="https://vimeo.com/2"' in html
    assert 'href="https://vimeo.com/1"' in html
    assert "https://vimeo.com/3" not in html


def test_videothek_filters_like_the_index(client, event_index, recordings):
    html = client.get(videothek_url(event_index), {"field": ENERGY}).content.decode()

    assert "Neues Webinar" in html
    assert "Altes Webinar" not in html
    assert f'<option value="{ENERGY}" selected>' in html


def test_videothek_answers_400_for_an_invalid_filter(client, event_index, recordings):
    response = client.get(videothek_url(event_index), {"kind": "party"})

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_event_index_links_to_the_videothek(client, event_index, recordings):
    html = client.get(event_index.url).content.decode()

    assert f'href="{videothek_url(event_index)}"' in html


def test_a_series_has_no_videothek(client, event_index):
    lab = EventIndexPageFactory(parent=event_index, title="Regionallabor", is_series=True)

    assert client.get(videothek_url(lab)).status_code == 404


@pytest.fixture
def lab(event_index, make_event):
    lab = EventIndexPageFactory(parent=event_index, title="Regionallabor 2024/25", is_series=True)
    make_event(parent=lab, title="Zusatztermin ohne Nummer", kind="lab_module", days=-400)
    for number, month in ((2, 12), (0, 10), (1, 11)):
        make_event(
            parent=lab,
            title=f"Thema {number}",
            kind="lab_module",
            module_number=number,
            start=dt.datetime(2024, month, 1, 18, tzinfo=BERLIN),
            recording_url=f"https://vimeo.com/lab{number}" if number < 2 else "",
        )
    # Two parts of one module: same number, in order of their start.
    make_event(
        parent=lab,
        title="Thema 1, zweiter Teil",
        kind="lab_module",
        module_number=1,
        start=dt.datetime(2024, 11, 2, 10, tzinfo=BERLIN),
    )
    return lab


def test_series_lists_modules_by_number_then_start_unnumbered_last(client, lab):
    html = client.get(lab.url).content.decode()

    order = ["Thema 0", "Thema 1<", "Thema 1, zweiter Teil", "Thema 2", "Zusatztermin ohne Nummer"]
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)


def test_series_shows_module_number_date_and_recording(client, lab):
    html = client.get(lab.url).content.decode()

    assert "Modul 0" in html
    assert "Modul 2" in html
    assert "1. Oktober 2024" in html
    assert 'href="https://vimeo.com/lab0"' in html
    assert 'href="https://vimeo.com/lab1"' in html


def test_series_lists_only_its_own_published_modules(client, lab, make_event):
    make_event(title="Webinar außerhalb der Reihe")
    make_event(parent=lab, title="Unveröffentlichtes Modul", module_number=3, live=False)

    html = client.get(lab.url).content.decode()

    assert "Webinar außerhalb der Reihe" not in html
    assert "Unveröffentlichtes Modul" not in html


def test_the_network_index_links_to_its_series(client, event_index, lab):
    html = client.get(event_index.url).content.decode()

    assert f'href="{lab.url}"' in html
