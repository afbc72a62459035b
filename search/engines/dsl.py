"""What OpenSearch and Elasticsearch share: queries and mappings built once with the Elasticsearch DSL,
sent through each engine's own client."""

import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice

from elasticsearch.dsl import Index, Q, Search

from search.engines.base import EngineResult, EngineUnavailable, SearchEngine
from search.kinds import indexed_kind

# Every index starts with one shard; replicas come from SEARCH_REPLICAS (the engine's ``index_settings``).
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}
MAX_FACET_OPTIONS = 1000  # more than any facet has; regions are the largest
# While a rebuild loads a new index: no refreshes and no replicas (copied once at the end instead of
# document by document); afterwards the index's own values come back (None: the engine's default).
LOAD_SETTINGS = {"refresh_interval": "-1", "number_of_replicas": 0, "auto_expand_replicas": "false"}
# The shard request cache keeps whole answers, also with hits (by default only size=0 ones), per index
# reader: a refresh that changed the index opens a new reader, so a cached answer never outlives a change.
SEARCH_PARAMS = {"request_cache": True}
REPLICA_WAIT_S = 120
REBUILD_CHUNK = 2000  # documents per bulk request in a rebuild (about 2 MB)


def _chunks(items, size):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def facet_groups(query):
    """The facets grouped by the filters their counts apply: {names of the other selected facets: facets}.

    Each facet counts with the filters of all *other* selected facets. Facets that share those filters
    share one ``filter`` aggregation, and the group with none counts over the query's hits directly, at
    the top level, where the engine can take the counts from its term statistics when nothing narrows the
    hits. With k facets selected that is k + 1 groups instead of one per facet.
    """
    facets = indexed_kind().facets
    selected = [facet.key for facet in facets if query.selected(facet.key)]
    groups = {}
    for facet in facets:
        groups.setdefault(tuple(key for key in selected if key != facet.key), []).append(facet)
    return groups


def _group_name(others):
    return "when:" + ",".join(others)


def sort_clauses(sort, kind):
    """The sort of a ``SORTS`` key; "effort" orders by the kind's rank field."""
    if sort == "newest":
        return [{"published": {"order": "desc", "missing": "_last"}}, {"id": "desc"}]
    if sort == "effort":
        return [{kind.rank.field: "asc"}, {"title_sort": "asc"}, {"id": "asc"}]
    if sort == "relevance":
        return ["_score", {"id": "asc"}]
    return [{"title_sort": "asc"}, {"id": "asc"}]


def search_body(query):
    """The request body for one results page: hits, total and disjunctive facet counts in one request.

    ``query.language`` picks the pages (``locale``) and the analysed sub-fields (``title.en``) searched.

    Every selected filter goes into ``post_filter`` (it narrows the hits, not the aggregations); each
    facet's counts apply the filters of all *other* facets (``facet_groups``), so they show what choosing
    another value of the same facet would give.
    """
    kind = indexed_kind()
    language = query.language
    # Only the pages of the language searched, their words analysed by its rules (its sub-fields). In the
    # query, not the post_filter: the facets count that language's pages only.
    search = Search().filter("term", locale=language)
    if query.text:
        search = search.query(
            "multi_match",
            query=query.text,
            fields=[f"title.{language}^3", f"summary.{language}^2", f"body.{language}"],
            type="cross_fields",
            operator="and",
        )
    filters = {
        facet.key: Q("terms", **{facet.field: list(query.selected(facet.key))})
        for facet in kind.facets
        if query.selected(facet.key)
    }
    if filters:
        search = search.post_filter("bool", filter=list(filters.values()))
    for others, facets in facet_groups(query).items():
        if others:
            parent = search.aggs.bucket(
                _group_name(others), "filter", Q("bool", filter=[filters[k] for k in others])
            )
        else:
            parent = search.aggs
        for facet in facets:
            parent.bucket(facet.key, "terms", field=facet.field, size=MAX_FACET_OPTIONS)
    start = (query.page - 1) * query.page_size
    search = search.sort(*sort_clauses(query.effective_sort, kind))[start : start + query.page_size]
    return search.source(False).extra(track_total_hits=True).to_dict()


