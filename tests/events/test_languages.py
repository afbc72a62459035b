"""Events in two languages: the English site (/en/) lists the English tree, the German one the German tree;
the API's ``locale``; the iCal feeds per language; dates as people write them in each language."""

import datetime as dt
from zoneinfo import ZoneInfo

from wagtail.models import Page

import pytest

from tests.events.factories import EventIndexPageFactory
from tests.helpers import english_tree

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
API = "/api/v3/events/"


def english(page):
    """The English counterpart of a German page (its alias after ``english_tree``)."""
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="en").specific


def retitle(page, title):
    """Give a page a title of its own, as a translation would (the alias's fields stay otherwise)."""
    Page.objects.filter(pk=page.pk).update(title=title, draft_title=title)


@pytest.fixture
def two_languages(make_event, region):
    winter = make_event(
        title="Winter-Webinar",
        kind="conference",
        start=dt.datetime(2031, 1, 25, 10, 0, tzinfo=BERLIN),
        end=dt.datetime(2031, 1, 26, 16, 0, tzinfo=BERLIN),
        regions=[region],
    )
    network = make_event(title="Netzwerktreffen", start=dt.datetime(2031, 3, 4, 18, 0, tzinfo=BERLIN))
    english_tree()
    retitle(english(winter), "Winter webinar")
    retitle(english(network), "Network meeting")
    return {"winter": winter, "network": network}


def test_the_german_index_lists_only_german_events(client, event_index, two_languages):
    html = client.get("/veranstaltungen/").content.decode()

    assert html.count("Winter-Webinar<") == 1
    assert "Netzwerktreffen" in html
    assert "Winter webinar" not in html
    assert "Network meeting" not in html


def test_the_english_index_lists_the_english_tree(client, event_index, two_languages):
    response = client.get("/en/veranstaltungen/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Winter webinar<") == 1
    assert "Network meeting" in html
    assert "Winter-Webinar" not in html
    assert 'href="/en/veranstaltungen/winter-webinar/"' in html
    assert (
        'href="/en/regionen/neumarkt/"' in html
    )  # the region in English, not the German page the alias kept
    assert 'href="/regionen/neumarkt/"' not in html


def test_the_english_index_filters_by_a_region_that_english_events_share_with_german_ones(
    client, event_index, two_languages
):
    html = client.get("/en/veranstaltungen/?region=neumarkt").content.decode()

    assert "Winter webinar" in html
    assert "Network meeting" not in html
    assert "Winter-Webinar" not in html


def test_the_event_page_writes_its_dates_in_the_visitors_language(client, event_index, two_languages):
    german = client.get("/veranstaltungen/winter-webinar/").content.decode()
    english_html = client.get("/en/veranstaltungen/winter-webinar/").content.decode()

    assert "25.–26. Januar 2031" in german
    assert "25–26 January 2031" in english_html
    assert "Januar 2031" not in english_html
    assert 'href="/en/regionen/neumarkt/"' in english_html
    assert 'href="/regionen/neumarkt/"' in german


def test_a_series_shows_durations_not_timesince(client, event_index, make_event):
    lab = EventIndexPageFactory(
        parent=event_index, title="Regionallabor", slug="regionallabor", is_series=True
    )
    make_event(
        parent=lab,
        title="Modul 0",
        module_number=0,
        start=dt.datetime(2031, 1, 25, 10, 0, tzinfo=BERLIN),
        end=dt.datetime(2031, 1, 26, 22, 0, tzinfo=BERLIN),
    )
    english_tree()

    german = client.get("/veranstaltungen/regionallabor/").content.decode()
    english_html = client.get("/en/veranstaltungen/regionallabor/").content.decode()

    assert "Dauer: 1,5 Tage" in german
    assert "1 Tag, 12 Stunden" not in german
    assert "Duration: 1.5 days" in english_html


def test_the_api_lists_the_requested_locale(client, event_index, two_languages):
    german = client.get(API).json()
    english_answer = client.get(API, {"locale": "en"}).json()

    assert [event["title"] for event in german["results"]] == ["Winter-Webinar", "Netzwerktreffen"]
    assert [event["title"] for event in english_answer["results"]] == ["Winter webinar", "Network meeting"]
    winter = english_answer["results"][0]
    assert winter["kind_label"] == "Mitmach conference"
    assert winter["url"].endswith("/en/veranstaltungen/winter-webinar/")
    assert winter["region"]["url"].endswith("/en/regionen/neumarkt/")
    assert german["results"][0]["kind_label"] == "Mitmach-Konferenz"


def test_without_a_locale_the_api_lists_the_requests_language(client, event_index, two_languages):
    """The request's language: German at the API's address unless the client asks for another one."""
    answer = client.get(API).json()

    assert [event["title"] for event in answer["results"]] == ["Winter-Webinar", "Netzwerktreffen"]


def test_the_api_filters_by_region_in_english(client, event_index, two_languages):
    answer = client.get(API, {"locale": "en", "region": "neumarkt"}).json()

    assert [event["title"] for event in answer["results"]] == ["Winter webinar"]


@pytest.mark.parametrize("value", ["fr", "EN", "de-de", "x" * 300])
def test_an_unknown_locale_is_a_400_naming_it(client, event_index, value):
    response = client.get(API, {"locale": value})

    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == "locale"
    assert body["valid"] == ["de", "en"]


def test_the_english_calendar_feed_lists_the_english_tree_in_english(client, event_index, two_languages):
    english_feed = client.get("/en/veranstaltungen/kalender/").content.decode()
    german_feed = client.get("/veranstaltungen/kalender/").content.decode()

    assert "SUMMARY:Winter webinar" in english_feed
    assert "Winter-Webinar" not in english_feed
    assert "Upcoming events on" in english_feed
    assert "SUMMARY:Winter-Webinar" in german_feed
    assert "Winter webinar" not in german_feed
    assert "Upcoming events on" not in german_feed


def test_the_english_region_feed_lists_the_regions_english_events(client, event_index, two_languages):
    response = client.get("/en/veranstaltungen/kalender/region/neumarkt/")

    feed = response.content.decode()
    assert response.status_code == 200
    assert "SUMMARY:Winter webinar" in feed
    assert "Network meeting" not in feed
    assert "Winter-Webinar" not in feed


def test_the_english_region_page_shows_the_regions_english_events(client, event_index, two_languages):
    html = client.get("/en/regionen/neumarkt/").content.decode()

    assert "Winter webinar" in html
    assert "Winter-Webinar" not in html


def test_the_english_region_page_and_history_show_the_english_past_events(
    client, event_index, make_event, region, other_region
):
    past = make_event(title="Regionalgespräch", days=-10, regions=[region, other_region])
    english_tree()
    retitle(english(past), "Regional meeting")

    page = client.get("/en/regionen/neumarkt/")
    history = client.get("/en/veranstaltungen/rueckblick/neumarkt/")

    assert [event.title for event in page.context["past_events"]] == ["Regional meeting"]
    assert [event.title for event in history.context["past_events"]] == ["Regional meeting"]
    # The alias keeps the German regions; the cards link the English region pages.
    html = history.content.decode()
    assert 'href="/en/regionen/neumarkt/"' in html
    assert 'href="/en/regionen/wendland/"' in html
    assert 'href="/regionen/neumarkt/"' not in html
    assert client.get("/veranstaltungen/rueckblick/neumarkt/").context["past_events"][0].title == (
        "Regionalgespräch"
    )
