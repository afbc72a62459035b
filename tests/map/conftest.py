"""Helpers for the network map's tests: a small world of public and private entries."""

from django.urls import reverse

import pytest

from home.models import FieldOfAction, point
from regions.models import ApprovalStatus, RegionMembership, RegionStatus
from tests import factories

FEATURES = reverse("wagtailapi_v3:map_features")
NEAR = reverse("wagtailapi_v3:map_regions_near")


def field(slug):
    return FieldOfAction.objects.get(slug=slug)


def make_region(index, title, lat, lng, status=RegionStatus.ACTIVE, fields=(), publish=True, **extra):
    region = factories.RegionPageFactory(
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
    initiative = factories.InitiativeFactory(
        region=region, name=name, location=point(lat, lng), approval_status=status, **extra
    )
    if fields:
        initiative.fields_of_action.set(fields)
    return initiative


def make_card(name, lat=None, lng=None, place="", verified=True, show=True, fields=(), region=None, **extra):
    """A member with a card on the map (coarse position as the profile form stores it)."""
    location = f"SRID=4326;POINT({lng:.2f} {lat:.2f})" if lat is not None else ""
    member = factories.make_member(
        verified=verified,
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


@pytest.fixture
def world(region_index):
    """Two live regions, a draft region, initiatives in every state, member cards with and without opt-in."""
    energy, food = field("energie-und-verkehr"), field("ernaehrungssystem")
    neumarkt = make_region(region_index, "Neumarkt", 49.2803, 11.4625, fields=[food])
    muenster = make_region(
        region_index, "Münsterland", 51.9607, 7.6261, status=RegionStatus.FORMING, fields=[energy]
    )
    draft = make_region(region_index, "Geheime Region", 50.0, 10.0, publish=False)
    submitter = factories.make_member(email="einreicher@example.org", display_name="Einreicher")
    initiatives = {
        "solawi": make_initiative(
            neumarkt,
            "SoLaWi Jurahöfe",
            49.2489,
            11.4021,
            fields=[food],
            submitted_by=submitter,
            review_note="Interne Notiz",
            website="https://solawi.example",
        ),
        "lastenrad": make_initiative(muenster, "Lastenrad Münsterland", 51.9625, 7.6170, fields=[energy]),
        "draft_region": make_initiative(draft, "Initiative der Entwurfsregion", 50.01, 10.01),
        "pending": make_initiative(neumarkt, "Noch nicht geprüft", 49.3, 11.5, status=ApprovalStatus.PENDING),
        "rejected": make_initiative(neumarkt, "Abgelehnt", 49.31, 11.51, status=ApprovalStatus.REJECTED),
    }
    cards = {
        "alex": make_card("Alex aus Neumarkt", 49.28, 11.46, fields=[food], region=neumarkt),
        "kim": make_card("Kim", place="Münster", fields=[energy]),
        "hidden": make_card("Nicht auf der Karte", 49.27, 11.45, show=False),
        "unverified": make_card("Unbestätigt", 49.26, 11.44, verified=False),
        "inactive": make_card("Inaktiv", 49.25, 11.43, is_active=False),
        "email_name": make_card("mail@example.org", 52.52, 13.40),
    }
    return {"neumarkt": neumarkt, "muenster": muenster, "draft": draft, **initiatives, **cards}


def names(collection, layer=None):
    return sorted(
        feature["properties"]["name"]
        for feature in collection["features"]
        if not feature["properties"]["cluster"] and (layer is None or feature["properties"]["layer"] == layer)
    )
