"""The map's GeoJSON endpoint and "regions near": RFC 7946, filters, privacy, bad input."""

import math
import re

import pytest

from regions.map.api import FeatureCollectionOut, NearOut
from regions.map.query import LAYERS
from regions.models import ApprovalStatus
from tests.map.helpers import FEATURES, NEAR, names
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def get(client, **params):
    response = client.get(FEATURES, params)
    assert response.status_code == 200, response.content
    return response.json()


def problem(client, url=FEATURES, **params):
    response = client.get(url, params)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["status"] == 400
    assert body["title"] == "Ungültige Anfrage"  # German, the default language of the API
    assert body["detail"]
    return body


# --- RFC 7946 -------------------------------------------------------------------------------------------


def assert_rfc7946(collection):
    """The parts of RFC 7946 a FeatureCollection of Points has to follow."""
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # removed from GeoJSON by RFC 7946 (section 4)
    assert isinstance(collection["features"], list)
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert "crs" not in feature
        assert isinstance(feature["id"], str | int)
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        assert "crs" not in geometry
        lng, lat = geometry["coordinates"]  # exactly two positions: longitude first
        assert all(isinstance(value, float | int) and math.isfinite(value) for value in (lng, lat))
        assert -180 <= lng <= 180
        assert -90 <= lat <= 90
    if "bbox" in collection:
        west, south, east, north = collection["bbox"]
        assert west <= east
        assert south <= north
        for feature in collection["features"]:
            lng, lat = feature["geometry"]["coordinates"]
            assert west <= lng <= east
            assert south <= lat <= north


def test_features_are_a_valid_rfc_7946_feature_collection(client, world):
    response = client.get(FEATURES)

    assert response["Content-Type"] == "application/geo+json"
    collection = response.json()
    assert_rfc7946(collection)
    FeatureCollectionOut.model_validate(collection)  # the documented schema
    assert collection["clustered"] is False
    assert collection["total"] == len(collection["features"])


def test_coordinates_are_longitude_then_latitude(client, world):
    collection = get(client)

    by_name = {f["properties"]["name"]: f for f in collection["features"]}
    assert by_name["SoLaWi Jurahöfe"]["geometry"]["coordinates"] == [11.4021, 49.2489]
    assert by_name["Neumarkt"]["geometry"]["coordinates"] == [11.4625, 49.2803]


def test_each_feature_has_the_documented_properties(client, world):
    collection = get(client)

    by_name = {f["properties"]["name"]: f["properties"] for f in collection["features"]}
    ids = [f["properties"]["id"] for f in collection["features"]]
    assert len(ids) == len(set(ids))
    assert all(f["id"] == f["properties"]["id"] for f in collection["features"])

    region = by_name["Münsterland"]
    assert region["id"] == f"region-{world['muenster'].pk}"
    assert region["layer"] == "regions"
    assert region["kind"] == "region"
    assert region["kind_label"] == "Mitmach-Region"
    assert region["status"] == "forming"
    assert region["status_label"] == "Im Aufbau (Regionallabor)"
    assert region["url"] == world["muenster"].url
    assert region["fields"] == [
        {"slug": "energie-und-verkehr", "name": "Energie und Verkehr", "colour": "#C25E00"}
    ]

    initiative = by_name["SoLaWi Jurahöfe"]
    assert initiative["id"] == f"initiative-{world['solawi'].pk}"
    assert initiative["layer"] == "initiatives"
    assert (initiative["kind"], initiative["kind_label"]) == ("association", "Verein")
    assert initiative["url"] == f"/mitmachen/initiativen/{world['solawi'].pk}/"  # its profile
    assert initiative["region_url"] == world["neumarkt"].url
    assert initiative["region"] == "Neumarkt"
    assert [f["slug"] for f in initiative["fields"]] == ["ernaehrungssystem"]

    card = by_name["Alex aus Neumarkt"]
    assert card["id"] == f"member-{world['alex'].pk}"
    assert (card["layer"], card["kind"], card["kind_label"]) == ("members", "member", "Mitglied")
    assert card["url"] == world["neumarkt"].url  # the region the member joined

    assert by_name["Kim"]["url"] is None  # no region joined: no link


# --- Only public data -----------------------------------------------------------------------------------


