"""Wagtail's API v3 shows our own fields of every public page type, and nothing private."""

import pytest

from home.models import SDG, FieldOfAction
from tests import factories

pytestmark = pytest.mark.django_db


def page_json(client, page):
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_an_action_shows_its_taxonomy_by_name(client, action_index, region):
    climate = FieldOfAction.objects.first()
    action = factories.ActionPageFactory(
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
