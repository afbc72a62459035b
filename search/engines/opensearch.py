"""OpenSearch 3 via opensearch-py."""

from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import OpenSearchException

from search.engines.dsl import DSLEngine


class OpenSearchEngine(DSLEngine):
    name = "opensearch"
    helpers = helpers
    errors = (OpenSearchException, helpers.BulkIndexError, OSError)

    def __init__(self, url, alias, timeout=5):
        client = OpenSearch(hosts=[url], timeout=timeout, max_retries=0, retry_on_timeout=False)
        super().__init__(client, alias)
