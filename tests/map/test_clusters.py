"""The stored clusters (regions.map.clusters) follow every change and add up to every entry on the map."""

import math
from io import StringIO

from django.core.management import call_command

import pytest
from allauth.account.models import EmailAddress

from home.models import point
from members.models import User
from members.roles import ensure_groups, sync_verified_members
from regions.map import clusters
from regions.map.geo import BBox, grid_cell_size
from regions.models import ApprovalStatus, Initiative, MapCell, MapPoint
from tests.map.factories import make_card, make_initiative, make_region
from tests.map.helpers import FEATURES, field

pytestmark = pytest.mark.django_db


def stored():
    """The stored cells as ``{(layer, level, x, y, key): (count, sum_lat, sum_lng, bounds)}``."""
    return {
        (c.layer, c.level, c.x, c.y, c.fields_key): (
            c.count,
            c.sum_lat,
            c.sum_lng,
            (c.west, c.south, c.east, c.north),
        )
        for c in MapCell.objects.all()
    }


def assert_store_is_exact():
    """What the changes left equals a rebuild from scratch, and every level counts every entry once."""
    kept = stored()
    kept_points = set(
        MapPoint.objects.values_list("layer", "object_id", "latitude", "longitude", "fields_key")
    )
    clusters.rebuild()
    fresh = stored()
    assert kept.keys() == fresh.keys()
    for key, (count, sum_lat, sum_lng, bounds) in fresh.items():
        assert kept[key][0] == count
        assert math.isclose(kept[key][1], sum_lat, abs_tol=1e-9)
        assert math.isclose(kept[key][2], sum_lng, abs_tol=1e-9)
        assert kept[key][3] == bounds
    assert kept_points == set(
        MapPoint.objects.values_list("layer", "object_id", "latitude", "longitude", "fields_key")
    )
    public = Initiative.objects.approved().filter(latitude__isnull=False).count()
    for level in clusters.LEVELS:
        counts = [c for key, (c, *_rest) in fresh.items() if key[0] == "initiatives" and key[1] == level]
        assert sum(counts) == public


def initiative_levels(initiative):
    return {
        (level, x, y)
        for level, x, y in MapCell.objects.filter(layer="initiatives").values_list("level", "x", "y")
        if (x, y) == clusters.cell_of(initiative.latitude, initiative.longitude, level)
    }


@pytest.fixture
def region(region_index):
    return make_region(region_index, "Neumarkt", 49.2803, 11.4625)


def test_approving_adds_and_rejecting_removes(region):
    initiative = make_initiative(region, "Repair-Café", 49.25, 11.40, status=ApprovalStatus.PENDING)
    make_initiative(region, "Nachbar", 49.26, 11.41)
    assert not MapPoint.objects.filter(object_id=initiative.pk).exists()

    initiative.approval_status = ApprovalStatus.APPROVED
    initiative.save()
    assert MapPoint.objects.filter(layer="initiatives", object_id=initiative.pk).exists()
    assert clusters.total("initiatives", []) == 2
    assert_store_is_exact()

    initiative.approval_status = ApprovalStatus.REJECTED
    initiative.save()
    assert not MapPoint.objects.filter(object_id=initiative.pk).exists()
    assert clusters.total("initiatives", []) == 1
    assert_store_is_exact()


def test_moving_an_initiative_moves_it_between_cells_and_shrinks_the_bounds(region):
    far = make_initiative(region, "Weit weg", 53.55, 9.99)
    make_initiative(region, "Nah", 49.25, 11.40)
    coarse = MapCell.objects.get(layer="initiatives", level=clusters.MAX_LEVEL, x=23, y=17)
    assert coarse.count == 2
    assert coarse.north == 53.55  # both lie in the 8° cell from 48° to 56° north

    far.location = point(49.3, 11.5)
    far.save()

    coarse.refresh_from_db()
    assert coarse.count == 2
    assert coarse.north == 49.3  # the edge left with the entry
    assert_store_is_exact()


def test_deleting_removes_and_empty_cells_go(region):
    initiative = make_initiative(region, "Einzeln", 50.0, 8.0)
    assert initiative_levels(initiative)

    initiative.delete()

    assert not MapCell.objects.exists()
    assert not MapPoint.objects.exists()


def test_changing_fields_of_action_moves_the_entry_between_field_sets(region):
    energy, food = field("energie-und-verkehr"), field("ernaehrungssystem")
    initiative = make_initiative(region, "Lastenrad", 49.25, 11.40, fields=[energy])
    assert clusters.total("initiatives", [energy.pk]) == 1

    initiative.fields_of_action.add(food)
    assert clusters.total("initiatives", [food.pk]) == 1
    assert clusters.total("initiatives", [energy.pk, food.pk]) == 1  # OR: counted once
    initiative.fields_of_action.remove(energy)
    assert clusters.total("initiatives", [energy.pk]) == 0
    food.initiatives.clear()  # from the other side
    assert clusters.total("initiatives", [food.pk]) == 0
    assert clusters.total("initiatives", []) == 1
    energy.initiatives.add(initiative)
    assert clusters.total("initiatives", [energy.pk]) == 1
    assert_store_is_exact()


