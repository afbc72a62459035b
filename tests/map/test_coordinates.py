"""Initiative.latitude/longitude follow ``location``; the migration fills them for existing rows."""

import importlib

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import CharField

import pytest

from common.points import parse_point, validate_point
from home.models import point
from regions.map.geo import BBox, InvalidBBox, distance_km, grid_cell_size
from regions.models import Initiative, RegionPage
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("regions.migrations.0005_initiative_coordinates")


def test_coordinates_follow_the_location_on_save(region):
    initiative = InitiativeFactory(region=region, location=point(49.28, 11.46))
    assert (initiative.latitude, initiative.longitude) == (49.28, 11.46)

    initiative.location = point(51.96, 7.62)
    initiative.save(update_fields=["location"])
    initiative.refresh_from_db()
    assert (initiative.latitude, initiative.longitude) == (51.96, 7.62)

    initiative.location = ""
    initiative.save()
    initiative.refresh_from_db()
    assert (initiative.latitude, initiative.longitude) == (None, None)


def test_malformed_or_out_of_range_location_has_no_coordinates(region):
    for location in ("SRID=4326;POINT(abc def)", "SRID=4326;POINT(200 95)", "Neumarkt"):
        initiative = InitiativeFactory(region=region, location=location)
        assert initiative.latitude is None
        assert initiative.longitude is None


def test_migration_fills_existing_rows(region):
    initiative = InitiativeFactory(region=region, location=point(49.28, 11.46))
    empty = InitiativeFactory(region=region, location="")
    Initiative.objects.update(latitude=None, longitude=None)  # as before the migration

    migration.fill_coordinates(apps, None)

    initiative.refresh_from_db()
    empty.refresh_from_db()
    assert (initiative.latitude, initiative.longitude) == (49.28, 11.46)
    assert empty.latitude is None


def test_parse_point_reads_the_geo_widget_format():
    assert parse_point("SRID=4326;POINT(11.4597 49.2804)") == (49.2804, 11.4597)
    assert parse_point("POINT(-3.5 -45)") == (-45.0, -3.5)
    assert parse_point("") is None
    assert parse_point(None) is None


NOT_A_POINT = [
    "SRID=4326;POINT(200 95)",  # out of range
    "SRID=4326;POINT(10 -90.5)",
    "SRID=4326;POINT(1.2.3 4)",  # malformed (used to raise in LocatedMixin.coordinates)
    "SRID=4326;POINT(1e999 4)",  # not finite
    "SRID=3857;POINT(11 49)",  # another reference system
    "SRID=4326;POINT(11 49) und mehr",
    "Neumarkt",
]


@pytest.mark.parametrize("value", NOT_A_POINT)
def test_one_parser_refuses_what_is_not_a_wgs84_point(value):
    assert parse_point(value) is None
    assert RegionPage(location=value).coordinates is None
    with pytest.raises(ValidationError) as error:
        validate_point(value)
    assert error.value.code == "invalid_point"


def test_coordinates_and_the_parser_agree():
    assert RegionPage(location="SRID=4326;POINT(-180 90)").coordinates == {"lat": 90.0, "lng": -180.0}
    assert RegionPage(location="").coordinates is None
    validate_point("")
    validate_point("SRID=4326;POINT(11.46 49.28)")


def test_every_location_field_has_the_point_validator():
    fields = [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, CharField) and field.name in ("location", "map_location")
    ]
    assert {f"{f.model._meta.label}.{f.name}" for f in fields} >= {
        "regions.RegionPage.location",
        "regions.Initiative.location",
        "events.EventPage.location",
        "members.User.map_location",
    }
    assert all(validate_point in field.validators for field in fields)


def test_bbox_parsing():
    assert BBox.parse(" 5.8, 47.2 ,15.1,55.1") == BBox(5.8, 47.2, 15.1, 55.1)
    for bad in ("", "1,2,3", "x,1,2,3", "3,1,2,4", "1,4,2,3", "1,2,3,nan"):
        with pytest.raises(InvalidBBox):
            BBox.parse(bad)


def test_grid_cells_are_powers_of_two_that_follow_the_span():
    germany = grid_cell_size(BBox(5.8, 47.2, 15.1, 55.1))
    city = grid_cell_size(BBox(13.2, 52.4, 13.55, 52.65))
    assert germany == 0.25
    assert city == 2.0**-7
    assert 24 <= 9.3 / germany <= 48


def test_distance():
    # Berlin – Munich, about 504 km as the crow flies.
    assert 500 < distance_km(52.52, 13.405, 48.137, 11.575) < 510
    assert distance_km(50, 10, 50, 10) == 0
