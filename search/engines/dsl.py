"""What OpenSearch and Elasticsearch share: queries and mappings built once with the Elasticsearch DSL,
sent through each engine's own client."""

import time
from contextlib import contextmanager

from elasticsearch.dsl import A, Index, Q, Search

from search.documents import ActionDocument
from search.engines.base import EngineResult, EngineUnavailable, SearchEngine
from search.facets import FACETS

SORT_CLAUSES = {
    "newest": [{"published": {"order": "desc", "missing": "_last"}}, {"id": "desc"}],
    "effort": [{"effort_rank": "asc"}, {"title_sort": "asc"}, {"id": "asc"}],
    "title": [{"title_sort": "asc"}, {"id": "asc"}],
    "relevance": ["_score", {"id": "asc"}],
}
MAX_FACET_OPTIONS = 1000  # more than any facet has; regions are the largest


def search_body(query):
    """The request body for one results page: hits, total and disjunctive facet counts in one request.

    Every selected filter goes into ``post_filter`` (it narrows the hits, not the aggregations); each
    facet's aggregation applies the filters of all *other* facets, so its counts show what choosing
    another value of the same facet would give.
    """
    search = Search()
    if query.text:
        search = search.query(
            "multi_match",
            query=query.text,
            fields=["title^3", "summary^2", "body"],
            type="cross_fields",
            operator="and",
        )
    filters = {
        facet.key: Q("terms", **{facet.field: list(query.selected(facet.key))})
        for facet in FACETS
        if query.selected(facet.key)
    }
    if filters:
        search = search.post_filter("bool", filter=list(filters.values()))
    for facet in FACETS:
        others = [condition for key, condition in filters.items() if key != facet.key]
        bucket = A("filter", Q("bool", filter=others) if others else Q("match_all"))
        bucket.bucket("values", "terms", field=facet.field, size=MAX_FACET_OPTIONS)
        search.aggs.bucket(facet.key, bucket)
    start = (query.page - 1) * query.page_size
    search = search.sort(*SORT_CLAUSES[query.effective_sort])[start : start + query.page_size]
    return search.source(False).extra(track_total_hits=True).to_dict()


def parse_response(response, page_size):
    hits = response["hits"]
    counts = {
        facet.key: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in response["aggregations"][facet.key]["values"]["buckets"]
        }
        for facet in FACETS
    }
    return EngineResult(
        ids=[int(hit["_id"]) for hit in hits["hits"]][:page_size],
        total=hits["total"]["value"],
        counts=counts,
        took_ms=response.get("took"),
    )


class DSLEngine(SearchEngine):
    """A server engine. The index is reached through an alias so a rebuild can swap it atomically."""

    errors = ()  # the client's exception classes that mean "unavailable"
    helpers = None  # the client library's helpers module (bulk, scan): the two are API-compatible

    def __init__(self, client, alias):
        self.client = client
        self.alias = alias

    @contextmanager
    def _guard(self):
        try:
            yield
        except self.errors as error:
            raise EngineUnavailable(f"{self.name}: {error}") from error

    def _bulk(self, actions, ignore_status=()):
        self.helpers.bulk(self.client, actions, chunk_size=500, refresh=False, ignore_status=ignore_status)

    def _scan(self, index, query):
        return self.helpers.scan(self.client, index=index, query=query)

    def ping(self):
        try:
            with self._guard():
                return bool(self.client.ping())
        except EngineUnavailable:
            return False

    def search(self, query):
        with self._guard():
            response = self.client.search(index=self.alias, body=search_body(query))
        return parse_response(response, query.page_size)

    def index_body(self):
        index = Index(self.alias)
        index.document(ActionDocument)
        index.settings(**ActionDocument.Index.settings)
        return index.to_dict()

    def ensure_index(self):
        """Create an empty concrete index behind the alias if there is none yet."""
        with self._guard():
            if not self.client.indices.exists_alias(name=self.alias):
                self._create_behind_alias()

    def _create_behind_alias(self):
        name = f"{self.alias}-{time.time_ns()}"
        self.client.indices.create(index=name, body=self.index_body())
        self.client.indices.put_alias(index=name, name=self.alias)
        return name

    def index(self, documents):
        documents = list(documents)
        if not documents:
            return
        self.ensure_index()
        with self._guard():
            self._bulk(
                {"_op_type": "index", "_index": self.alias, "_id": doc["id"], "_source": doc}
                for doc in documents
            )

    def delete(self, ids):
        ids = list(ids)
        if not ids:
            return
        self.ensure_index()
        with self._guard():
            self._bulk(
                ({"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in ids), ignore_status=(404,)
            )

    def refresh(self):
        with self._guard():
            self.client.indices.refresh(index=self.alias)

    def rebuild(self, documents, progress=None):
        """Index everything into a new index, then move the alias in one step and drop the old index.

        Searches keep hitting the old index until the swap, so they never see a half-built one.
        """
        with self._guard():
            old = (
                list(self.client.indices.get_alias(name=self.alias))
                if self.client.indices.exists_alias(name=self.alias)
                else []
            )
            if self.client.indices.exists(index=self.alias) and not old:
                # A plain index squats on the alias name (e.g. created by hand): remove it first.
                self.client.indices.delete(index=self.alias)
            name = f"{self.alias}-{time.time_ns()}"
            self.client.indices.create(index=name, body=self.index_body())
            count = 0

            def actions():
                nonlocal count
                for doc in documents:
                    count += 1
                    if progress:
                        progress(count)
                    yield {"_op_type": "index", "_index": name, "_id": doc["id"], "_source": doc}

            self._bulk(actions())
            self.client.indices.refresh(index=name)
            swap = [{"add": {"index": name, "alias": self.alias}}]
            swap += [{"remove": {"index": index, "alias": self.alias}} for index in old]
            self.client.indices.update_aliases(body={"actions": swap})
            for index in old:
                self.client.indices.delete(index=index)
        return count

    def documents(self):
        self.ensure_index()
        with self._guard():
            return {
                int(hit["_id"]): hit["_source"]
                for hit in self._scan(index=self.alias, query={"query": {"match_all": {}}})
            }

    def count(self):
        self.ensure_index()
        with self._guard():
            return self.client.count(index=self.alias)["count"]

    def drop(self):
        """Delete the alias and every index behind it (tests and benchmarks)."""
        with self._guard():
            if self.client.indices.exists_alias(name=self.alias):
                for index in list(self.client.indices.get_alias(name=self.alias)):
                    self.client.indices.delete(index=index)
