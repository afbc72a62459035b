"""The map's request parameters: ``layer``, ``field`` and ``bbox`` → a ``MapQuery``.

Parsing is strict: an unknown layer or field of action or a malformed box raises ``InvalidMapQuery`` naming
the parameter and, where there is a list, the values it accepts (the API answers 400, the page shows it).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from regions.map.geo import BBox, InvalidBBox

LAYERS = ("regions", "initiatives", "members")
PARAMETERS = ("layer", "field", "bbox")
ID_PREFIX = {"regions": "region", "initiatives": "initiative", "members": "member"}
# Repeating a parameter more often than this is not a filter any more.
MAX_VALUES = 50


def layer_labels():
    return {
        "regions": _("Mitmach-Regionen"),
        "initiatives": _("Initiativen"),
        "members": _("Mitglieder"),
    }


class InvalidMapQuery(ValueError):
    """A bad ``layer``, ``field`` or ``bbox`` value (or an unknown parameter): answered with a 400."""

    def __init__(self, parameter, message, valid=()):
        super().__init__(message)
        self.parameter = parameter
        self.message = message
        self.valid = list(valid)


@dataclass(frozen=True)
class MapQuery:
    layers: tuple = LAYERS
    fields: tuple = ()  # FieldOfAction slugs, OR-ed
    bbox: BBox | None = None

    @property
    def all_layers(self):
        return self.layers == LAYERS


def _values(params, name):
    values = [value.strip() for value in params.getlist(name)]
    if len(values) > MAX_VALUES:
        raise InvalidMapQuery(name, _("Zu viele Werte für „%(name)s“.") % {"name": name})
    return [value for value in values if value]


def parse_map_query(params, taxonomy, *, strict=False, with_bbox=True):
    """A MapQuery from request parameters (a QueryDict); raises InvalidMapQuery.

    ``taxonomy``: the fields of action to accept (``regions.map.layers.Taxonomy``). ``strict`` (the API):
    unknown parameter names are an error too. Without ``with_bbox`` (the page, whose list is never cut to a
    box) a ``bbox`` parameter is ignored.
    """
    if strict:
        unknown = sorted(set(params) - set(PARAMETERS))
        if unknown:
            raise InvalidMapQuery(
                unknown[0], _("Unbekannter Parameter „%(name)s“.") % {"name": unknown[0]}, PARAMETERS
            )
    layers = _values(params, "layer")
    unknown = [layer for layer in layers if layer not in LAYERS]
    if unknown:
        raise InvalidMapQuery("layer", _("Unbekannte Ebene „%(value)s“.") % {"value": unknown[0]}, LAYERS)
    slugs = _values(params, "field")
    unknown = [slug for slug in slugs if slug not in taxonomy.by_slug]
    if unknown:
        raise InvalidMapQuery(
            "field",
            _("Unbekanntes Handlungsfeld „%(value)s“.") % {"value": unknown[0]},
            list(taxonomy.by_slug),
        )
    bbox = None
    if with_bbox:
        boxes = _values(params, "bbox")
        if len(boxes) > 1:
            raise InvalidMapQuery("bbox", _("Bitte nur einen Kartenausschnitt (bbox) angeben."))
        if boxes:
            try:
                bbox = BBox.parse(boxes[0])
            except InvalidBBox as error:
                raise InvalidMapQuery("bbox", str(error)) from error
    return MapQuery(
        layers=tuple(layer for layer in LAYERS if layer in layers) if layers else LAYERS,
        fields=tuple(slug for slug in taxonomy.by_slug if slug in slugs),
        bbox=bbox,
    )
