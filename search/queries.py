"""A validated action-pool query, parsed from a request's GET parameters.

Parsing is strict so that a bad link gets a clear message instead of silently wrong results: unknown facet
values and sort keys raise ``InvalidQuery`` naming the valid values.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from common.params import InvalidParameter as InvalidQuery
from search.kinds import indexed_kind
from search.languages import current_language

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000
SORTS = {
    "relevance": gettext_noop("Relevance"),
    "newest": gettext_noop("Newest first"),
    "effort": gettext_noop("Least effort first"),
    "title": gettext_noop("Title (A–Z)"),
}
GENERAL_PARAMETERS = {"q", "sort", "page"}


@dataclass(frozen=True)
class ActionQuery:
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet key -> tuple of selected values
    sort: str = "title"
    page: int = 1
    page_size: int = PAGE_SIZE
    # The language searched: only its pages are found, its words analysed by its rules. Not a URL
    # parameter of the page (its address says the language); the API takes it as ``locale``.
    language: str = field(default_factory=current_language)

    @property
    def effective_sort(self):
        """Relevance only means something with search words; without, results go by title."""
        return "title" if self.sort == "relevance" and not self.text else self.sort

    def selected(self, facet_key):
        return self.filters.get(facet_key, ())

    def without(self, facet_key, value):
        """The same query with one filter value removed and back on page 1 (for "remove" chips)."""
        filters = dict(self.filters)
        remaining = tuple(v for v in filters.get(facet_key, ()) if v != value)
        if remaining:
            filters[facet_key] = remaining
        else:
            filters.pop(facet_key, None)
        return replace(self, filters=filters, page=1)

    def as_params(self):
        """The query as a list of (name, value) pairs, for links that keep the whole state."""
        params = [("q", self.text)] if self.text else []
        for facet in indexed_kind().facets:
            params += [(facet.key, value) for value in self.selected(facet.key)]
        if self.sort != ActionQuery.sort:
            params.append(("sort", self.sort))
        if self.page != 1:
            params.append(("page", str(self.page)))
        return params


def parse_query(params, *, strict_names=False, valid_options=None, also=()):
    """Build an ActionQuery in the active language from a QueryDict.

    ``strict_names`` refuses unknown parameter names (the API); the page ignores them, since links from
    newsletters carry tracking parameters. ``also`` names the caller's own parameters (the API's ``locale``).
    ``valid_options`` maps facet key to the allowed values; it defaults to the taxonomy in the database.
    """
    kind = indexed_kind()
    if strict_names:
        general = GENERAL_PARAMETERS | set(also)
        unknown = sorted(set(params.keys()) - general - set(kind.facets_by_key))
        if unknown:
            raise InvalidQuery(
                unknown[0],
                _("Unknown parameter “%(name)s”.") % {"name": unknown[0][:50]},
                sorted(general) + list(kind.facets_by_key),
            )

    text = " ".join(params.get("q", "").split())
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidQuery(
            "q", _("The search term is too long (at most %(max)d characters).") % {"max": MAX_QUERY_LENGTH}
        )

    filters = {}
    taxonomy = None
    for facet in kind.facets:
        values = [value for value in params.getlist(facet.key) if value != ""]
        if not values:
            continue
        allowed = (valid_options or {}).get(facet.key)
        if allowed is None:
            taxonomy = taxonomy or kind.taxonomy()
            allowed = [option.value for option in facet.options(taxonomy)]
        unknown = [value for value in values if value not in allowed]
        if unknown:
            raise InvalidQuery(
                facet.key,
                _("Unknown value “%(value)s” for %(facet)s.")
                % {"value": unknown[0][:50], "facet": facet.label},
                allowed,
            )
        filters[facet.key] = tuple(dict.fromkeys(values))  # repeated values count once, order kept

    sort = params.get("sort") or ActionQuery.sort
    if sort not in SORTS:
        raise InvalidQuery("sort", _("Unknown sort order “%(sort)s”.") % {"sort": sort[:50]}, list(SORTS))

    raw_page = params.get("page") or "1"
    # Length first: int() refuses a string of more than 4,300 digits with a ValueError.
    is_number = raw_page.isascii() and raw_page.isdigit() and len(raw_page) <= len(str(MAX_PAGE))
    if not is_number or not 1 <= int(raw_page) <= MAX_PAGE:
        raise InvalidQuery(
            "page", _("The page number must be a number from 1 to %(max)d.") % {"max": MAX_PAGE}
        )

    return ActionQuery(text=text, filters=filters, sort=sort, page=int(raw_page))
