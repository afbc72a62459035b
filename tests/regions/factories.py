"""Regions: the region index and region pages, initiatives, and a region's moderators."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from regions.models import (
    Initiative,
    InitiativeKind,
    RegionIndexPage,
    RegionModerator,
    RegionPage,
    RegionStatus,
)
from tests.members.factories import UserFactory


class RegionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Regionen"

    class Meta:
        model = RegionIndexPage


class RegionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Region {n}")
    area_description = "Stadt und Landkreis"
    summary = "Ein Netzwerk von Initiativen."
    status = RegionStatus.ACTIVE
    start_year = 2023
    location = "SRID=4326;POINT(11.4597 49.2804)"
    contact_email = factory.Sequence(lambda n: f"team{n}@region.example")

    class Meta:
        model = RegionPage


class RegionModeratorFactory(DjangoModelFactory):
    """A row of a region's team, saved straight away: ``RegionModeratorFactory(region=region).user`` is its
    moderator (a verified member). To write the team as an editor does, through a published revision, use
    ``tests.regions.helpers.set_team``."""

    region = factory.SubFactory(RegionPageFactory)
    user = factory.SubFactory(UserFactory, verified=True)

    class Meta:
        model = RegionModerator


class InitiativeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Initiative {n}")
    kind = InitiativeKind.ASSOCIATION
    description = "Wir reparieren gemeinsam."

    class Meta:
        model = Initiative