def test_only_public_entries_appear(client, world):
    collection = get(client)

    assert names(collection, "regions") == ["Münsterland", "Neumarkt"]
    # The draft region's approved initiative is public, but without a link to (or the name of) the draft.
    assert names(collection, "initiatives") == [
        "Initiative der Entwurfsregion",
        "Lastenrad Münsterland",
        "SoLaWi Jurahöfe",
    ]
    draft_child = next(
        f for f in collection["features"] if f["properties"]["name"] == "Initiative der Entwurfsregion"
    )
    assert draft_child["properties"]["region_url"] is None
    assert draft_child["properties"]["region"] is None
    # Opted in, verified and active only; a name that is an e-mail address is not shown.
    assert names(collection, "members") == ["Alex aus Neumarkt", "Kim", "Mitglied"]


def test_member_card_without_coordinates_sits_at_its_town(client, world):
    collection = get(client, layer="members")

    kim = next(f for f in collection["features"] if f["properties"]["name"] == "Kim")
    lng, lat = kim["geometry"]["coordinates"]
    assert (round(lat, 2), round(lng, 2)) == (lat, lng)  # coarse: the centre of Münster, rounded
    assert abs(lat - 51.96) < 0.05
    assert abs(lng - 7.63) < 0.05
    assert kim["properties"]["place"] == "Münster"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"layer": "members"},
        {"layer": "initiatives"},
        {"bbox": "5,47,16,56"},
        {"field": "ernaehrungssystem"},
    ],
)
def test_no_private_data_in_any_answer(client, world, params):
    body = client.get(FEATURES, params).content.decode()

    assert not EMAIL.search(body)
    assert "@" not in body
    for secret in (
        "contact_email",
        "team@",
        "submitted_by",
        "review_note",
        "Interne Notiz",
        "Einreicher",
        "einreicher",
        "solawi.example",
        "Geheime Region",
        "Noch nicht geprüft",
        "Abgelehnt",
        "Nicht auf der Karte",
        "Unbestätigt",
        "Inaktiv",
        "mitglied",  # usernames of the factories
    ):
        assert secret not in body


def test_pending_initiative_of_a_region_never_appears_even_in_its_box(client, world):
    collection = get(client, bbox="11.4,49.25,11.6,49.35", layer="initiatives")

    assert names(collection) == []  # only the pending and rejected ones are in that box


# --- Filters --------------------------------------------------------------------------------------------


def test_bbox_keeps_what_lies_inside(client, world):
    collection = get(client, bbox="11.0,49.0,12.0,49.5")

    assert names(collection) == ["Alex aus Neumarkt", "Neumarkt", "SoLaWi Jurahöfe"]
    assert_rfc7946(collection)


def test_bbox_edges_are_inclusive(client, world):
    collection = get(client, bbox="11.4021,49.2489,11.4021,49.2489", layer="initiatives")

    assert names(collection) == ["SoLaWi Jurahöfe"]


@pytest.mark.parametrize(
    "bbox",
    [
        "",
        "1,2,3",
        "1,2,3,4,5",
        "a,b,c,d",
        "5,47,15",
        "5;47;15;55",
        "nan,47,15,55",
        "inf,47,15,55",
        "5,47,15,1e400",
        "15,47,5,55",  # west > east
        "5,55,15,47",  # south > north
        "-181,47,15,55",
        "5,47,181,55",
        "5,-91,15,55",
        "5,47,15,91",
    ],
)
def test_bad_bbox_is_a_400_with_a_clear_message(client, world, bbox):
    body = problem(client, bbox=bbox or ",")

    assert body["parameter"] == "bbox"
    assert "west" in body["detail"].lower() or "bbox" in body["detail"] or "Süd" in body["detail"]


def test_two_bboxes_are_a_400(client, world):
    response = client.get(f"{FEATURES}?bbox=5,47,15,55&bbox=6,48,7,49")

    assert response.status_code == 400
    assert response.json()["parameter"] == "bbox"


def test_field_filter_ors_values_within(client, world):
    energy = get(client, field="energie-und-verkehr")
    both = client.get(f"{FEATURES}?field=energie-und-verkehr&field=ernaehrungssystem").json()

    assert names(energy) == ["Kim", "Lastenrad Münsterland", "Münsterland"]
    assert names(both) == [
        "Alex aus Neumarkt",
        "Kim",
        "Lastenrad Münsterland",
        "Münsterland",
        "Neumarkt",
        "SoLaWi Jurahöfe",
    ]


