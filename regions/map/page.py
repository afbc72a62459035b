"""The context of the network map page (``RegionIndexPage``): filters, the list, "near me", the map's settings.

Everything works without JavaScript: the filters and the "near me" field are plain GET forms, the list below
the map is rendered here with the same data and filters as the GeoJSON (``regions.map.layers``).
``static/map/map.js`` adds the map, which loads the GeoJSON of the current view from the API.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common.pagination import paginate
from common.params import InvalidParameter
from regions.map.layers import MapData, Taxonomy
from regions.map.places import MAX_QUERY_LENGTH, PlaceError, resolve
from regions.map.query import LAYERS, MapQuery, layer_labels, parse_map_query
from regions.models import RegionStatus

LIST_PAGE_SIZE = 50
NEAR_LIMIT = 10
# South-west and north-east corner of Germany: the map's first view without a position in the URL.
GERMANY = [[47.2, 5.8], [55.1, 15.1]]
# From this zoom on the browser shows every marker on its own (no client-side clusters).
CLUSTER_OFF_ZOOM = 14


def map_page_context(page, request):
    taxonomy = Taxonomy.load(request)
    data = MapData(request, taxonomy)
    filter_error = None
    try:
        query = parse_map_query(request.GET, taxonomy, with_bbox=False)
    except InvalidParameter as error:
        filter_error = error
        query = MapQuery()

    entries = data.list_entries(query)
    page_obj = paginate(request, entries, per_page=LIST_PAGE_SIZE)
    totals = entries.totals()
    labels = layer_labels()
    groups = []
    for entry in page_obj.object_list:
        if not groups or groups[-1]["layer"] != entry.layer:
            groups.append(
                {
                    "layer": entry.layer,
                    "label": labels[entry.layer],
                    "total": totals[entry.layer],
                    "entries": [],
                }
            )
        groups[-1]["entries"].append(entry)
    kept = request.GET.copy()
    kept.pop("page", None)

    near = near_context(request, data)
    return {
        "map_query": query,
        "filter_error": filter_error,
        "layer_options": [
            {"value": layer, "label": labels[layer], "checked": layer in query.layers} for layer in LAYERS
        ],
        "field_options": [
            {"slug": f.slug, "name": f.name, "colour": f.colour, "checked": f.slug in query.fields}
            for f in taxonomy.fields
        ],
        "entries_page": page_obj,
        "entries_page_links": page_links(page_obj),
        "entry_groups": groups,
        "entry_totals": [
            {"layer": layer, "label": labels[layer], "count": totals[layer]} for layer in query.layers
        ],
        "list_params": kept.urlencode(),
        "region_statuses": RegionStatus.choices,
        "near_max_length": MAX_QUERY_LENGTH,
        **near,
        "map_config": map_config(near.get("near_place")),
    }


def page_links(page_obj):
    """The list's page numbers to link (first, last, two either side of the current one), None for a gap."""
    numbers = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    return [number if isinstance(number, int) else None for number in numbers]


def near_context(request, data):
    text = (request.GET.get("near") or "").strip()
    if not text:
        return {"near_text": ""}
    try:
        place = resolve(text)
    except PlaceError as error:
        return {"near_text": text[:MAX_QUERY_LENGTH], "near_error": error.message}
    return {
        "near_text": text,
        "near_place": place,
        "near_regions": [
            {"entry": entry, "distance_km": round(distance)}
            for distance, entry in data.regions_near(place, limit=NEAR_LIMIT)
        ],
    }


def tile_host():
    """The tile server's host name, for the consent text (``{s}.`` placeholders left out)."""
    return (urlsplit(settings.MAP_TILE_URL).hostname or "").removeprefix("{s}.") or settings.MAP_TILE_URL


def map_config(near_place=None):
    """What static/map/map.js needs, passed with ``json_script`` (no markup from data in here)."""
    return {
        "featuresUrl": reverse("wagtailapi_v3:map_features"),
        # The API is not under /en/: the page asks for its own language's names and links.
        "locale": get_language(),
        "tiles": {
            "url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "consent": settings.MAP_TILES_NEED_CONSENT,
        },
        "germany": GERMANY,
        "clusterOffZoom": CLUSTER_OFF_ZOOM,
        "near": {"lat": near_place.lat, "lng": near_place.lng, "name": near_place.name}
        if near_place
        else None,
        "layers": layer_labels(),
        "text": {
            "region": _("Region"),
            "fields": _("Fields of action"),
            "status": _("Status"),
            "toRegion": _("Go to the region's page"),
            "toRegionOf": _("Go to the region %(name)s"),
            "toProfile": _("Go to the initiative's profile"),
            "contact": _("Get in touch"),
            "cluster": _("%(count)s entries – select to zoom in"),
            "inView": _("In the map view: %(count)s entries."),
            "inViewClustered": _(
                "In the map view: %(count)s entries, combined into groups – select a group to zoom in."
            ),
            "loading": _("Loading the map …"),
            "loadError": _("The entries for the map could not be loaded. The list below is complete."),
            "tilesConsent": _(
                "The map background comes from %(host)s. This service learns your IP address only when "
                "you load it. The markers and the list work without it."
            )
            % {"host": tile_host()},
            "tilesLoad": _("Load the map background"),
            "tileError": _("The map background could not be loaded. The markers and the list still work."),
            "listError": _("The list could not be updated. Please reload the page."),
            "locating": _("Finding your location …"),
            "locateError": _("Your location could not be found. Please enter a place."),
        },
    }


def point_map_config(picker=False):
    """What static/map/point.js needs: the tiles, and the texts of the small map (a profile's position, or
    the picker of a form)."""
    config = {
        "tiles": {
            "url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "consent": settings.MAP_TILES_NEED_CONSENT,
        },
        "germany": GERMANY,
        "text": {
            "tilesConsent": _(
                "The map background comes from %(host)s. This service learns your IP address only when "
                "you load it."
            )
            % {"host": tile_host()},
            "tilesLoad": _("Load the map background"),
            "tileError": _("The map background could not be loaded."),
            "marker": _("Position"),
        },
    }
    if picker:
        config["text"].update(
            {
                "help": _(
                    "Move the map with the mouse or the arrow keys until the cross is on the place, then set "
                    "the point. A click on the map sets it too."
                ),
                "setCentre": _("Set the point at the cross"),
                "remove": _("Remove the point"),
                "chosen": _("Point set: %(lat)s, %(lng)s. It takes precedence over the place typed above."),
                "none": _("No point set: the place typed above is used."),
            }
        )
    return config
