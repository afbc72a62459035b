"""Elasticsearch 8/9 via the official client."""

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, helpers

from search.engines.dsl import DSLEngine
from search.engines.opensearch import READ_TIMEOUT, RETRY_ON_STATUS


class ElasticsearchEngine(DSLEngine):
    name = "elasticsearch"
    helpers = helpers
    errors = (ApiError, TransportError, helpers.BulkIndexError, OSError)

    def __init__(self, hosts, alias, auth=None, index_settings=None):
        """As OpenSearchEngine; this client has one timeout for connecting and reading."""
        client = Elasticsearch(
            hosts=list(hosts),
            basic_auth=auth,
            request_timeout=READ_TIMEOUT,
            max_retries=len(hosts) - 1,
            retry_on_status=RETRY_ON_STATUS,
            retry_on_timeout=False,
        )
        super().__init__(client, alias, index_settings)
