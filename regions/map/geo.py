"""Small geometry helpers for the network map: bounding boxes, distances and the cluster grid.

Stored points are read by ``common.points.parse_point``. Everything here works in plain WGS 84 degrees; no GIS
extension is needed, so the same code runs on SQLite and PostgreSQL.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

EARTH_RADIUS_KM = 6371.0088
# The grid of the server-side clusters aims at this many cells along the longer side of the box.
GRID_CELLS = 48


def distance_km(lat1, lng1, lat2, lng2):
    """Great-circle distance (haversine) in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class InvalidBBox(ValueError):
    pass


@dataclass(frozen=True)
class BBox:
    """A box in degrees, ``west <= east`` (boxes across the antimeridian are not supported)."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text):
        """``"west,south,east,north"`` → BBox; raises InvalidBBox with a message for people."""
        parts = [part.strip() for part in (text or "").split(",")]
        if len(parts) != 4:
            raise InvalidBBox(
                _(
                    "bbox needs four numbers separated by commas: west,south,east,north (e.g. 5.8,47.2,15.1,55.1)."
                )
            )
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError as error:
            raise InvalidBBox(
                _("The values of bbox must be decimal numbers with a point, e.g. 5.8,47.2,15.1,55.1.")
            ) from error
        if not all(math.isfinite(value) for value in (west, south, east, north)):
            raise InvalidBBox(_("The values of bbox must be finite numbers."))
        if not (-180.0 <= west <= 180.0 and -180.0 <= east <= 180.0):
            raise InvalidBBox(_("West and east (longitudes) must be between -180 and 180."))
        if not (-90.0 <= south <= 90.0 and -90.0 <= north <= 90.0):
            raise InvalidBBox(_("South and north (latitudes) must be between -90 and 90."))
        if south > north:
            raise InvalidBBox(_("South must not be greater than north."))
        if west > east:
            raise InvalidBBox(
                _("West must not be greater than east (views across the date line are not supported).")
            )
        return cls(west, south, east, north)

    def contains(self, lat, lng):
        return self.south <= lat <= self.north and self.west <= lng <= self.east

    @property
    def span(self):
        """The longer side in degrees."""
        return max(self.east - self.west, self.north - self.south)

    def as_list(self):
        return [self.west, self.south, self.east, self.north]


WORLD = BBox(-180.0, -90.0, 180.0, 90.0)


def grid_cell_size(bbox):
    """Cell size in degrees for clustering ``bbox``: a power of two, so the grid stays put while panning.

    The cells are aligned to (-180, -90) and only depend on the zoom (the box's span), not on where the box
    is: panning keeps each cluster where it was, and repeated requests hit the same cache entries.
    """
    span = max(bbox.span, 1e-6)
    return 2.0 ** math.ceil(math.log2(span / GRID_CELLS))


def extent(points):
    """``[west, south, east, north]`` of ``(lat, lng)`` pairs, or None for none."""
    lats = [lat for lat, _lng in points]
    lngs = [lng for _lat, lng in points]
    if not lats:
        return None
    return [min(lngs), min(lats), max(lngs), max(lats)]
