"""The network map's GeoJSON in the JSON API: ``/api/v3/map/…`` (one OpenAPI schema with Wagtail's API).

Anonymous GETs are cached by ``common.public_cache`` until public content changes; ``regions.signals`` and
``members.signals`` bump the cache when initiatives, memberships or member cards change.
"""

from typing import Literal

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ninja import Field, Query, Router, Schema

from common.params import InvalidParameter
from common.problems import ProblemOut, problem
from regions.map.geojson import dumps
from regions.map.layers import MAP_FEATURE_LIMIT, MapData, Taxonomy
from regions.map.places import PlaceError, resolve
from regions.map.query import LAYERS, parse_locale, parse_map_query

router = Router(tags=[gettext_lazy("Network map")])

NEAR_DEFAULT = 10
NEAR_MAX = 50
GEOJSON = "application/geo+json"


class FieldOut(Schema):
    slug: str
    name: str
    colour: str


class PointOut(Schema):
    type: Literal["Point"]
    coordinates: list[float]  # [longitude, latitude]


class PointPropertiesOut(Schema):
    id: str
    layer: Literal["regions", "initiatives", "members"]
    cluster: Literal[False]
    name: str
    kind: str
    kind_label: str
    fields: list[FieldOut]
    url: str | None = Field(
        description="The entry's page: the region's page, the initiative's profile, or the region a member "
        "joined (null when there is none)."
    )
    status: str | None = None
    status_label: str | None = None
    region: str | None = None
    region_url: str | None = Field(None, description="The page of the region of an initiative or a member.")
    place: str | None = None
    contact_url: str | None = Field(
        None,
        description="The form to write to a member or an initiative through the hub (login required); only "
        "for those who take messages.",
    )


class ClusterPropertiesOut(Schema):
    id: str
    layer: Literal["regions", "initiatives", "members"]
    cluster: Literal[True]
    count: int
    bounds: list[float]  # [west, south, east, north] of the points in the cluster


class FeatureOut(Schema):
    type: Literal["Feature"]
    id: str
    geometry: PointOut
    properties: PointPropertiesOut | ClusterPropertiesOut


class FeatureCollectionOut(Schema):
    type: Literal["FeatureCollection"]
    bbox: list[float] | None = None  # [west, south, east, north] of the features; absent when empty
    features: list[FeatureOut]
    clustered: bool
    total: int
    limit: int


class FeatureParams(Schema):
    layer: list[str] | None = None
    field: list[str] | None = None
    bbox: str | None = None
    locale: str | None = None


class PlaceOut(Schema):
    name: str
    lat: float
    lng: float
    source: Literal["place", "coordinates"]


class NearRegionOut(Schema):
    id: int
    title: str
    url: str | None
    status: str
    status_label: str
    distance_km: int
    lat: float
    lng: float


class NearOut(Schema):
    place: PlaceOut
    regions: list[NearRegionOut]


@router.get(
    "/features",
    response={200: FeatureCollectionOut, 400: ProblemOut},
    url_name="map_features",
    # The ids ninja derived from the module before it moved into regions/map/: the schema stays the same.
    operation_id="regions_api_features",
    summary=gettext_lazy("Map: regions, initiatives and members as GeoJSON"),
    description=(
        "An RFC 7946 FeatureCollection (media type `application/geo+json`) of Point features, coordinates "
        "`[longitude, latitude]`. Public data only: live and public regions, approved initiatives, and cards "
        "of verified members who chose to appear on the map (at a position rounded to about 1 km).\n\n"
        f"Parameters: `layer` (repeatable: {', '.join(LAYERS)}; default all), `field` (repeatable field of "
        "action slug; an entry matches if it has any of them), `bbox=west,south,east,north` in degrees "
        "(default: everything), `locale` (de or en; default: the request's language) for the names, labels "
        "and links of regions (English pages under `/en/`). Both languages show the same entries.\n\n"
        f"When the box holds more than {MAP_FEATURE_LIMIT} points, initiatives and member cards come as grid "
        "clusters instead: Point features with `cluster: true`, `count` and the `bounds` of their points; the "
        "grid's cell size follows the box. Regions stay single points. `clustered` says which answer this is, "
        "`total` how many entries the features stand for.\n\n"
        "Unknown parameters or values and a malformed `bbox` answer 400 with the valid values."
    ),
    openapi_extra={
        "responses": {
            200: {"content": {GEOJSON: {"schema": {"$ref": "#/components/schemas/FeatureCollectionOut"}}}}
        }
    },
)
def features(request, params: Query[FeatureParams]):
    try:
        language = parse_locale(request.GET)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    with translation.override(language):
        data = MapData(request)
        try:
            query = parse_map_query(request.GET, data.taxonomy, strict=True)
        except InvalidParameter as error:
            return problem(error.parameter, error.detail, error.valid)
        # Serialised here rather than by the schema: up to 2,000 features are validated by the tests, not on
        # every request, and the body goes out with the GeoJSON media type.
        return HttpResponse(dumps(data.feature_collection(query)), content_type=GEOJSON)


@router.get(
    "/regions/near",
    response={200: NearOut, 400: ProblemOut},
    url_name="map_regions_near",
    operation_id="regions_api_regions_near",
    summary=gettext_lazy("Mitmach regions near a place"),
    description=(
        "Live, public regions ordered by distance (great circle, whole kilometres) from `q`: a German town "
        "or village with 500 inhabitants or more (GeoNames; umlauts and alternate names work: München, Muenchen, "
        "Munich) or coordinates `lat, lng` such as `51.5, 7.4`. `limit`: 1 to "
        f"{NEAR_MAX}, default {NEAR_DEFAULT}. `locale` (de or en; default: the request's language): the "
        "regions' titles and links in that language. An unknown place or locale or coordinates out of range "
        "answer 400."
    ),
)
def regions_near(request, q: str = "", limit: str | None = None, locale: str | None = None):
    try:
        language = parse_locale(request.GET)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    with translation.override(language):
        return _regions_near(request, q, limit)


def _regions_near(request, q, limit):
    try:
        place = resolve(q)
    except PlaceError as error:
        return problem("q", error.message)
    count = NEAR_DEFAULT
    if limit not in (None, ""):
        try:
            count = int(limit)
        except ValueError:
            count = 0
        if not 1 <= count <= NEAR_MAX:
            return problem("limit", _("limit must be a whole number from 1 to %(max)d.") % {"max": NEAR_MAX})
    data = MapData(request, Taxonomy([]))
    return {
        "place": {"name": place.name, "lat": place.lat, "lng": place.lng, "source": place.source},
        "regions": [
            {
                "id": entry.pk,
                "title": entry.name,
                "url": entry.url,
                "status": entry.status,
                "status_label": entry.status_label,
                "distance_km": round(distance),
                "lat": entry.lat,
                "lng": entry.lng,
            }
            for distance, entry in data.regions_near(place, limit=count)
        ],
    }
