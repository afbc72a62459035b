"""The network map's clusters, kept per zoom level instead of counted on every request.

Every public entry of the ``initiatives`` and ``members`` layers (approved, located initiatives; cards of
active, verified members who opted in, at their rounded position) has a ``MapPoint``, and is counted in one
``MapCell`` per stored level: cells of ``2**level`` degrees for ``level`` in ``MIN_LEVEL..MAX_LEVEL``, aligned
to (-180, -90) like ``regions.map.geo.grid_cell_size``. A cell keeps one row per set of fields of action, so a
field filter sums the rows whose set holds one of the fields (no scan of the entries, no double counting).

``sync(layer, pks)`` brings the stored points and cells of some entries up to date: it compares what is public
now with the stored ``MapPoint`` and applies the difference — counts and sums as increments (safe when two
transactions change the same cell), the bounds widened in the same statement and recomputed from the stored
points when an entry on a cell's edge left it. ``regions.signals`` calls it in the transaction of every change;
code that writes without ``save()`` (``bulk_create``, ``QuerySet.update``) calls it itself or runs
``manage.py rebuild_map_clusters`` (``rebuild()``).

``Cluster`` is one cluster as the map shows it, read from the store or, for a few entries, grouped on the same
grid in Python (``cluster_in_python``).
"""

import math
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.db import connection, transaction
from django.db.models import Count, F, Max, Min, Q, Sum, Value
from django.db.models.functions import Floor

from members.roles import MEMBERS
from regions.map.places import card_position
from regions.map.query import ID_PREFIX
from regions.models import MapCell, MapPoint

INITIATIVES = "initiatives"
MEMBERS_LAYER = "members"
STORED_LAYERS = (INITIATIVES, MEMBERS_LAYER)
# Cells from 2**-9 degrees (about 200 m: a box of about 5 km) to 8 degrees (the whole world). Smaller boxes
# are clustered in SQL on the fly (regions.map.layers); they hold few entries.
MIN_LEVEL = -9
MAX_LEVEL = 3
LEVELS = range(MIN_LEVEL, MAX_LEVEL + 1)
BATCH = 500
UPSERT_ROWS = 500  # 6,000 parameters per statement: within SQLite's and PostgreSQL's limits
LOOKUP_ROWS = 200  # cells per OR-ed lookup: within SQLite's expression depth
APPROVED = "approved"  # regions.models.ApprovalStatus.APPROVED (the migration passes historical models)


def fields_key(pks):
    """``",1,3,"`` for a set of field-of-action pks, ``","`` for none."""
    return ",".join(["", *(str(pk) for pk in sorted(set(pks))), ""]) if pks else ","


def any_field(field_pks):
    """A filter on ``fields_key``: the entry has at least one of ``field_pks`` (None when not filtered)."""
    if not field_pks:
        return None
    condition = Q()
    for pk in field_pks:
        condition |= Q(fields_key__contains=f",{pk},")
    return condition


def stored_level(cell):
    """The stored level of a grid cell size (a power of two), or None when it is not stored."""
    level = round(math.log2(cell))
    return level if MIN_LEVEL <= level <= MAX_LEVEL else None


def cell_of(lat, lng, level):
    size = 2.0**level
    return math.floor((lng + 180.0) / size), math.floor((lat + 90.0) / size)


def grid_cells(size):
    """The ``cell_x``/``cell_y`` annotations of ``cell_of`` in SQL, for a grid of ``size`` degrees."""
    return {
        "cell_x": Floor((F("longitude") + Value(180.0)) / Value(size)),
        "cell_y": Floor((F("latitude") + Value(90.0)) / Value(size)),
    }


def cell_box(level, x, y):
    size = 2.0**level
    return x * size - 180.0, y * size - 90.0, (x + 1) * size - 180.0, (y + 1) * size - 90.0


@dataclass(frozen=True)
class State:
    """What the map shows of one entry: its position, its set of fields and (initiatives) its name."""

    lat: float
    lng: float
    key: str
    name: str = ""

    @property
    def place(self):
        return (self.lat, self.lng, self.key)


# --- What is public now ------------------------------------------------------------------------------


def _field_sets(through, owner, target, pks):
    result = defaultdict(list)
    rows = through.objects.all() if pks is None else through.objects.filter(**{f"{owner}__in": pks})
    for owner_pk, field_pk in rows.values_list(owner, target).iterator(chunk_size=5000):
        result[owner_pk].append(field_pk)
    return result


def _m2m(model, name):
    relation = model._meta.get_field(name)
    return (
        relation.remote_field.through,
        f"{relation.m2m_field_name()}_id",
        f"{relation.m2m_reverse_field_name()}_id",
    )


