"""The one door to the action search for views and the API.

``search_actions`` runs a query on the configured engine; if the engine is unreachable it answers from
the database engine and says so (``degraded``), so visitors never see an error page because of search.
"""

import logging
import math
from dataclasses import dataclass

from modelcluster.queryset import FakeQuerySet

from search.engines import EngineUnavailable, get_engine
from search.engines.database import DatabaseEngine
from search.kinds import indexed_kind
from search.queries import ActionQuery
from search.sync import replay_pending

logger = logging.getLogger(__name__)


class PageOutOfRange(ValueError):
    """The requested results page is past the last one."""


@dataclass
class FacetOption:
    value: str
    label: str
    colour: str
    count: int
    selected: bool


@dataclass
class FacetResult:
    key: str
    label: str
    options: list


@dataclass
class ActionSearchResult:
    query: ActionQuery
    actions: list  # the pages of this results page, with their card taxonomy prefetched
    total: int
    facets: list
    engine: str
    degraded: bool = False
    took_ms: float | None = None

    @property
    def page_count(self):
        return max(1, math.ceil(self.total / self.query.page_size))


def search_actions(query, engine=None):
    """Run ``query``; raises PageOutOfRange when ``query.page`` is past the last page."""
    engine = engine or get_engine()
    degraded = False
    try:
        replay_pending(engine)  # one query when the queue is empty; nothing for the database engine
        result = engine.search(query)
    except EngineUnavailable as error:
        logger.warning("Action search falls back to the database: %s", error)
        engine, degraded = DatabaseEngine(), True
        result = engine.search(query)

    if query.page > 1 and query.page > math.ceil(result.total / query.page_size):
        raise PageOutOfRange(query.page)

    kind = indexed_kind()
    actions, taxonomy = _load_actions(kind, result.ids, kind.taxonomy())
    return ActionSearchResult(
        query=query,
        actions=actions,
        total=result.total,
        facets=_facets(kind, query, result.counts, taxonomy),
        engine=engine.name,
        degraded=degraded,
        took_ms=result.took_ms,
    )


def _load_actions(kind, ids, taxonomy):
    """The pages for the ids, in the engine's order, and the taxonomy they were shown with.

    The engine's hits are checked against the database here, so an index that lags behind an unpublish or
    a page made private never shows it: anything no longer live and public is dropped. Each page gets its
    taxonomy from one query over the link tables and the cached taxonomy (reloaded if a link points past it).
    """
    pages = kind.model.objects.live().public().filter(pk__in=ids).defer_streamfields()
    by_id = {page.pk: page for page in pages}
    found = [by_id[pk] for pk in ids if pk in by_id]
    if not found:
        return found, taxonomy
    links = kind.links([page.pk for page in found], kind.card_relations)
    if any(not targets <= getattr(taxonomy, key).keys() for (key, _), targets in links.items()):
        taxonomy = kind.reload_taxonomy()
    for page in found:
        _attach_taxonomy(kind, page, links, taxonomy)
    return found, taxonomy


def _attach_taxonomy(kind, page, links, taxonomy):
    """Store the page's taxonomy where ``prefetch_related`` would (``page.sdgs.all()`` then runs no query).

    Done by hand because the prefetch costs a query per relation and builds a queryset per page and
    relation through modelcluster, which together took longer than the engine request. The results are
    modelcluster's in-memory ``FakeQuerySet``, so a ``filter()`` on them stays within the page's own rows.
    """
    cache = getattr(page, "_prefetched_objects_cache", {})
    for key, name in kind.card_relations.items():
        targets = links[key, page.pk]
        rows = [row for pk, row in getattr(taxonomy, key).items() if pk in targets]
        cache[name] = FakeQuerySet(page._meta.get_field(name).related_model, rows)
    page._prefetched_objects_cache = cache


def _facets(kind, query, counts, taxonomy):
    return [
        FacetResult(
            key=facet.key,
            label=str(facet.label),
            options=[
                FacetOption(
                    value=option.value,
                    label=option.label,
                    colour=option.colour,
                    count=counts.get(facet.key, {}).get(option.value, 0),
                    selected=option.value in query.selected(facet.key),
                )
                for option in facet.options(taxonomy)
            ],
        )
        for facet in kind.facets
    ]
