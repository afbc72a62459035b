"""The map in English: the same entries and stored clusters as in German, with the English pages' names and
links (under /en/); ``locale`` chooses the language of the answer."""

import pytest

from regions.map import layers
from regions.models import MapPoint, RegionPage
from tests.helpers import english_tree
from tests.map.helpers import FEATURES, NEAR

pytestmark = pytest.mark.django_db


def english(page):
    return RegionPage.objects.get(translation_key=page.translation_key, locale__language_code="en")


def features(client, headers=None, **params):
    response = client.get(FEATURES, params, headers=headers)
    assert response.status_code == 200, response.content
    return {feature["id"]: feature["properties"] for feature in response.json()["features"]}


@pytest.fixture
def both(world):
    points = MapPoint.objects.count()
    english_tree()
    assert MapPoint.objects.count() == points  # the stored clusters do not double
    return world


def test_english_map_has_the_same_points_as_the_german_one(client, both):
    german = features(client, locale="de")
    english_features = features(client, locale="en")

    assert len(english_features) == len(german)
    assert sorted(p["layer"] for p in english_features.values()) == sorted(
        p["layer"] for p in german.values()
    )
    # The same initiatives and member cards (the regions' ids are those of each language's pages).
    assert {i for i in english_features if not i.startswith("region-")} == {
        i for i in german if not i.startswith("region-")
    }
    assert sorted(p["name"] for p in english_features.values() if p["layer"] == "regions") == sorted(
        p["name"] for p in german.values() if p["layer"] == "regions"
    )
    assert [p["name"] for p in german.values() if p["layer"] == "regions"].count("Neumarkt") == 1


def test_english_map_links_to_english_pages(client, both):
    neumarkt = english(both["neumarkt"])

    english_features = features(client, locale="en")
    german = features(client, locale="de")

    region = english_features[f"region-{neumarkt.pk}"]
    assert region["url"] == neumarkt.url
    assert region["url"].startswith("/en/regionen/")
    assert region["status_label"] == "Active"
    assert region["kind_label"] == "Mitmach region"
    solawi = english_features[f"initiative-{both['solawi'].pk}"]
    assert solawi["url"] == f"/en/mitmachen/initiativen/{both['solawi'].pk}/"
    assert solawi["region_url"] == neumarkt.url
    assert solawi["region"] == "Neumarkt"
    alex = english_features[f"member-{both['alex'].pk}"]
    assert alex["url"] == neumarkt.url
    assert all(p["url"].startswith("/en/") for p in english_features.values() if p["url"])
    # German: the German pages, the same entries.
    assert german[f"region-{both['neumarkt'].pk}"]["url"] == both["neumarkt"].url
    assert german[f"initiative-{both['solawi'].pk}"]["region_url"] == both["neumarkt"].url
    assert german[f"region-{both['neumarkt'].pk}"]["status_label"] == "Aktiv"
    assert not any(p["url"].startswith("/en/") for p in german.values() if p["url"])


def test_an_english_title_names_the_region_on_the_english_map_only(client, both):
    neumarkt = english(both["neumarkt"])
    RegionPage.objects.filter(pk=neumarkt.pk).update(title="Neumarkt (Upper Palatinate)")

    english_features = features(client, locale="en")
    german = features(client, locale="de")

    assert english_features[f"region-{neumarkt.pk}"]["name"] == "Neumarkt (Upper Palatinate)"
    assert english_features[f"initiative-{both['solawi'].pk}"]["region"] == "Neumarkt (Upper Palatinate)"
    assert german[f"initiative-{both['solawi'].pk}"]["region"] == "Neumarkt"


def test_locale_defaults_to_accept_language_and_else_german(client, both):
    # Like the rest of the API (common/api_language.py): the client's Accept-Language, else German.
    neumarkt = both["neumarkt"]
    german = features(client)
    english = features(client, headers={"accept-language": "en"})

    assert german[f"region-{neumarkt.pk}"]["url"] == neumarkt.url
    assert not neumarkt.url.startswith("/en/")
    assert german[f"region-{neumarkt.pk}"]["status_label"] == "Aktiv"
    assert english == features(client, locale="en")


def test_clustered_answers_count_the_same_in_both_languages(client, both, monkeypatch):
    monkeypatch.setattr(layers, "MAP_FEATURE_LIMIT", 1)
    totals = {}
    for locale in ("de", "en"):
        collection = client.get(FEATURES, {"locale": locale}).json()
        assert collection["clustered"]
        totals[locale] = collection["total"]

    assert totals["de"] == totals["en"]


@pytest.mark.parametrize("value", ["fr", "EN", "deutsch", "<script>"])
def test_unknown_locale_is_a_400_listing_the_valid_ones(client, both, value):
    for url in (FEATURES, NEAR):
        response = client.get(url, {"locale": value, "q": "Münster"})

        assert response.status_code == 400, response.content
        body = response.json()
        assert body["parameter"] == "locale"
        assert body["valid"] == ["de", "en"]
        assert value not in body["valid"]


def test_repeated_locale_is_a_400(client, both):
    response = client.get(f"{FEATURES}?locale=de&locale=en")

    assert response.status_code == 400
    assert response.json()["parameter"] == "locale"


def test_regions_near_in_english(client, both):
    response = client.get(NEAR, {"q": "münster", "locale": "en"})

    assert response.status_code == 200
    regions = response.json()["regions"]
    assert [region["url"] for region in regions] == [
        english(both["muenster"]).url,
        english(both["neumarkt"]).url,
    ]
    assert all(region["url"].startswith("/en/regionen/") for region in regions)
    assert regions[0]["status_label"] == "Forming (Regionallabor)"


def test_english_map_page_lists_english_pages(client, both):
    html = client.get("/en/regionen/").content.decode()

    assert f'href="{english(both["neumarkt"]).url}"' in html
    assert f'href="{both["neumarkt"].url}"' not in html
    assert html.count(">SoLaWi Jurahöfe<") <= 1
    assert "SoLaWi Jurahöfe" in html


def test_openapi_summaries_are_english(client):
    schema = client.get("/api/v3/openapi.json", HTTP_ACCEPT_LANGUAGE="en").json()

    assert schema["paths"]["/api/v3/map/features"]["get"]["summary"] == (
        "Map: regions, initiatives and members as GeoJSON"
    )
    assert schema["paths"]["/api/v3/map/regions/near"]["get"]["summary"] == "Mitmach regions near a place"