def initiative_states(pks=None, *, apps=global_apps, lock=False):
    """``{pk: State}`` of the approved, located initiatives (all, or those among ``pks``)."""
    initiative = apps.get_model("regions", "Initiative")
    queryset = initiative.objects.filter(
        approval_status=APPROVED, latitude__isnull=False, longitude__isnull=False
    ).order_by("pk")
    if pks is not None:
        queryset = queryset.filter(pk__in=pks)
    if lock:
        queryset = queryset.select_for_update()
    rows = list(queryset.values_list("pk", "name", "latitude", "longitude"))
    fields = _field_sets(*_m2m(initiative, "fields_of_action"), None if pks is None else [r[0] for r in rows])
    return {pk: State(lat, lng, fields_key(fields.get(pk, ())), name) for pk, name, lat, lng in rows}


def member_states(pks=None, *, apps=global_apps, lock=False):
    """``{pk: State}`` of the member cards on the map (all, or those among ``pks``)."""
    user = apps.get_model("members", "User")
    queryset = (
        user.objects.filter(
            show_on_map=True,
            is_active=True,
            pk__in=user.groups.through.objects.filter(group__name=MEMBERS).values("user_id"),
        )
        .exclude(map_location="", map_place="")
        .order_by("pk")
    )
    if pks is not None:
        queryset = queryset.filter(pk__in=pks)
    if lock:
        queryset = queryset.select_for_update()
    rows = list(queryset.values_list("pk", "map_location", "map_place"))
    fields = _field_sets(*_m2m(user, "fields_of_action"), None if pks is None else [r[0] for r in rows])
    states = {}
    for pk, location, place in rows:
        point = card_position(location, place)
        if point is not None:
            states[pk] = State(point[0], point[1], fields_key(fields.get(pk, ())))
    return states


STATES = {INITIATIVES: initiative_states, MEMBERS_LAYER: member_states}


# --- Keeping the store up to date --------------------------------------------------------------------


class _Delta:
    __slots__ = ("count", "sum_lat", "sum_lng", "west", "south", "east", "north", "left")

    def __init__(self):
        self.count, self.sum_lat, self.sum_lng = 0, 0.0, 0.0
        self.west = self.south = math.inf
        self.east = self.north = -math.inf
        self.left = []  # positions that left the cell: its bounds may shrink

    def add(self, state, sign):
        self.count += sign
        self.sum_lat += sign * state.lat
        self.sum_lng += sign * state.lng
        # Positions that leave lie inside the stored bounds, so they never widen them.
        self.west, self.east = min(self.west, state.lng), max(self.east, state.lng)
        self.south, self.north = min(self.south, state.lat), max(self.north, state.lat)
        if sign < 0:
            self.left.append((state.lat, state.lng))


def sync(layer, pks):
    """Make the stored points and cells of these entries of ``layer`` match what is public now."""
    pks = sorted(set(pks))
    for start in range(0, len(pks), BATCH):
        with transaction.atomic():
            _sync_batch(layer, pks[start : start + BATCH])


def _sync_batch(layer, pks):
    # Locks first (PostgreSQL), in pk order: the entries, then their stored points.
    new = STATES[layer](pks, lock=True)
    old = {
        row[0]: State(*row[1:])
        for row in MapPoint.objects.select_for_update()
        .filter(layer=layer, object_id__in=pks)
        .order_by("object_id")
        .values_list("object_id", "latitude", "longitude", "fields_key", "name")
    }
    if all(old.get(pk) == new.get(pk) for pk in pks):
        return
    gone = [pk for pk in pks if pk in old and pk not in new]
    if gone:
        MapPoint.objects.filter(layer=layer, object_id__in=gone).delete()
    changed = [pk for pk in pks if pk in new and old.get(pk) != new[pk]]
    if changed:
        MapPoint.objects.bulk_create(
            [_point(MapPoint, layer, pk, new[pk]) for pk in changed],
            update_conflicts=True,
            unique_fields=["layer", "object_id"],
            update_fields=["latitude", "longitude", "fields_key", "name"],
        )
    deltas = defaultdict(_Delta)
    for pk in pks:
        before, after = old.get(pk), new.get(pk)
        if (before and before.place) == (after and after.place):
            continue  # only the name changed
        for state, sign in ((before, -1), (after, 1)):
            if state is not None:
                for level in LEVELS:
                    deltas[(level, *cell_of(state.lat, state.lng, level), state.key)].add(state, sign)
    if deltas:
        _apply(layer, deltas)


def _point(map_point, layer, pk, state):
    return map_point(
        layer=layer,
        object_id=pk,
        latitude=state.lat,
        longitude=state.lng,
        fields_key=state.key,
        name=state.name,
    )