def test_member_cards_follow_opt_in_opt_out_verification_and_deletion(region):
    card = make_card("Alex", 49.281, 11.459, fields=[field("ernaehrungssystem")])
    unverified = make_card("Noch nicht", 49.26, 11.44, verified=False)
    # Rounded as the card shows it (about 1 km).
    assert MapPoint.objects.filter(layer="members").values_list("latitude", "longitude").get() == (
        49.28,
        11.46,
    )

    card.show_on_map = False
    card.save()
    assert clusters.total("members", []) == 0
    card.show_on_map = True
    card.save()
    assert clusters.total("members", []) == 1

    members_group = card.groups.get()
    unverified.groups.add(members_group)  # verified now
    assert clusters.total("members", []) == 2
    members_group.user_set.clear()
    assert clusters.total("members", []) == 0
    members_group.user_set.add(card, unverified)
    card.save(update_fields=["last_login"])  # nothing the map shows: no change
    assert clusters.total("members", []) == 2

    User.objects.get(pk=unverified.pk).delete()
    assert clusters.total("members", []) == 1
    assert_store_is_exact()


def test_clustered_answer_adds_up_to_every_entry_after_changes(client, region, monkeypatch):
    monkeypatch.setattr("regions.map.layers.MAP_FEATURE_LIMIT", 5)
    initiatives = [make_initiative(region, f"Initiative {n}", 48 + n / 4, 8 + n / 3) for n in range(12)]
    make_card("Kim", place="Münster")
    initiatives[0].delete()
    initiatives[1].approval_status = ApprovalStatus.REJECTED
    initiatives[1].save()
    initiatives[2].location = point(54.0, 10.0)
    initiatives[2].save()

    collection = client.get(FEATURES, {"bbox": "5.8,47.2,15.1,55.1"}).json()

    assert collection["clustered"]
    counts = {"initiatives": 0, "members": 0}
    for feature in collection["features"]:
        properties = feature["properties"]
        if properties["cluster"]:
            counts[properties["layer"]] += properties["count"]
            west, south, east, north = properties["bounds"]
            lng, lat = feature["geometry"]["coordinates"]
            assert west <= lng <= east and south <= lat <= north
    assert counts == {"initiatives": 10, "members": 1}
    assert collection["total"] == 12  # with the region


def test_rebuild_command_repairs_a_store_that_missed_bulk_writes(region):
    make_initiative(region, "Gespeichert", 49.25, 11.40)
    Initiative.objects.update(approval_status=ApprovalStatus.REJECTED)  # no signals
    assert clusters.total("initiatives", []) == 1

    call_command("rebuild_map_clusters", stdout=StringIO())

    assert clusters.total("initiatives", []) == 0
    assert not MapPoint.objects.exists()


def test_clustered_answer_stands_for_whole_cells_each_entry_once(client, region, monkeypatch):
    """A clustered answer returns every cell the box touches whole: an entry just outside the box but in such
    a cell is counted (``total`` is what the clusters stand for), one outside those cells is not, and an entry
    with two of the requested fields is counted once."""
    monkeypatch.setattr("regions.map.layers.MAP_FEATURE_LIMIT", 0)  # always clustered
    energy, food = field("energie-und-verkehr"), field("ernaehrungssystem")
    box = BBox(10.01, 48.01, 11.99, 49.99)
    level = clusters.stored_level(grid_cell_size(box))
    make_initiative(region, "Drinnen", 49.0, 11.0, fields=[energy])
    make_initiative(region, "Beides", 48.5, 10.5, fields=[energy, food])
    make_initiative(region, "Am Rand", 49.0, 11.995, fields=[food])
    make_initiative(region, "Weit weg", 49.0, 12.5, fields=[energy])
    east_x = clusters.cell_of(box.north, box.east, level)[0]
    assert level is not None
    assert clusters.cell_of(49.0, 11.995, level)[0] == east_x  # outside the box, in a cell it touches
    assert clusters.cell_of(49.0, 12.5, level)[0] > east_x

    for fields, expected in (([], 3), ([energy.slug, food.slug], 3), ([food.slug], 2)):
        collection = client.get(
            FEATURES, {"bbox": "10.01,48.01,11.99,49.99", "layer": "initiatives", "field": fields}
        ).json()

        assert collection["clustered"]
        counts = [feature["properties"]["count"] for feature in collection["features"]]
        assert sum(counts) == collection["total"] == expected


def test_members_verified_by_the_sync_after_a_migrate_appear_on_the_map(region):
    unverified = make_card("Erst nach dem Update", 49.26, 11.44, verified=False)
    EmailAddress.objects.filter(user=unverified).update(
        verified=True
    )  # e.g. verified before the groups existed
    assert clusters.total("members", []) == 0

    sync_verified_members(ensure_groups()[0])

    assert clusters.total("members", []) == 1
    assert_store_is_exact()
