"""What the network map shows, layer by layer: the entries of one request, public data only.

Three layers:

- ``regions``: live, public RegionPages of the active language with a position (status and its label);
- ``initiatives``: APPROVED initiatives with a position; the link goes to their profile, the region link to
  their region's page if that page is live and public (otherwise no region link and no region name — a
  draft's title is not public either);
- ``members``: member cards of active, verified members who opted in (``show_on_map``), at their coarse
  position (``map_location``, about 1 km), or at the centre of their ``map_place`` when that is a German city
  we know (``regions.map.places``); the link goes to the first public region they joined.

Never included: e-mail addresses (a display name that looks like one is replaced), contact_email,
submitted_by, review_note, descriptions, usernames.

Both languages show the same entries: initiatives, memberships and the stored points (``regions.map.clusters``)
are kept once and point to the German region pages; the names and links of regions are those of the pages of
the request's language (English ones under ``/en/``), found by ``translation_key`` when the regions are loaded.

One ``MapData`` per request loads the shared bits once (the taxonomy, the public regions with their URLs),
so the number of SQL queries does not depend on the number of features. Above ``MAP_FEATURE_LIMIT`` points in
the requested box, initiatives and member cards are answered as grid clusters (``cluster: true``): the stored
cells of ``regions.map.clusters``, or below its finest level one GROUP BY over a grid whose cell size follows
the box (``regions.map.geo.grid_cell_size``); regions stay individual points unless there are more of them than
the limit.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.db.models import Avg, Count, Exists, Max, Min, OuterRef
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common import public_cache
from common.language import locale_id
from common.points import parse_point
from home.models import FieldOfAction
from members.models import User
from members.names import EMAIL_LIKE
from members.names import public_name as public_member_name
from members.roles import MEMBERS
from regions.map import clusters, geojson, places
from regions.map.clusters import STORED_LAYERS, Cluster, cluster_in_python
from regions.map.geo import BBox, distance_km, extent, grid_cell_size
from regions.map.hooks import contact
from regions.map.query import ID_PREFIX, MapQuery
from regions.models import Initiative, InitiativeKind, RegionMembership, RegionPage, network_locale_id

MAP_FEATURE_LIMIT = 2000
SHARED_SECONDS = 600


@dataclass(frozen=True)
class FieldRef:
    """A field of action as the map shows it (the template's ``field_badge`` reads name and colour)."""

    pk: int
    slug: str
    name: str
    colour: str

    def as_json(self):
        return {"slug": self.slug, "name": self.name, "colour": self.colour}


class Taxonomy:
    """The fields of action, loaded once (one query); the order is the editors' order."""

    def __init__(self, fields):
        self.fields = [FieldRef(f.pk, f.slug, f.name, f.colour) for f in fields]
        self.by_pk = {f.pk: f for f in self.fields}
        self.by_slug = {f.slug: f for f in self.fields}
        self.position = {f.pk: index for index, f in enumerate(self.fields)}

    @classmethod
    def load(cls, request=None):
        return cls(
            shared(
                request,
                "taxonomy",
                lambda: [FieldRef(f.pk, f.slug, f.label, f.colour) for f in FieldOfAction.objects.all()],
            )
        )

    def refs(self, pks):
        return [
            self.by_pk[pk]
            for pk in sorted(set(pks), key=lambda pk: self.position.get(pk, 0))
            if pk in self.by_pk
        ]


def shared(request, part, load):
    """What every request of a content version shares (taxonomy, public regions, member cards), from the
    shared cache: ``common.public_cache.bump()`` — on publishing, taxonomy, card and membership changes — starts a
    new version, so nothing outlives a change."""
    host = request.get_host() if request is not None else ""
    # "v2": the stored classes moved to regions.map (issue 12). A new key for a new shape, so servers of the old
    # and the new code (a rolling deploy, or entries left from before it) never unpickle each other's objects.
    key = f"map-v2-{part}:{public_cache.content_version()}:{host}:{get_language()}"
    return cache.get_or_set(key, load, SHARED_SECONDS)


# --- Entries ----------------------------------------------------------------------------------------


@dataclass
class MapEntry:
    """One point on the map and one line in the list."""

    layer: str
    pk: int
    name: str
    kind: str
    kind_label: str
    lat: float
    lng: float
    fields: list = field(default_factory=list)
    url: str | None = None  # the entry's own page: the region, the initiative's profile, a member's region
    region: str | None = None
    region_url: str | None = None
    status: str | None = None
    status_label: str | None = None
    place: str | None = None
    contact_url: str | None = None  # a member or an initiative who may be written to (``regions.map.hooks``)

    @property
    def id(self):
        return f"{ID_PREFIX[self.layer]}-{self.pk}"


def _m2m(model, name):
    """``(through model, owner column, target column)`` of a many-to-many field."""
    relation = model._meta.get_field(name)
    return (
        relation.remote_field.through,
        f"{relation.m2m_field_name()}_id",
        f"{relation.m2m_reverse_field_name()}_id",
    )


def field_ids_by_owner(model, name, owners):
    """``{owner pk: [field pks]}`` in one query; ``owners`` is a list of pks or a ``values("pk")`` query."""
    through, owner, target = _m2m(model, name)
    result = defaultdict(list)
    for owner_pk, field_pk in through.objects.filter(**{f"{owner}__in": owners}).values_list(owner, target):
        result[owner_pk].append(field_pk)
    return result


def has_any_field(model, name, field_pks):
    """An Exists() for "has at least one of these fields of action" (OR within the facet, no duplicates)."""
    through, owner, target = _m2m(model, name)
    return Exists(through.objects.filter(**{owner: OuterRef("pk"), f"{target}__in": field_pks}))


@dataclass
class RegionInfo:
    entry: MapEntry | None  # None when the region has no position
    pk: int
    title: str
    url: str | None
    field_pks: set


class MapData:
    """The map's data for one request. Every method costs a fixed number of queries."""

    def __init__(self, request=None, taxonomy=None):
        self.request = request
        self.taxonomy = taxonomy or Taxonomy.load(request)

    def field_pks(self, query):
        return [self.taxonomy.by_slug[slug].pk for slug in query.fields]

    # --- regions ---

    @cached_property
    def public_regions(self):
        """Every live, public region with its URL and fields (three or four queries, once per version and
        language): ``{German page pk: RegionInfo of the page in the active language}``."""
        return shared(self.request, "regions", self._load_public_regions)

    def _load_public_regions(self):
        # The whole taxonomy, whatever this MapData was given: the result is shared with every request.
        taxonomy = Taxonomy.load(self.request)

        # The pages of the active language, keyed by their German page: initiatives and memberships point to
        # the German pages, the map shows (and links to) the page in the visitor's language. One query for both.
        german, active = network_locale_id(), locale_id()
        found = list(
            RegionPage.objects.live()
            .public()
            .filter(locale_id__in={german, active})
            .defer_streamfields()
            .order_by("title", "pk")
        )
        data_pks = {page.translation_key: page.pk for page in found if page.locale_id == german}
        shown_keys = {page.translation_key for page in found if page.locale_id == active}
        # A region without a page in the active language is shown with its German page.
        pages = [page for page in found if page.locale_id == active or page.translation_key not in shown_keys]
        fields = field_ids_by_owner(RegionPage, "fields_of_action", [page.pk for page in pages])
        infos = {}
        for page in pages:
            url = page.get_url(self.request)
            point = parse_point(page.location)
            entry = None
            if point:
                entry = MapEntry(
                    layer="regions",
                    pk=page.pk,
                    name=page.title,
                    kind="region",
                    kind_label=str(_("Mitmach region")),
                    lat=point[0],
                    lng=point[1],
                    fields=taxonomy.refs(fields.get(page.pk, ())),
                    url=url,
                    status=page.status,
                    status_label=str(page.get_status_display()),
                )
            data_pk = data_pks.get(page.translation_key, page.pk)
            infos[data_pk] = RegionInfo(entry, page.pk, page.title, url, set(fields.get(page.pk, ())))
        return infos

    def regions(self, query):
        """Located public regions matching the query, by name."""
        wanted = set(self.field_pks(query))
        return [
            info.entry
            for info in self.public_regions.values()
            if info.entry is not None
            and (not wanted or info.field_pks & wanted)
            and (query.bbox is None or query.bbox.contains(info.entry.lat, info.entry.lng))
        ]

    def regions_near(self, place, limit=10):
        """``[(distance in km, MapEntry)]`` of the public regions closest to ``place``, nearest first."""
        located = [info.entry for info in self.public_regions.values() if info.entry is not None]
        ranked = sorted(
            ((distance_km(place.lat, place.lng, e.lat, e.lng), e) for e in located), key=lambda pair: pair[0]
        )
        return ranked[:limit]

    def _region_link(self, region_pk):
        info = self.public_regions.get(region_pk)
        return (info.url, info.title) if info else (None, None)

    # --- initiatives ---

    def initiative_queryset(self, query):
        """Approved, located initiatives matching the query (not ordered)."""
        queryset = Initiative.objects.approved()
        if query.bbox is not None:
            box = query.bbox
            queryset = queryset.filter(
                latitude__gte=box.south,
                latitude__lte=box.north,
                longitude__gte=box.west,
                longitude__lte=box.east,
            )
        else:
            queryset = queryset.filter(latitude__isnull=False, longitude__isnull=False)
        if query.fields:
            queryset = queryset.filter(has_any_field(Initiative, "fields_of_action", self.field_pks(query)))
        return queryset.order_by()

    def initiative_entries(self, rows, owners):
        """MapEntries for ``rows`` (dicts from ``values()``, with ``contactable`` where ``initiative_rows`` was
        asked for it); ``owners``: their pks or a pk subquery."""
        fields = field_ids_by_owner(Initiative, "fields_of_action", owners)
        contact_url = _contact_url("initiatives")
        labels = {kind.value: str(kind.label) for kind in InitiativeKind}
        entries = []
        for row in rows:
            region_url, region = self._region_link(row["region_id"])
            entries.append(
                MapEntry(
                    layer="initiatives",
                    pk=row["pk"],
                    name=row["name"],
                    kind=row["kind"],
                    kind_label=labels.get(row["kind"], row["kind"]),
                    lat=row["latitude"],
                    lng=row["longitude"],
                    fields=self.taxonomy.refs(fields.get(row["pk"], ())),
                    url=reverse("regions:initiative", args=[row["pk"]]),
                    region=region,
                    region_url=region_url,
                    contact_url=contact_url(row["pk"]) if row.get("contactable") else None,
                )
            )
        return entries

    @staticmethod
    def initiative_rows(queryset, ordering=("name", "pk"), contact=False):
        """``values()`` rows for ``initiative_entries``; ``contact``: whether each may be written to (for the
        popups), in the same query."""
        columns = ["pk", "name", "kind", "region_id", "latitude", "longitude"]
        queryset, columns = _with_contactable(queryset, columns, "initiatives" if contact else None)
        return queryset.values(*columns).order_by(*ordering)

    def initiative_clusters(self, query, cell):
        rows = (
            self.initiative_queryset(query)
            .annotate(**clusters.grid_cells(cell))
            .values("cell_x", "cell_y")
            .annotate(
                count=Count("pk"),
                lat=Avg("latitude"),
                lng=Avg("longitude"),
                west=Min("longitude"),
                south=Min("latitude"),
                east=Max("longitude"),
                north=Max("latitude"),
            )
            .order_by("cell_x", "cell_y")
        )
        return [
            Cluster(
                "initiatives",
                cell,
                int(row["cell_x"]),
                int(row["cell_y"]),
                row["count"],
                row["lat"],
                row["lng"],
                [row["west"], row["south"], row["east"], row["north"]],
            )
            for row in rows
        ]

    # --- member cards ---

    def member_queryset(self, query):
        queryset = (
            User.objects.filter(show_on_map=True, is_active=True, groups__name=MEMBERS)
            .exclude(map_location="", map_place="")
            .order_by()
        )
        if query.fields:
            queryset = queryset.filter(has_any_field(User, "fields_of_action", self.field_pks(query)))
        return queryset

    def members(self, query):
        """Located member cards matching the query, by name (members are few: filtered in Python)."""
        wanted = set(self.field_pks(query))
        return [
            entry
            for entry in shared(self.request, "members", self._load_members)
            if (not wanted or {f.pk for f in entry.fields} & wanted)
            and (query.bbox is None or query.bbox.contains(entry.lat, entry.lng))
        ]

    def _load_members(self):
        taxonomy = Taxonomy.load(self.request)
        queryset = self.member_queryset(MapQuery())
        columns = ["pk", "display_name", "first_name", "last_name", "map_location", "map_place"]
        with_contact, columns = _with_contactable(queryset, columns, "members")
        rows = list(with_contact.values(*columns))
        if not rows:
            return []
        owners = queryset.values("pk")
        fields = field_ids_by_owner(User, "fields_of_action", owners)
        contact_url = _contact_url("members")
        regions = {}
        for user_pk, region_pk in (
            RegionMembership.objects.filter(user__in=owners)
            .order_by("joined_at", "pk")
            .values_list("user_id", "region_id")
        ):
            if user_pk not in regions and region_pk in self.public_regions:
                regions[user_pk] = region_pk
        entries = []
        for row in rows:
            point = places.card_position(row["map_location"], row["map_place"])
            place = (row["map_place"] or "").strip()
            if point is None:
                continue
            url, region = self._region_link(regions.get(row["pk"]))
            entries.append(
                MapEntry(
                    layer="members",
                    pk=row["pk"],
                    name=public_member_name(row["display_name"], row["first_name"], row["last_name"]),
                    kind="member",
                    kind_label=str(_("Member")),
                    lat=point[0],
                    lng=point[1],
                    fields=taxonomy.refs(fields.get(row["pk"], ())),
                    url=url,
                    region=region,
                    region_url=url,
                    place=place if place and not EMAIL_LIKE.search(place) else None,
                    contact_url=contact_url(row["pk"]) if row.get("contactable") else None,
                )
            )
        entries.sort(key=lambda entry: (entry.name.casefold(), entry.pk))
        return entries

    # --- the whole map ---

    def feature_collection(self, query, limit=None):
        """The GeoJSON FeatureCollection (a dict) for ``query``: points, or clusters above ``limit``."""
        limit = MAP_FEATURE_LIMIT if limit is None else limit
        regions = self.regions(query) if "regions" in query.layers else []
        field_pks = self.field_pks(query)
        # Whether everything fits is counted on the stored points, stopping one past the limit.
        budget = limit - len(regions)
        for layer in STORED_LAYERS:
            if layer in query.layers and budget >= 0:
                budget -= clusters.count_in_box(layer, query.bbox, field_pks, budget + 1)
        if budget >= 0:
            members = self.members(query) if "members" in query.layers else []
            initiatives = []
            if "initiatives" in query.layers:
                queryset = self.initiative_queryset(query)
                rows = self.initiative_rows(queryset, ordering=(), contact=True)
                rows = sorted(rows, key=lambda row: row["pk"])
                # All of them: their fields come with one query over the same filter, not a list of pks.
                initiatives = self.initiative_entries(rows, queryset.values("pk"))
            features = [geojson.entry_feature(entry) for entry in (*regions, *initiatives, *members)]
            total = len(features)
        else:
            box = query.bbox or _data_box(regions, query.layers, field_pks)
            cell = grid_cell_size(box)
            points = regions if len(regions) <= limit else []
            found = [] if points else cluster_in_python(regions, "regions", cell)
            for layer in STORED_LAYERS:
                if layer in query.layers:
                    found += self.layer_clusters(layer, query, cell, box)
            features = [geojson.entry_feature(entry) for entry in points]
            features += [geojson.cluster_feature(cluster) for cluster in found]
            total = len(points) + sum(cluster.count for cluster in found)
        return geojson.feature_collection(features, clustered=budget < 0, total=total, limit=limit)

    def layer_clusters(self, layer, query, cell, box):
        """The clusters of one layer: the stored cells the box touches, whole; below the stored levels (boxes
        of a few kilometres) counted on the fly from the entries inside the box."""
        level = clusters.stored_level(cell)
        if level is None:
            if layer == "initiatives":
                return self.initiative_clusters(query, cell)
            return cluster_in_python(self.members(query), layer, cell)
        return [
            Cluster(layer, cell, x, y, count, lat, lng, bounds)
            for x, y, count, lat, lng, bounds in clusters.clusters(layer, level, box, self.field_pks(query))
        ]

    # --- the page's list ---

    def list_entries(self, query):
        """The entries of the page's list for ``query`` (no bbox): a lazy, sliceable LayeredEntries."""
        parts = []
        if "regions" in query.layers:
            regions = self.regions(query)
            parts.append(("regions", len(regions), regions.__getitem__))
        if "initiatives" in query.layers:
            field_pks = self.field_pks(query)
            length = clusters.total("initiatives", field_pks)

            def load(window):
                # Only the window's rows, found on the stored points' name index (no sort, no count).
                window_pks = clusters.list_window(field_pks, window, length)
                rows = list(self.initiative_rows(Initiative.objects.filter(pk__in=window_pks)))
                return self.initiative_entries(rows, [row["pk"] for row in rows])

            parts.append(("initiatives", length, load))
        if "members" in query.layers:
            members = self.members(query)
            parts.append(("members", len(members), members.__getitem__))
        return LayeredEntries(parts)


def _with_contactable(queryset, columns, layer):
    """``queryset`` and ``columns`` with ``contactable`` (``regions.map.hooks``) when ``layer`` is given and an
    app offers contact for it; unchanged otherwise."""
    found = contact(layer) if layer else None
    if found is None:
        return queryset, columns
    return queryset.annotate(contactable=found[0]), [*columns, "contactable"]


def _contact_url(layer):
    found = contact(layer)
    return found[1] if found else (lambda pk: None)


def _data_box(regions, layers, field_pks):
    """The box around everything when the request gave none (so the grid fits the data, not the world)."""
    points = [(e.lat, e.lng) for e in regions]
    for layer in STORED_LAYERS:
        box = clusters.extent(layer, field_pks) if layer in layers else None
        if box:
            west, south, east, north = box
            points += [(south, west), (north, east)]
    box = extent(points)
    return BBox(*box) if box else BBox(-180.0, -90.0, 180.0, 90.0)


class LayeredEntries(Sequence):
    """Several layers' entries as one sequence for Django's Paginator: each part is loaded per slice only.

    ``parts``: ``[(layer, length, load)]`` where ``load(slice)`` returns that part's entries in the slice.
    """

    def __init__(self, parts):
        self.parts = [(layer, length, load) for layer, length, load in parts]

    def __len__(self):
        return sum(length for _layer, length, _load in self.parts)

    def count(self):
        return len(self)

    def totals(self):
        return {layer: length for layer, length, _load in self.parts}

    def __getitem__(self, index):
        if not isinstance(index, slice):
            items = self[index : index + 1] if index >= 0 else self[len(self) + index :][:1]
            if not items:
                raise IndexError(index)
            return items[0]
        start, stop, _step = index.indices(len(self))
        result, offset = [], 0
        for _layer, length, load in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, length)
            if low < high:
                result.extend(load(slice(low, high)))
            offset += length
        return result
