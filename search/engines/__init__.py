"""The engines behind the action search (the registered kind, ``search.kinds``), picked by one URL (``SEARCH_URL``; unset means database).

``opensearch://host:port`` and ``elasticsearch://host:port`` speak plain HTTP; add an ``s``
(``opensearchs://``, ``elasticsearchs://``) for HTTPS. A cluster is named by its nodes,
``opensearch://user:password@host1:9200,host2:9200,host3:9200`` (see ``search.engine_config``).
"""

from functools import lru_cache

from django.conf import settings

from search.engine_config import parse_engine_url, replica_settings
from search.engines.base import EngineResult, EngineUnavailable, SearchEngine
from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.opensearch import OpenSearchEngine
from search.kinds import indexed_kind

ENGINES = {"opensearch": OpenSearchEngine, "elasticsearch": ElasticsearchEngine}

__all__ = ["EngineResult", "EngineUnavailable", "SearchEngine", "engine_from_url", "get_engine"]


def engine_from_url(url, alias=None):
    """The engine an URL names; ``None`` or "" gives the database engine.

    New indices get the replicas of ``SEARCH_REPLICAS``; a bad URL or value raises ImproperlyConfigured.
    """
    if not url:
        return DatabaseEngine()
    config = parse_engine_url(url)
    return ENGINES[config.kind](
        config.hosts,
        alias or f"{settings.SEARCH_INDEX_PREFIX}-{indexed_kind().index_name}",
        auth=config.auth,
        index_settings=replica_settings(settings.SEARCH_REPLICAS),
    )


@lru_cache(maxsize=8)
def _cached_engine(url, prefix, replicas):  # replicas: a changed setting means a new engine
    return engine_from_url(url, alias=f"{prefix}-{indexed_kind().index_name}")


def get_engine():
    """The configured engine; one per URL, so its client keeps its connections open between requests."""
    return _cached_engine(settings.SEARCH_URL, settings.SEARCH_INDEX_PREFIX, settings.SEARCH_REPLICAS)
