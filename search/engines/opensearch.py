"""OpenSearch 3 via opensearch-py."""

from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import OpenSearchException
from urllib3 import Timeout

from search.engines.dsl import DSLEngine

# A node that is down refuses or never accepts the connection: give up on it after a second and ask the
# next one. Reads wait longer; a read that times out is not sent again (an overloaded cluster would get
# the same query twice) and the caller falls back or queues.
CONNECT_TIMEOUT = 1.0
READ_TIMEOUT = 5.0
# Answers of a node that cannot serve the request right now (no cluster manager, shards unavailable).
RETRY_ON_STATUS = (502, 503, 504)


class OpenSearchEngine(DSLEngine):
    name = "opensearch"
    helpers = helpers
    errors = (OpenSearchException, helpers.BulkIndexError, OSError)

    def __init__(self, hosts, alias, auth=None, index_settings=None):
        """``hosts``: the nodes' URLs. A request that cannot reach one is sent to the next, each node once.

        No sniffing: the configured list is what this process can reach (nodes' publish addresses often
        are not, behind NAT or in containers), and a node that comes back is tried again after a minute.
        """
        client = OpenSearch(
            hosts=list(hosts),
            http_auth=auth,
            timeout=Timeout(connect=CONNECT_TIMEOUT, read=READ_TIMEOUT),
            max_retries=len(hosts) - 1,
            retry_on_status=RETRY_ON_STATUS,
            retry_on_timeout=False,
        )
        super().__init__(client, alias, index_settings)
