"""The facets of the action pool: what a visitor can filter by, in the taxonomy's order.

A facet knows its URL parameter, its German label, the document field it filters, and how to list its
options (value, label, colour) from the taxonomy. Every option is always listed, with count 0 where
nothing matches.

The taxonomy (fields of action, SDGs, resources, the live public regions) changes rarely and is read on
every search, so it is kept in the shared cache; every change that could alter it drops it at once and
again after the commit (``forget_taxonomy``, connected in ``SearchConfig.ready``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from home.models import SDG, FieldOfAction, Level, Resource

TAXONOMY_KEY = "search-taxonomy"
# A backstop only: changes drop the entry at once. It bounds a read that raced with a commit.
TAXONOMY_TIMEOUT = 300


@dataclass(frozen=True)
class Taxonomy:
    """The taxonomy rows in display order, by primary key, and the live public regions as (slug, title)."""

    fields: dict
    sdgs: dict
    resources: dict
    regions: tuple


def _load_taxonomy():
    from regions.models import RegionPage

    return Taxonomy(
        fields={f.pk: f for f in FieldOfAction.objects.all()},
        sdgs={s.pk: s for s in SDG.objects.all()},
        resources={r.pk: r for r in Resource.objects.all()},
        regions=tuple(RegionPage.objects.live().public().order_by("title").values_list("slug", "title")),
    )


def current_taxonomy():
    """The taxonomy from the shared cache (one read), loaded from the database when it is not there."""
    taxonomy = cache.get(TAXONOMY_KEY)
    if taxonomy is None:
        taxonomy = _load_taxonomy()
        cache.set(TAXONOMY_KEY, taxonomy, TAXONOMY_TIMEOUT)
    return taxonomy


def reload_taxonomy():
    """The taxonomy from the database, stored again in the shared cache."""
    forget_taxonomy()
    taxonomy = _load_taxonomy()
    cache.set(TAXONOMY_KEY, taxonomy, TAXONOMY_TIMEOUT)
    return taxonomy


def forget_taxonomy(**kwargs):
    """Signal receiver and plain function: drop the cached taxonomy now and once the transaction commits.

    Dropping it only now would let a search that read the old rows before the commit store them again.
    """
    cache.delete(TAXONOMY_KEY)
    transaction.on_commit(lambda: cache.delete(TAXONOMY_KEY))


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
    load_options: Callable[[Taxonomy], list[Option]]

    def options(self, taxonomy=None):
        """The options in display order; pass ``taxonomy`` when listing several facets at once."""
        return self.load_options(taxonomy or current_taxonomy())


def _fields(taxonomy):
    return [Option(f.slug, f.name, f.colour) for f in taxonomy.fields.values()]


def _levels(taxonomy):
    return [Option(level.value, str(level.label)) for level in Level]


def _sdgs(taxonomy):
    return [Option(str(s.number), f"{s.number}. {s.title}", s.colour) for s in taxonomy.sdgs.values()]


def _resources(taxonomy):
    return [Option(r.slug, r.name) for r in taxonomy.resources.values()]


def _regions(taxonomy):
    return [Option(slug, title) for slug, title in taxonomy.regions]


FACETS = [
    Facet("field", _("Handlungsfeld"), "fields", _fields),
    Facet("effort", _("Aufwand"), "effort", _levels),
    Facet("sdg", _("Nachhaltigkeitsziel"), "sdgs", _sdgs),
    Facet("impact", _("Wirkung"), "impact", _levels),
    Facet("resource", _("Ressourcen"), "resources", _resources),
    Facet("region", _("Region"), "regions", _regions),
]
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}
