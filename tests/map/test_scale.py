"""Many initiatives: server-side clusters above the limit, payload size, and a bounded number of queries."""

import gzip

import pytest

from home.models import FieldOfAction
from regions.map import layers
from regions.models import Initiative
from tests.map.factories import bulk_initiatives, make_card, make_region
from tests.map.helpers import FEATURES

pytestmark = pytest.mark.django_db

GERMANY = "5.8,47.2,15.1,55.1"


@pytest.fixture
def region(region_index):
    return make_region(region_index, "Neumarkt", 49.2803, 11.4625)


def test_up_to_the_limit_every_point_comes_alone(client, region, monkeypatch):
    monkeypatch.setattr(layers, "MAP_FEATURE_LIMIT", 20)
    bulk_initiatives(region, 19)  # + 1 region = 20

    collection = client.get(FEATURES).json()

    assert collection["clustered"] is False
    assert len(collection["features"]) == 20
    assert collection["limit"] == 20


def test_above_the_limit_initiatives_come_as_grid_clusters(client, region, monkeypatch):
    monkeypatch.setattr(layers, "MAP_FEATURE_LIMIT", 20)
    bulk_initiatives(region, 20)  # + 1 region = 21
    make_card("Alex", 49.28, 11.46)

    collection = client.get(FEATURES, {"bbox": GERMANY}).json()

    assert collection["clustered"] is True
    clusters = [f for f in collection["features"] if f["properties"]["cluster"]]
    points = [f for f in collection["features"] if not f["properties"]["cluster"]]
    # Regions stay single points; initiatives and member cards are counted per grid cell.
    assert [f["properties"]["layer"] for f in points] == ["regions"]
    assert {f["properties"]["layer"] for f in clusters} == {"initiatives", "members"}
    assert sum(f["properties"]["count"] for f in clusters if f["properties"]["layer"] == "initiatives") == 20
    assert collection["total"] == 22
    for cluster in clusters:
        properties = cluster["properties"]
        assert properties["count"] >= 1
        west, south, east, north = properties["bounds"]
        lng, lat = cluster["geometry"]["coordinates"]
        assert west - 1e-9 <= lng <= east + 1e-9
        assert south - 1e-9 <= lat <= north + 1e-9
        assert "name" not in properties


def test_cluster_cells_follow_the_box(client, region, monkeypatch):
    monkeypatch.setattr(layers, "MAP_FEATURE_LIMIT", 50)
    bulk_initiatives(region, 200, box=(48.0, 10.0, 50.0, 12.0))

    wide = client.get(FEATURES, {"bbox": GERMANY, "layer": "initiatives"}).json()
    narrow = client.get(FEATURES, {"bbox": "10,48,12,50", "layer": "initiatives"}).json()

    assert wide["clustered"] and narrow["clustered"]
    # A smaller box has smaller cells: more, smaller clusters for the same points.
    assert len(narrow["features"]) > len(wide["features"])
    assert sum(f["properties"]["count"] for f in narrow["features"]) == 200


def test_field_filter_applies_to_clusters(client, region, monkeypatch):
    monkeypatch.setattr(layers, "MAP_FEATURE_LIMIT", 10)
    bulk_initiatives(region, 100)
    slug = FieldOfAction.objects.first().slug
    expected = Initiative.objects.filter(fields_of_action__slug=slug).count()

    collection = client.get(FEATURES, {"field": slug, "layer": "initiatives"}).json()

    assert collection["clustered"]
    assert sum(f["properties"]["count"] for f in collection["features"]) == expected


def test_25000_initiatives_over_germany_stay_well_under_a_megabyte(client, region):
    bulk_initiatives(region, 25_000)

    response = client.get(FEATURES, {"bbox": GERMANY})
    city = client.get(FEATURES, {"bbox": "13.2,52.4,13.55,52.65"})  # Berlin, about 0.35° × 0.25°

    collection = response.json()
    assert collection["clustered"] is True
    assert collection["total"] == 25_001
    assert len(collection["features"]) <= layers.MAP_FEATURE_LIMIT
    assert len(gzip.compress(response.content)) < 1_000_000 / 4
    city_collection = city.json()
    assert city_collection["clustered"] is False
    assert 0 < len(city_collection["features"]) <= layers.MAP_FEATURE_LIMIT
    assert len(gzip.compress(city.content)) < 1_000_000


# --- Query counts ---------------------------------------------------------------------------------------


def fill(region, count):
    bulk_initiatives(region, count, seed=count)
    for number in range(count // 10):
        make_card(f"Mitglied {count}-{number}", 49 + number / 100, 11, fields=FieldOfAction.objects.all()[:2])


@pytest.mark.parametrize(
    "params",
    [{}, {"bbox": GERMANY}, {"field": "ernaehrungssystem"}, {"layer": "initiatives"}],
)
def test_endpoint_query_count_does_not_grow_with_features(
    client, region, django_assert_max_num_queries, params, monkeypatch
):
    fill(region, 10)
    client.get(FEATURES, {"layer": "regions"})  # warm-up: the session and Wagtail's site root paths
    with django_assert_max_num_queries(12):
        few = client.get(FEATURES, params)
    fill(region, 300)
    with django_assert_max_num_queries(12):
        many = client.get(FEATURES, params)

    assert len(many.json()["features"]) > len(few.json()["features"])


def test_clustered_answer_has_a_bounded_query_count(
    client, region, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr(layers, "MAP_FEATURE_LIMIT", 50)
    fill(region, 300)
    client.get(FEATURES, {"layer": "regions"})  # warm-up: the session and Wagtail's site root paths

    with django_assert_max_num_queries(12):
        collection = client.get(FEATURES).json()

    assert collection["clustered"]