def _upsert_sql(rows):
    table = connection.ops.quote_name(MapCell._meta.db_table)
    least, greatest = ("MIN", "MAX") if connection.vendor == "sqlite" else ("LEAST", "GREATEST")
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"] * rows)
    return (
        f"INSERT INTO {table} (layer, level, x, y, fields_key, count, sum_lat, sum_lng, west, south, east, north) "  # noqa: S608
        f"VALUES {values} "
        "ON CONFLICT (layer, level, x, y, fields_key) DO UPDATE SET "
        f"count = {table}.count + excluded.count, "
        f"sum_lat = {table}.sum_lat + excluded.sum_lat, "
        f"sum_lng = {table}.sum_lng + excluded.sum_lng, "
        f"west = {least}({table}.west, excluded.west), "
        f"south = {least}({table}.south, excluded.south), "
        f"east = {greatest}({table}.east, excluded.east), "
        f"north = {greatest}({table}.north, excluded.north)"
    )


def _apply(layer, deltas):
    keys = sorted(deltas)  # one order for every transaction: no deadlocks between them
    # Increments, not values computed from a snapshot: two transactions changing one cell both count.
    # Only identifiers and placeholders go into the text; every value is a parameter.
    for start in range(0, len(keys), UPSERT_ROWS):
        chunk = keys[start : start + UPSERT_ROWS]
        params = []
        for key in chunk:
            delta = deltas[key]
            params += [layer, *key, delta.count, delta.sum_lat, delta.sum_lng]
            params += [delta.west, delta.south, delta.east, delta.north]
        with connection.cursor() as cursor:
            cursor.execute(_upsert_sql(len(chunk)), params)
    # Cells entries left: drop the empty ones, recompute the bounds where one left through an edge.
    left = [key for key in keys if deltas[key].left]
    for start in range(0, len(left), LOOKUP_ROWS):
        touched = Q()
        for level, x, y, key in left[start : start + LOOKUP_ROWS]:
            touched |= Q(level=level, x=x, y=y, fields_key=key)
        rows = MapCell.objects.filter(touched, layer=layer)
        rows.filter(count__lte=0).delete()
        _shrink_bounds(layer, deltas, rows.filter(count__gt=0))


def _shrink_bounds(layer, deltas, cells):
    # The stored points, read after the upsert locked the row: every other change of it is committed.
    for cell in cells:
        left = deltas[(cell.level, cell.x, cell.y, cell.fields_key)].left
        if not any(lng in (cell.west, cell.east) or lat in (cell.south, cell.north) for lat, lng in left):
            continue
        west, south, east, north = cell_box(cell.level, cell.x, cell.y)
        box = MapPoint.objects.filter(
            layer=layer,
            fields_key=cell.fields_key,
            latitude__gte=south,
            latitude__lt=north,
            longitude__gte=west,
            longitude__lt=east,
        ).aggregate(
            west=Min("longitude"), south=Min("latitude"), east=Max("longitude"), north=Max("latitude")
        )
        MapCell.objects.filter(pk=cell.pk).update(**box)


def rebuild(layers=STORED_LAYERS, *, apps=global_apps, batch_size=5000):
    """Recompute the stored points and cells of ``layers`` from scratch; returns ``{layer: entries}``.

    ``apps``: the migration that fills the store for existing data passes its historical models.
    """
    map_point = apps.get_model("regions", "MapPoint")
    map_cell = apps.get_model("regions", "MapCell")
    counted = {}
    with transaction.atomic():
        for layer in layers:
            states = STATES[layer](apps=apps)
            map_cell.objects.filter(layer=layer).delete()
            map_point.objects.filter(layer=layer).delete()
            map_point.objects.bulk_create(
                (_point(map_point, layer, pk, state) for pk, state in states.items()), batch_size=batch_size
            )
            for level in LEVELS:
                _fill_level(map_point, map_cell, layer, level)
            counted[layer] = len(states)
    return counted


def _fill_level(map_point, map_cell, layer, level):
    """One level's cells of ``layer`` from the stored points, in one INSERT … SELECT … GROUP BY."""
    size = 2.0**level
    grouped = (
        map_point.objects.filter(layer=layer)
        .order_by()
        .annotate(**grid_cells(size))
        .values("cell_x", "cell_y", "fields_key")
        .annotate(
            n=Count("pk"),
            sum_lat=Sum("latitude"),
            sum_lng=Sum("longitude"),
            west=Min("longitude"),
            south=Min("latitude"),
            east=Max("longitude"),
            north=Max("latitude"),
        )
    )
    select, params = grouped.query.sql_with_params()
    table = connection.ops.quote_name(map_cell._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (x, y, fields_key, count, sum_lat, sum_lng, west, south, east, north, layer, level) "  # noqa: S608
            f"SELECT grouped.*, %s, %s FROM ({select}) grouped",
            (layer, level, *params),
        )


