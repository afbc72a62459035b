"""Wagtail's API v3 shows our own fields of every public page type, and nothing private."""

import json
from datetime import datetime

import pytest

from home.models import SDG, FieldOfAction
from tests.actions.factories import ActionPageFactory
from tests.events.factories import EventPageFactory
from tests.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def page_json(client, page):
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_an_action_shows_its_taxonomy_by_name(client, action_index, region):
    climate = FieldOfAction.objects.first()
    action = ActionPageFactory(
        parent=action_index,
        title="Repair-Café gründen",
        taxonomy__fields=[climate],
        taxonomy__sdgs=[SDG.objects.get(number=12)],
    )
    action.regions.set([region])
    action.save_revision().publish()

    data = page_json(client, action)

    assert data["meta"]["type"] == "actions.ActionPage"
    assert data["summary"] == "Eine erprobte Aktion."
    assert (data["effort"], data["impact"], data["duration"]) == ("low", "high", "ein Nachmittag")
    assert [
        (field["slug"], field["name"], field["colour"], field["meta"]["type"])
        for field in data["fields_of_action"]
    ] == [(climate.slug, climate.name, climate.colour, "home.FieldOfAction")]
    assert [(sdg["number"], sdg["title_de"]) for sdg in data["sdgs"]] == [
        (12, SDG.objects.get(number=12).title_de)
    ]
    assert [resource["slug"] for resource in data["resources"]] == ["time"]
    assert [item["id"] for item in data["regions"]] == [region.pk]
    assert data["regions"][0]["meta"]["type"] == "regions.RegionPage"


def test_the_openapi_schema_describes_the_action_fields(client):
    schema = client.get("/api/v3/openapi.json").json()
    action = schema["components"]["schemas"]["ActionPageSchema"]["properties"]
    for name in ("summary", "effort", "impact", "fields_of_action", "sdgs", "resources", "regions", "body"):
        assert name in action, name


def test_the_interactive_docs_load_their_assets_from_this_site(client):
    response = client.get("/api/v3/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html
    assert "/api/v3/openapi.json" in html


@pytest.mark.parametrize("site", ["localhost:abc", "a:b:c", "localhost:123456"])
def test_a_malformed_site_filter_is_a_bad_request(client, home_page, site):
    response = client.get("/api/v3/pages/find/", {"html_path": "/", "site": site})

    assert response.status_code == 400
    assert response.json()["parameter"] == "site"


def test_a_site_filter_with_a_port_still_finds_the_page(client, home_page):
    response = client.get("/api/v3/pages/find/", {"html_path": "/", "site": "localhost:80"})

    assert response.status_code == 302


def test_a_region_shows_place_and_status_but_never_its_contact_address(client, region):
    region.fields_of_action.set([FieldOfAction.objects.first()])
    region.save_revision().publish()

    data = page_json(client, region)

    assert data["status"] == "active"
    assert data["start_year"] == 2023
    assert data["area_description"] == "Stadt und Landkreis"
    assert data["coordinates"] == {"lat": 49.2804, "lng": 11.4597}
    assert [field["slug"] for field in data["fields_of_action"]] == [FieldOfAction.objects.first().slug]
    assert "contact_email" not in data
    assert "@" not in json.dumps(data)


def test_an_event_shows_times_format_and_region(client, event_index, region):
    event = EventPageFactory(
        parent=event_index, title="Regionalgespräch", regions=[region], format="hybrid", venue="Rathaus"
    )
    event.save_revision().publish()

    data = page_json(client, event)

    assert data["meta"]["type"] == "events.EventPage"
    assert (data["kind"], data["format"], data["venue"]) == ("webinar", "hybrid", "Rathaus")
    assert datetime.fromisoformat(data["start"]) == event.start
    assert datetime.fromisoformat(data["end"]) == event.end
    assert data["region"]["id"] == region.pk
    assert "ical_sequence" not in data


def test_news_show_date_regions_and_tags(client, news_index, region):
    news = NewsPageFactory(parent=news_index, title="Neues aus Neumarkt")
    news.regions.set([region])
    news.tags.add("Energie")
    news.save_revision().publish()

    data = page_json(client, news)

    assert data["date"] == "2026-10-01"
    assert data["intro"] == "Was sich im Netzwerk tut."
    assert [item["id"] for item in data["regions"]] == [region.pk]
    assert data["tags"] == ["Energie"]
    assert data["image"]["id"] == news.image_id
