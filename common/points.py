"""The one parser and validator of a stored point: ``SRID=4326;POINT(lng lat)`` as wagtail-geo-widget writes it.

Every ``location`` field keeps its point as text (no GIS database needed). ``parse_point`` gives ``(lat, lng)``
for a valid WGS 84 point and None for anything else — empty, malformed (``POINT(1.2.3 4)``), another SRID or
out of range (``POINT(200 95)``) — so readers never see a position the map cannot show. ``validate_point`` is
on every such field, so forms, the admin and the API's write endpoints refuse what ``parse_point`` would not
read.
"""

import math
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_NUMBER = r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_POINT = re.compile(
    rf"\s*(?:SRID=4326\s*;\s*)?POINT\s*\(\s*(?P<lng>{_NUMBER})\s+(?P<lat>{_NUMBER})\s*\)\s*",
    re.IGNORECASE,
)


def valid_lat_lng(lat, lng):
    """Finite degrees within -90..90 (latitude) and -180..180 (longitude)."""
    return math.isfinite(lat) and math.isfinite(lng) and -90.0 <= lat <= 90.0 and -180.0 <= lng <= 180.0


def parse_point(value):
    """``(lat, lng)`` floats from ``SRID=4326;POINT(lng lat)`` (the SRID may be left out), or None when the
    value is empty or not a valid WGS 84 point."""
    match = _POINT.fullmatch(value or "")
    if not match:
        return None
    lat, lng = float(match["lat"]), float(match["lng"])
    return (lat, lng) if valid_lat_lng(lat, lng) else None


def validate_point(value):
    """Model field validator: empty, or a point ``parse_point`` reads."""
    if value and parse_point(value) is None:
        raise ValidationError(
            _(
                "Not a valid position: expected “SRID=4326;POINT(longitude latitude)” with longitude from "
                "-180 to 180 and latitude from -90 to 90, for example “SRID=4326;POINT(11.46 49.28)”."
            ),
            code="invalid_point",
            params={"value": value},
        )
