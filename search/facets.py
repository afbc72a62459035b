"""Facets and the cached taxonomy their options come from.

A facet knows its URL parameter, its German label, the document field it filters, and how to list its
options (value, label, colour) from the taxonomy. Every option is always listed, with count 0 where
nothing matches. The registered kind (``search.kinds``) brings its facets and how to load its taxonomy.

The taxonomy changes rarely and is read on every search, so it is kept in the shared cache; every change
that could alter it drops it at once and again after the commit (``forget_taxonomy``, connected for the
kind's ``taxonomy_models`` when it is registered).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

# "v2": the stored Taxonomy moved to actions.search (issue 12). A new key for a new shape, so servers of the old and
# the new code never unpickle each other's objects. "v3" (issue 13): the taxonomy rows gained English names and its
# regions are kept per language; the options take their labels in the request's language.
TAXONOMY_KEY = "search-taxonomy-v3"
# A backstop only: changes drop the entry at once. It bounds a read that raced with a commit.
TAXONOMY_TIMEOUT = 300


def cached_taxonomy(load):
    """The taxonomy from the shared cache (one read), from ``load()`` when it is not there."""
    taxonomy = cache.get(TAXONOMY_KEY)
    if taxonomy is None:
        taxonomy = load()
        cache.set(TAXONOMY_KEY, taxonomy, TAXONOMY_TIMEOUT)
    return taxonomy


def reload_taxonomy(load):
    """The taxonomy from ``load()``, stored again in the shared cache."""
    forget_taxonomy()
    taxonomy = load()
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
    load_options: Callable[[object], list[Option]]  # the kind's taxonomy -> options in display order

    def options(self, taxonomy):
        """The options in display order, from the kind's (cached) taxonomy."""
        return self.load_options(taxonomy)
