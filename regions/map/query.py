"""The map's request parameters: ``layer``, ``field`` and ``bbox`` → a ``MapQuery``; ``locale`` → a language.

Parsing is strict: an unknown layer or field of action or a malformed box raises ``InvalidParameter`` naming
the parameter and, where there is a list, the values it accepts (the API answers 400, the page shows it).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from common.params import InvalidParameter, values_of
from regions.map.geo import BBox, InvalidBBox

LAYERS = ("regions", "initiatives", "members")
PARAMETERS = ("layer", "field", "bbox", "locale")
ID_PREFIX = {"regions": "region", "initiatives": "initiative", "members": "member"}
# Repeating a parameter more often than this is not a filter any more.
MAX_VALUES = 50


def layer_labels():
    return {
        "regions": _("Mitmach regions"),
        "initiatives": _("Initiatives"),
        "members": _("Members"),
    }


@dataclass(frozen=True)
class MapQuery:
    layers: tuple = LAYERS
    fields: tuple = ()  # FieldOfAction slugs, OR-ed
    bbox: BBox | None = None

    @property
    def all_layers(self):
        return self.layers == LAYERS


def _values(params, name):
    return values_of(params, name, limit=MAX_VALUES)


def parse_locale(params):
    """The language of the answer: ``locale`` (one of ``settings.LANGUAGES``), by default the request's language.

    Raises InvalidParameter for an unknown or repeated value.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    values = _values(params, "locale")
    if len(values) > 1:
        raise InvalidParameter("locale", _("Please give only one locale."), codes)
    if not values:
        language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return language if language in codes else settings.LANGUAGE_CODE
    if values[0] not in codes:
        raise InvalidParameter("locale", _("Unknown locale “%(value)s”.") % {"value": values[0]}, codes)
    return values[0]


def parse_map_query(params, taxonomy, *, strict=False, with_bbox=True):
    """A MapQuery from request parameters (a QueryDict); raises InvalidParameter.

    ``taxonomy``: the fields of action to accept (``regions.map.layers.Taxonomy``). ``strict`` (the API):
    unknown parameter names are an error too. Without ``with_bbox`` (the page, whose list is never cut to a
    box) a ``bbox`` parameter is ignored.
    """
    if strict:
        unknown = sorted(set(params) - set(PARAMETERS))
        if unknown:
            raise InvalidParameter(
                unknown[0], _("Unknown parameter “%(name)s”.") % {"name": unknown[0]}, PARAMETERS
            )
    layers = _values(params, "layer")
    unknown = [layer for layer in layers if layer not in LAYERS]
    if unknown:
        raise InvalidParameter("layer", _("Unknown layer “%(value)s”.") % {"value": unknown[0]}, LAYERS)
    slugs = _values(params, "field")
    unknown = [slug for slug in slugs if slug not in taxonomy.by_slug]
    if unknown:
        raise InvalidParameter(
            "field",
            _("Unknown field of action “%(value)s”.") % {"value": unknown[0]},
            list(taxonomy.by_slug),
        )
    bbox = None
    if with_bbox:
        boxes = _values(params, "bbox")
        if len(boxes) > 1:
            raise InvalidParameter("bbox", _("Please give only one map view (bbox)."))
        if boxes:
            try:
                bbox = BBox.parse(boxes[0])
            except InvalidBBox as error:
                raise InvalidParameter("bbox", str(error)) from error
    return MapQuery(
        layers=tuple(layer for layer in LAYERS if layer in layers) if layers else LAYERS,
        fields=tuple(slug for slug in taxonomy.by_slug if slug in slugs),
        bbox=bbox,
    )
