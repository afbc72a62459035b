"""Elasticsearch 8/9 via the official client."""

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, helpers

from search.engines.dsl import DSLEngine


class ElasticsearchEngine(DSLEngine):
    name = "elasticsearch"
    helpers = helpers
    errors = (ApiError, TransportError, helpers.BulkIndexError, OSError)

    def __init__(self, url, alias, timeout=5):
        client = Elasticsearch(hosts=[url], request_timeout=timeout, max_retries=0, retry_on_timeout=False)
        super().__init__(client, alias)
