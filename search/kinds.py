"""What search knows about the pages it indexes: one ``IndexedKind``, described by the app that owns them.

``search`` imports no app above it. The app whose pages are searched builds an ``IndexedKind`` (mapping,
how a document is built, what may be found, the facets, what makes documents stale) and registers it with
``search.registry.register`` from its ``AppConfig.ready()`` (``actions/search.py``). The rest of search
reads it through ``indexed_kind()``.

One kind only: the queue of pending changes (``PendingIndexChange``) and the engines' alias hold ids of one
model. A second kind would need a kind column in that queue (a migration) and an alias per kind.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from search.documents import related_values, taxonomy_links
from search.facets import Facet, cached_taxonomy, reload_taxonomy


@dataclass(frozen=True)
class Rank:
    """What the "effort" sort orders by: a model column, its rank function, the document field of the rank."""

    column: str
    field: str
    of: Callable[[str], int]


@dataclass(frozen=True)
class Stale:
    """Changes of ``model`` make the documents of ``rows(instance)`` (ids of the kind's pages) stale.

    Page models count when they are published or unpublished, other models when they are saved.
    """

    model: type
    rows: Callable[[models.Model], object]


@dataclass(frozen=True)
class IndexedKind:
    name: str  # the index alias ends in it: "<SEARCH_INDEX_PREFIX>-<name>-v<version>"
    model: type  # the page model; its live, public pages are found
    document: type  # the elasticsearch.dsl Document: the index mapping
    columns: tuple  # the model columns ``build`` reads
    relations: dict  # document field -> (many-to-many relation, the column of the target it shows)
    build: Callable[[dict, dict], dict]  # (row of ``columns``, {document field: target values}) -> document
    indexable: Callable[[], models.QuerySet]  # every page that may be found, with ``relations`` prefetched
    facets: tuple[Facet, ...]  # in display order
    load_taxonomy: Callable[[], object]  # what facet options and result cards read (kept in the cache)
    taxonomy_models: tuple  # saving or deleting one of these drops the cached taxonomy
    lookups: dict  # document field -> ORM lookup on ``model`` (the database engine filters and counts)
    card_relations: dict  # taxonomy attribute ({pk: row}) -> the relation a result card shows
    rank: Rank
    stale: tuple[Stale, ...] = ()
    # The version of ``document`` (the mapping). A new version means a new alias: servers still running the
    # old code keep searching the old index, and ``search_index rebuild`` fills the new one.
    version: int = 1
    facets_by_key: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "facets_by_key", {facet.key: facet for facet in self.facets})

    @property
    def index_name(self):
        """The end of the engines' alias: the kind and the version of its mapping."""
        return f"{self.name}-v{self.version}"

    def document_of(self, page):
        """The document of one page; expects ``relations`` prefetched (as ``indexable()`` does)."""
        row = {column: getattr(page, column) for column in self.columns}
        related = {
            key: [getattr(target, column) for target in getattr(page, relation).all()]
            for key, (relation, column) in self.relations.items()
        }
        return self.build(row, related)

    def documents(self, pages=None, chunk_size=1000):
        """The documents of a queryset of the kind's pages (default ``indexable()``), streamed in pk order.

        For rebuilds and checks of the whole index: rows instead of page objects, and each chunk's related
        values from one query over the link tables, instead of a page object and a prefetch per relation.
        """
        pages = self.indexable() if pages is None else pages
        rows = (
            pages.prefetch_related(None).order_by("pk").values(*self.columns).iterator(chunk_size=chunk_size)
        )
        for row, related in related_values(self.model, rows, self.relations, chunk_size):
            yield self.build(row, related)

    def ids_below(self, page):
        """Ids of every page of the kind at or below ``page``."""
        return list(self.model.objects.filter(path__startswith=page.path).values_list("pk", flat=True))

    def links(self, page_ids, relations):
        """{(key, page id): target ids} for ``relations`` ({key: relation name}), in one query."""
        return taxonomy_links(self.model, page_ids, relations)

    def taxonomy(self):
        """The taxonomy from the shared cache (one read), loaded when it is not there."""
        return cached_taxonomy(self.load_taxonomy)

    def reload_taxonomy(self):
        return reload_taxonomy(self.load_taxonomy)


_registered = []


def add(kind):
    """Store ``kind``; False when it was there already. Call ``search.registry.register`` instead."""
    if _registered:
        if _registered[0].name == kind.name:
            return False
        raise ImproperlyConfigured(
            f"search indexes one kind ({_registered[0].name}); {kind.name} would need its own queue and alias"
        )
    _registered.append(kind)
    return True


def indexed_kind():
    """The registered kind; ImproperlyConfigured when no app registered one."""
    if not _registered:
        raise ImproperlyConfigured(
            "No kind is registered with search (actions registers its pages in ready())."
        )
    return _registered[0]


def registered_kind():
    """The registered kind, or None (signal receivers that may run before or without one)."""
    return _registered[0] if _registered else None
