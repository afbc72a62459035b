"""The events API: GET /api/v3/events/ with filters, pagination and 400 problem bodies."""

import datetime as dt
from zoneinfo import ZoneInfo

from wagtail.models import PageViewRestriction

import pytest

from tests.events.helpers import ENERGY, FOOD

pytestmark = pytest.mark.django_db
API = "/api/v3/events/"
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def events(make_event, region, other_region):
    return {
        "winter": make_event(
            title="Winter-Webinar",
            summary="Im Winter.",
            start=dt.datetime(2031, 1, 14, 18, 0, tzinfo=BERLIN),
            regions=[region],
            fields=[ENERGY, FOOD],
        ),
        "summer": make_event(
            title="Sommer-Konferenz",
            kind="conference",
            format="live",
            venue="Reitstadel",
            start=dt.datetime(2031, 7, 5, 10, 0, tzinfo=BERLIN),
            regions=[other_region],
            fields=[FOOD],
        ),
        "soon": make_event(days=2, title="Bald", kind="live_call"),
        "past": make_event(days=-5, title="Vorbei", recording_url="https://vimeo.com/5", fields=[ENERGY]),
        "older": make_event(days=-50, title="Länger vorbei", kind="office_hours"),
    }


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_an_event_with_all_its_fields(client, events, region):
    body = client.get(API).json()
    item = next(item for item in body["results"] if item["title"] == "Winter-Webinar")
    event = events["winter"]

    assert item == {
        "id": event.pk,
        "title": "Winter-Webinar",
        "url": event.full_url,
        "summary": "Im Winter.",
        "kind": "webinar",
        "kind_label": "Webinar",
        "format": "online",
        "format_label": "Online",
        "start": "2031-01-14T18:00:00+01:00",
        "end": "2031-01-14T20:00:00+01:00",
        "is_recurring": False,
        "recurrence": "",
        "exceptions": [],
        "next_dates": [{"start": "2031-01-14T18:00:00+01:00", "end": "2031-01-14T20:00:00+01:00"}],
        "regions": [{"id": region.pk, "title": "Neumarkt in der Oberpfalz", "url": region.full_url}],
        # deprecated: the first of the regions
        "region": {"id": region.pk, "title": "Neumarkt in der Oberpfalz", "url": region.full_url},
        "fields": [
            {"slug": ENERGY, "name": "Energie und Verkehr"},
            {"slug": FOOD, "name": "Ernährungssystem"},
        ],
        "recording_url": "",
        "ical_url": event.full_url + "kalender/",
    }


def test_times_carry_the_berlin_offset_in_summer_too(client, events):
    item = next(item for item in client.get(API).json()["results"] if item["title"] == "Sommer-Konferenz")

    assert item["start"] == "2031-07-05T10:00:00+02:00"
    assert item["region"]["title"] == "Wendland"


def test_upcoming_by_default_soonest_first_past_latest_first(client, events):
    assert titles(client.get(API)) == ["Bald", "Winter-Webinar", "Sommer-Konferenz"]
    assert titles(client.get(API, {"when": "upcoming"})) == ["Bald", "Winter-Webinar", "Sommer-Konferenz"]
    past = client.get(API, {"when": "past"})
    assert titles(past) == ["Vorbei", "Länger vorbei"]
    assert past.json()["results"][0]["recording_url"] == "https://vimeo.com/5"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=conference", ["Sommer-Konferenz"]),
        ("kind=conference&kind=live_call", ["Bald", "Sommer-Konferenz"]),
        (f"field={ENERGY}", ["Winter-Webinar"]),
        (f"field={FOOD}", ["Winter-Webinar", "Sommer-Konferenz"]),
        (f"field={ENERGY}&field={FOOD}", ["Winter-Webinar", "Sommer-Konferenz"]),
        ("format=live", ["Sommer-Konferenz"]),
        ("region=neumarkt", ["Winter-Webinar"]),
        ("region=neumarkt&region=wendland", ["Winter-Webinar", "Sommer-Konferenz"]),
        (f"region=wendland&field={FOOD}&format=live", ["Sommer-Konferenz"]),
        (f"region=neumarkt&field={FOOD}&format=live", []),
        (f"when=past&field={ENERGY}", ["Vorbei"]),
        ("when=past&kind=office_hours", ["Länger vorbei"]),
    ],
)
def test_filters(client, events, query, expected):
    response = client.get(f"{API}?{query}")

    assert titles(response) == expected
    assert response.json()["count"] == len(expected)


def test_limit_and_offset(client, events):
    body = client.get(API, {"limit": "2", "offset": "1"}).json()

    assert body["count"] == 3
    assert (body["limit"], body["offset"], body["when"]) == (2, 1, "upcoming")
    assert [item["title"] for item in body["results"]] == ["Winter-Webinar", "Sommer-Konferenz"]
    assert client.get(API, {"offset": "3"}).json()["results"] == []


def test_only_live_public_pages(client, make_event):
    make_event(title="Öffentlich")
    make_event(title="Entwurf", live=False)
    private = make_event(title="Nur für Angemeldete")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert titles(client.get(API)) == ["Öffentlich"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"when": "gestern"}, "when"),
        ({"kind": "party"}, "kind"),
        ({"field": "gibt-es-nicht"}, "field"),
        ({"format": "telepathie"}, "format"),
        ({"region": "atlantis"}, "region"),
        ({"region": "<script>alert(1)</script>"}, "region"),
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "abc"}, "limit"),
        ({"limit": "9" * 500}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "²"}, "offset"),
        ({"offset": "10001"}, "offset"),
        ({"kind": "x" * 5000}, "kind"),
        ({"regoin": "neumarkt"}, "regoin"),
    ],
)
def test_bad_input_is_a_400_problem_naming_the_parameter(client, events, params, parameter):
    response = client.get(API, params)

    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    assert body["parameter"] == parameter
    assert body["detail"]


def test_the_400_names_the_valid_values(client, events):
    assert client.get(API, {"format": "x"}).json()["valid"] == ["online", "live", "hybrid"]
    assert client.get(API, {"when": "x"}).json()["valid"] == ["upcoming", "past"]
    assert client.get(API, {"region": "x"}).json()["valid"] == ["neumarkt", "wendland"]
    assert "region" in client.get(API, {"regoin": "x"}).json()["valid"]


def test_the_openapi_schema_documents_the_endpoint(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/events/"]["get"]

    assert operation["summary"] == "Veranstaltungen auflisten und filtern"
    assert "upcoming" in operation["description"]
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert {"when", "kind", "field", "format", "region", "limit", "offset"} <= parameters
    assert {"200", "400"} <= set(operation["responses"])
    assert "Veranstaltungen" in operation["tags"]


def test_anonymous_responses_are_cached_until_a_publish(client, make_event):
    event = make_event(title="Erster Titel")
    assert titles(client.get(API)) == ["Erster Titel"]

    event.title = "Zweiter Titel"
    event.save_revision().publish()

    assert titles(client.get(API)) == ["Zweiter Titel"]