def parse_response(response, query):
    hits = response["hits"]
    aggregations = response["aggregations"]
    counts = {}
    for others, facets in facet_groups(query).items():
        group = aggregations[_group_name(others)] if others else aggregations
        for facet in facets:
            counts[facet.key] = {
                str(bucket["key"]): bucket["doc_count"] for bucket in group[facet.key]["buckets"]
            }
    return EngineResult(
        ids=[int(hit["_id"]) for hit in hits["hits"]][: query.page_size],
        total=hits["total"]["value"],
        counts=counts,
        took_ms=response.get("took"),
    )


class DSLEngine(SearchEngine):
    """A server engine. The index is reached through an alias so a rebuild can swap it atomically."""

    errors = ()  # the client's exception classes that mean "unavailable"
    helpers = None  # the client library's helpers module (bulk, scan): the two are API-compatible

    def __init__(self, client, alias, index_settings=None):
        self.client = client
        self.alias = alias
        self.index_settings = index_settings or {}  # added to INDEX_SETTINGS (SEARCH_REPLICAS)

    @contextmanager
    def _guard(self):
        try:
            yield
        except self.errors as error:
            raise EngineUnavailable(f"{self.name}: {error}") from error

    def _bulk(self, actions, ignore_status=(), chunk_size=500):
        self.helpers.bulk(
            self.client, actions, chunk_size=chunk_size, refresh=False, ignore_status=ignore_status
        )

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
            response = self.client.search(index=self.alias, body=search_body(query), **SEARCH_PARAMS)
        return parse_response(response, query)

    def index_body(self):
        index = Index(self.alias)
        index.document(indexed_kind().document)
        index.settings(**{**INDEX_SETTINGS, **self.index_settings})
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

        Searches keep hitting the old index until the swap, so they never see a half-built one. The new
        index is loaded without refreshes and replicas (``LOAD_SETTINGS``), in chunks of ``REBUILD_CHUNK``
        sent from a second thread while this one reads the next chunk from the database; its own settings
        are put back and it is refreshed before the swap.
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
            body = self.index_body()
            restore = {key: body["settings"].get(key) for key in LOAD_SETTINGS}
            body["settings"].update(LOAD_SETTINGS)
            self.client.indices.create(index=name, body=body)
            count = self._load(name, documents, progress)
            self.client.indices.put_settings(index=name, body={"index": restore})
            self.client.indices.refresh(index=name)
            self._wait_for_replicas(name)
            swap = [{"add": {"index": name, "alias": self.alias}}]
            swap += [{"remove": {"index": index, "alias": self.alias}} for index in old]
            self.client.indices.update_aliases(body={"actions": swap})
            for index in old:
                self.client.indices.delete(index=index)
        return count

    def _wait_for_replicas(self, index):
        """Wait (up to ``REPLICA_WAIT_S``) until the replicas added after the load are copied, so the swap
        does not leave the new index on one copy of each shard. Replicas no node can take stay
        unassigned, not initializing: a single node does not wait."""
        deadline = time.monotonic() + REPLICA_WAIT_S
        # "languid": once the cluster has processed the settings change, the replicas are assigned.
        while time.monotonic() < deadline:
            if not self.client.cluster.health(index=index, wait_for_events="languid")["initializing_shards"]:
                return
            time.sleep(0.2)

    def _load(self, index, documents, progress):
        """Bulk-index ``documents`` into ``index``: one chunk in flight while the next one is built."""
        count = 0
        with ThreadPoolExecutor(max_workers=1) as sender:
            in_flight = None
            for chunk in _chunks(documents, REBUILD_CHUNK):
                actions = [
                    {"_op_type": "index", "_index": index, "_id": doc["id"], "_source": doc} for doc in chunk
                ]
                if in_flight is not None:
                    in_flight.result()  # raises the chunk's bulk error here, inside _guard
                in_flight = sender.submit(self._bulk, actions, chunk_size=len(actions))
                count += len(chunk)
                if progress:
                    progress(count)
            if in_flight is not None:
                in_flight.result()
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
