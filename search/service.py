"""The one door to the action search for views and the API.

``search_actions`` runs a query on the configured engine; if the engine is unreachable it answers from
the database engine and says so (``degraded``), so visitors never see an error page because of search.
"""

import logging
import math
from dataclasses import dataclass

from search.engines import EngineUnavailable, get_engine
from search.engines.database import DatabaseEngine
from search.facets import FACETS
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
    actions: list  # ActionPage objects of this page, with their taxonomy prefetched
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

    return ActionSearchResult(
        query=query,
        actions=_load_actions(result.ids),
        total=result.total,
        facets=_facets(query, result.counts),
        engine=engine.name,
        degraded=degraded,
        took_ms=result.took_ms,
    )


def _load_actions(ids):
    """The pages for the ids, in the engine's order; anything no longer live and public is dropped."""
    from actions.models import ActionPage

    pages = ActionPage.objects.live().public().filter(pk__in=ids).defer_streamfields().with_taxonomy()
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def _facets(query, counts):
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
                for option in facet.options()
            ],
        )
        for facet in FACETS
    ]