def test_unknown_field_is_a_400_listing_the_valid_ones(client, world):
    body = problem(client, field="klimaschutz")

    assert body["parameter"] == "field"
    assert "klimaschutz" in body["detail"]
    assert "energie-und-verkehr" in body["valid"]
    assert "ernaehrungssystem" in body["valid"]


def test_layer_filter(client, world):
    only_initiatives = get(client, layer="initiatives")
    regions_and_members = client.get(f"{FEATURES}?layer=regions&layer=members").json()

    assert {f["properties"]["layer"] for f in only_initiatives["features"]} == {"initiatives"}
    assert {f["properties"]["layer"] for f in regions_and_members["features"]} == {"regions", "members"}


def test_unknown_layer_is_a_400_listing_the_valid_ones(client, world):
    body = problem(client, layer="events")

    assert body["parameter"] == "layer"
    assert body["valid"] == list(LAYERS)


def test_unknown_parameter_is_a_400(client, world):
    body = problem(client, zoom="7")

    assert body["parameter"] == "zoom"
    assert body["valid"] == ["layer", "field", "bbox", "locale"]


def test_filters_combine(client, world):
    collection = client.get(f"{FEATURES}?layer=initiatives&field=ernaehrungssystem&bbox=11,49,12,50").json()

    assert names(collection) == ["SoLaWi Jurahöfe"]


def test_initiative_without_a_position_is_left_out(client, world):
    InitiativeFactory(region=world["neumarkt"], name="Ohne Ort", approval_status=ApprovalStatus.APPROVED)

    assert "Ohne Ort" not in names(get(client))


def test_openapi_schema_documents_the_endpoints(client):
    schema = client.get("/api/v3/openapi.json").json()

    operation = schema["paths"]["/api/v3/map/features"]["get"]
    assert operation["summary"]
    assert "RFC 7946" in operation["description"]
    assert {p["name"] for p in operation["parameters"]} >= {"layer", "field", "bbox", "locale"}
    assert "application/geo+json" in operation["responses"]["200"]["content"]
    assert "400" in operation["responses"]
    assert "FeatureCollectionOut" in schema["components"]["schemas"]
    assert "/api/v3/map/regions/near" in schema["paths"]


# --- Regions near a place -------------------------------------------------------------------------------


def test_regions_near_a_city(client, world):
    response = client.get(NEAR, {"q": "münster"})

    assert response.status_code == 200
    body = NearOut.model_validate(response.json())
    assert body.place.name == "Münster"
    assert body.place.source == "place"
    assert [region.title for region in body.regions] == ["Münsterland", "Neumarkt"]
    assert body.regions[0].distance_km == 0
    assert 380 < body.regions[1].distance_km < 420
    assert body.regions[0].url == world["muenster"].url


def test_regions_near_coordinates(client, world):
    body = client.get(NEAR, {"q": "49.3, 11.5", "limit": "1"}).json()

    assert body["place"]["source"] == "coordinates"
    assert [region["title"] for region in body["regions"]] == ["Neumarkt"]
    assert body["regions"][0]["distance_km"] == 3


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"q": "Atlantis"}, "q"),
        ({"q": ""}, "q"),
        ({}, "q"),
        ({"q": "91, 7"}, "q"),
        ({"q": "51, 181"}, "q"),
        ({"q": "Berlin", "limit": "0"}, "limit"),
        ({"q": "Berlin", "limit": "viele"}, "limit"),
        ({"q": "Berlin", "limit": "51"}, "limit"),
    ],
)
def test_regions_near_bad_input_is_a_400(client, world, params, parameter):
    body = problem(client, NEAR, **params)

    assert body["parameter"] == parameter


def test_unknown_place_message_names_the_place(client, world):
    body = problem(client, NEAR, q="Atlantis")

    assert "Atlantis" in body["detail"]


def test_regions_near_shows_no_draft_region(client, world):
    body = client.get(NEAR, {"q": "50.0, 10.0"}).json()

    assert "Geheime Region" not in [region["title"] for region in body["regions"]]