# --- Reading ------------------------------------------------------------------------------------------


def _points(layer, field_pks):
    queryset = MapPoint.objects.filter(layer=layer).order_by()
    condition = any_field(field_pks)
    return queryset if condition is None else queryset.filter(condition)


def _cells(layer, level, field_pks):
    queryset = MapCell.objects.filter(layer=layer, level=level).order_by()
    condition = any_field(field_pks)
    return queryset if condition is None else queryset.filter(condition)


def count_in_box(layer, box, field_pks, at_most):
    """How many entries of ``layer`` lie in ``box`` (None: anywhere), counting no further than ``at_most``."""
    queryset = _points(layer, field_pks)
    if box is not None:
        queryset = queryset.filter(
            latitude__gte=box.south, latitude__lte=box.north, longitude__gte=box.west, longitude__lte=box.east
        )
    # COUNT over a LIMITed subquery: the database stops after ``at_most`` rows.
    return queryset.values("pk")[: max(at_most, 0)].count()


def total(layer, field_pks):
    """How many entries of ``layer`` the map has for these fields (from the coarsest cells: a few rows)."""
    return _cells(layer, MAX_LEVEL, field_pks).aggregate(total=Sum("count"))["total"] or 0


def extent(layer, field_pks):
    """``[west, south, east, north]`` around the entries of ``layer``, or None."""
    box = _cells(layer, MAX_LEVEL, field_pks).aggregate(
        west=Min("west"), south=Min("south"), east=Max("east"), north=Max("north")
    )
    return None if box["west"] is None else [box["west"], box["south"], box["east"], box["north"]]


def clusters(layer, level, box, field_pks):
    """``[(x, y, count, lat, lng, [west, south, east, north])]``: every stored cell of ``level`` that ``box``
    touches, with all of its entries, ordered by ``(x, y)``."""
    west_x, south_y = cell_of(box.south, box.west, level)
    east_x, north_y = cell_of(box.north, box.east, level)
    rows = (
        _cells(layer, level, field_pks)
        # The columns as a list (at most about 50: regions.map.geo.grid_cell_size), so the unique index
        # (layer, level, x, y, …) seeks each column's rows in the y range instead of scanning whole columns.
        .filter(x__in=range(west_x, east_x + 1), y__gte=south_y, y__lte=north_y)
        .values("x", "y")
        .annotate(
            n=Sum("count"),
            lat=Sum("sum_lat"),
            lng=Sum("sum_lng"),
            w=Min("west"),
            s=Min("south"),
            e=Max("east"),
            no=Max("north"),
        )
        .order_by("x", "y")
    )
    return [
        (
            row["x"],
            row["y"],
            row["n"],
            row["lat"] / row["n"],
            row["lng"] / row["n"],
            [row["w"], row["s"], row["e"], row["no"]],
        )
        for row in rows
        if row["n"] > 0
    ]


def list_window(field_pks, window, length):
    """The pks of the initiatives in ``window`` (a slice with start and stop) of the page's list of ``length``
    entries, in name order (a subquery). A window nearer the end is read backwards from the end of the name
    index: no page skips more than half of the list (the last of 5,000 pages skipped 250,000 index entries)."""
    points = _points(INITIATIVES, field_pks).values("object_id")
    if window.start > length - window.stop:
        return points.order_by("-name", "-object_id")[length - window.stop : length - window.start]
    return points.order_by("name", "object_id")[window]


# --- Clusters as the map shows them ----------------------------------------------------------------------


@dataclass
class Cluster:
    layer: str
    cell: float
    x: int
    y: int
    count: int
    lat: float
    lng: float
    bounds: list  # [west, south, east, north] of the points inside

    @property
    def id(self):
        return f"cluster-{ID_PREFIX[self.layer]}-{self.cell:g}-{self.x}-{self.y}"


def cluster_in_python(entries, layer, cell):
    """Grid clusters of a few entries (regions, member cards), on the same grid as the SQL clusters."""
    cells = defaultdict(list)
    for entry in entries:
        cells[(math.floor((entry.lng + 180.0) / cell), math.floor((entry.lat + 90.0) / cell))].append(entry)
    found = []
    for (x, y), members in sorted(cells.items()):
        lats, lngs = [e.lat for e in members], [e.lng for e in members]
        found.append(
            Cluster(
                layer,
                cell,
                x,
                y,
                len(members),
                sum(lats) / len(lats),
                sum(lngs) / len(lngs),
                [min(lngs), min(lats), max(lngs), max(lats)],
            )
        )
    return found
