"""The facets of the action pool: what a visitor can filter by, in the taxonomy's order.

A facet knows its URL parameter, its German label, the document field it filters, and how to list its
options (value, label, colour) from the database. Every option is always listed, with count 0 where
nothing matches.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from home.models import SDG, FieldOfAction, Level, Resource


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    colour: str = ""


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter and key in API responses
    label: str
    field: str  # document field
    load_options: Callable[[], list[Option]]

    def options(self):
        return self.load_options()


def _fields():
    return [Option(f.slug, f.name, f.colour) for f in FieldOfAction.objects.all()]


def _levels():
    return [Option(level.value, str(level.label)) for level in Level]


def _sdgs():
    return [Option(str(s.number), f"{s.number}. {s.title}", s.colour) for s in SDG.objects.all()]


def _resources():
    return [Option(r.slug, r.name) for r in Resource.objects.all()]


def _regions():
    from regions.models import RegionPage

    return [
        Option(region.slug, region.title)
        for region in RegionPage.objects.live().public().only("slug", "title").order_by("title")
    ]


FACETS = [
    Facet("field", _("Handlungsfeld"), "fields", _fields),
    Facet("effort", _("Aufwand"), "effort", _levels),
    Facet("sdg", _("Nachhaltigkeitsziel"), "sdgs", _sdgs),
    Facet("impact", _("Wirkung"), "impact", _levels),
    Facet("resource", _("Ressourcen"), "resources", _resources),
    Facet("region", _("Region"), "regions", _regions),
]
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}
