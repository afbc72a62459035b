"""The map's entries: regions, initiatives and member cards at a position, and many initiatives at once."""

import random

from home.models import FieldOfAction, point
from regions.map import clusters
from regions.models import ApprovalStatus, Initiative, InitiativeKind, RegionMembership, RegionStatus
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory


def make_region(index, title, lat, lng, status=RegionStatus.ACTIVE, fields=(), publish=True, **extra):
    region = RegionPageFactory(
        parent=index,
        title=title,
        location=point(lat, lng),
        status=status,
        contact_email=f"team@{title.lower().replace(' ', '-')}.example",
        live=publish,
        **extra,
    )
    if fields:
        region.fields_of_action.set(fields)
    if publish:
        region.save_revision().publish()
    return region


def make_initiative(region, name, lat, lng, status=ApprovalStatus.APPROVED, fields=(), **extra):
    initiative = InitiativeFactory(
        region=region, name=name, location=point(lat, lng), approval_status=status, **extra
    )
    if fields:
        initiative.fields_of_action.set(fields)
    return initiative


def make_card(name, lat=None, lng=None, place="", verified=True, show=True, fields=(), region=None, **extra):
    """A member with a card on the map (coarse position as the profile form stores it)."""
    location = f"SRID=4326;POINT({lng:.2f} {lat:.2f})" if lat is not None else ""
    member = UserFactory(
        verified=verified,
        unverified=not verified,
        display_name=name,
        show_on_map=show,
        map_location=location,
        map_place=place,
        **extra,
    )
    if fields:
        member.fields_of_action.set(fields)
    if region is not None:
        RegionMembership.objects.create(user=member, region=region)
    return member


def bulk_initiatives(region, count, seed=1, box=(47.3, 5.9, 55.0, 15.0)):
    """``count`` approved initiatives spread over ``box`` (south, west, north, east), with fields."""
    rng = random.Random(seed)  # noqa: S311 -- test data, not security
    south, west, north, east = box
    kinds = [kind.value for kind in InitiativeKind]
    initiatives = []
    for number in range(count):
        initiative = Initiative(
            name=f"Initiative {seed}-{number}",
            kind=rng.choice(kinds),
            region=region,
            approval_status=ApprovalStatus.APPROVED,
            location=point(round(rng.uniform(south, north), 5), round(rng.uniform(west, east), 5)),
        )
        initiative.sync_coordinates()
        initiatives.append(initiative)
    created = Initiative.objects.bulk_create(initiatives, batch_size=500)
    fields = list(FieldOfAction.objects.values_list("pk", flat=True))
    through = Initiative.fields_of_action.through
    through.objects.bulk_create(
        [through(initiative_id=i.pk, fieldofaction_id=rng.choice(fields)) for i in created], batch_size=500
    )
    # bulk_create sends no signals: what every bulk writer does to keep the map's stored clusters.
    clusters.sync(clusters.INITIATIVES, [i.pk for i in created])
    return created
