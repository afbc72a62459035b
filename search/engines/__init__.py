"""The engines behind the action search, picked by one URL (``SEARCH_URL``; unset means database).

``opensearch://host:port`` and ``elasticsearch://host:port`` speak plain HTTP; add an ``s``
(``opensearchs://``, ``elasticsearchs://``) for HTTPS. User and password may be given in the URL.
"""

from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from search.engines.base import EngineResult, EngineUnavailable, SearchEngine
from search.engines.database import DatabaseEngine

SCHEMES = {
    "opensearch": ("opensearch", "http"),
    "opensearchs": ("opensearch", "https"),
    "elasticsearch": ("elasticsearch", "http"),
    "elasticsearchs": ("elasticsearch", "https"),
}

__all__ = ["EngineResult", "EngineUnavailable", "SearchEngine", "engine_from_url", "get_engine"]


def engine_from_url(url, alias=None):
    """The engine an URL names; ``None`` or "" gives the database engine."""
    if not url:
        return DatabaseEngine()
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ImproperlyConfigured(
            f"SEARCH_URL must start with one of {', '.join(s + '://' for s in SCHEMES)}, not {parts.scheme!r}"
        )
    kind, http_scheme = SCHEMES[parts.scheme]
    http_url = urlunsplit((http_scheme, parts.netloc, parts.path, "", ""))
    alias = alias or f"{settings.SEARCH_INDEX_PREFIX}-actions"
    if kind == "opensearch":
        from search.engines.opensearch import OpenSearchEngine

        return OpenSearchEngine(http_url, alias)
    from search.engines.elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine(http_url, alias)


@lru_cache(maxsize=8)
def _cached_engine(url, prefix):
    return engine_from_url(url, alias=f"{prefix}-actions")


def get_engine():
    """The configured engine; one per URL, so its client keeps its connections open between requests."""
    return _cached_engine(settings.SEARCH_URL, settings.SEARCH_INDEX_PREFIX)
