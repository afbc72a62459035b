"""The embedded default: no server. Full text through Wagtail's database search backend (SQLite FTS5,
PostgreSQL full text), facets counted in SQL.

That backend has no stemming by language (FTS5 none at all, PostgreSQL one configuration for every row), so
the kind's pages also index their words as Snowball stems of their own language (``search.languages``) and a
search looks for the stems of its words in the language searched: "gardens" finds "garden" in English,
"Gärten" finds "Garten" in German, on SQLite and PostgreSQL alike.
"""

from django.conf import settings

from common.language import locale_id
from search.documents import title_sort_key
from search.engines.base import EngineResult, SearchEngine
from search.kinds import indexed_kind
from search.languages import stemmed_query


def database_backend():
    """Wagtail's database backend: "default" without a search server, "database" beside one (kept up to
    date for this fallback; the server's own site index holds no stems)."""
    return "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"


class DatabaseEngine(SearchEngine):
    name = "database"

    def ping(self):
        return True

    # The tables are the index: writes have nothing to do.
    def index(self, documents):
        pass

    def delete(self, ids):
        pass

    def rebuild(self, documents, progress=None):
        return self.count()

    def search(self, query):
        kind = indexed_kind()
        language = locale_id(query.language)
        base = kind.model.objects.live().public().filter(locale_id=language)
        relevance = None
        words = stemmed_query(query.text, query.language) if query.text else ""
        if query.text and not words:
            return EngineResult(ids=[], total=0, counts={})  # only punctuation: no word to look for
        if words:
            # ``operator="and"`` matches the server engines' semantics. Ranking costs a score per row,
            # so it is asked for only when the results are sorted by relevance.
            # The search runs over live pages only: modelsearch cannot translate the view-restriction
            # subquery of ``public()`` into its filters; ``base`` applies it to the matches.
            ranked = query.effective_sort == "relevance"
            matches = (
                kind.model.objects.live()
                .filter(locale=language)
                .only("pk")
                .search(words, operator="and", order_by_relevance=ranked, backend=database_backend())
            )
            relevance = [page.pk for page in matches]
            base = base.filter(pk__in=relevance)

        # Facets are counted in Python from (page, value) pairs of the live pages in the language: one plain
        # query per facet. Counting in SQL (GROUP BY under the view-restriction EXISTS of ``public()``) made
        # PostgreSQL pick nested loops that took minutes on tables without statistics, e.g. right after a
        # bulk load.
        rows = {
            row[0]: row for row in base.values_list("pk", "title", kind.rank.column, "first_published_at")
        }
        pairs = {facet.key: self._pairs(kind, facet, language, rows) for facet in kind.facets}
        chosen = {}  # facet key -> the pages with any selected value (OR within a facet)
        for facet in kind.facets:
            values = {str(value) for value in query.selected(facet.key)}
            if values:
                chosen[facet.key] = {pk for pk, value in pairs[facet.key] if value in values}

        counts = {}
        for facet in kind.facets:
            scope = self._within(rows.keys(), (ids for key, ids in chosen.items() if key != facet.key))
            tally = {}
            for pk, value in pairs[facet.key]:
                if pk in scope:
                    tally[value] = tally.get(value, 0) + 1
            counts[facet.key] = tally

        matched = self._within(rows.keys(), chosen.values())
        ordered = self._order([rows[pk] for pk in matched], query, relevance, kind.rank.of)
        start = (query.page - 1) * query.page_size
        return EngineResult(ids=ordered[start : start + query.page_size], total=len(matched), counts=counts)

    @staticmethod
    def _pairs(kind, facet, language, rows):
        """The distinct (page id, value as text) pairs of one facet among ``rows``."""
        lookup = kind.lookups[facet.field]
        values = (
            kind.model.objects.live()
            .filter(locale_id=language, **{f"{lookup}__isnull": False})
            .order_by()
            .values_list("pk", lookup)
            .distinct()
        )
        return [(pk, str(value)) for pk, value in values if pk in rows]

    @staticmethod
    def _within(ids, selections):
        scope = set(ids)
        for selected in selections:
            scope &= selected
        return scope

    @staticmethod
    def _order(rows, query, relevance, rank):
        sort = query.effective_sort
        if sort == "relevance":
            position = {pk: place for place, pk in enumerate(relevance)}
            return sorted((row[0] for row in rows), key=position.__getitem__)
        if sort == "newest":
            rows = sorted(rows, key=lambda row: (row[3].timestamp() if row[3] else 0, row[0]), reverse=True)
        elif sort == "effort":
            rows = sorted(rows, key=lambda row: (rank(row[2]), title_sort_key(row[1]), row[0]))
        else:
            rows = sorted(rows, key=lambda row: (title_sort_key(row[1]), row[0]))
        return [row[0] for row in rows]

    def documents(self):
        return {doc["id"]: doc for doc in indexed_kind().documents()}

    def count(self):
        return indexed_kind().indexable().count()
