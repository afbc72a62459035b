"""The action search in the JSON API: ``GET /api/v3/actions/search`` (one OpenAPI schema with Wagtail's API).

``locale`` picks the language: its pages, its stemming, and the language of labels, links and error messages.
Without it, the request's ``Accept-Language`` answers (common/api_language.py).
"""

from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ninja import Field, Query, Router, Schema

from common.problems import ProblemOut, problem
from search.languages import languages
from search.queries import SORTS, InvalidQuery, parse_query
from search.service import PageOutOfRange, search_actions

router = Router(tags=[gettext_lazy("Action pool")])


class FacetOptionOut(Schema):
    value: str
    label: str
    colour: str
    count: int
    selected: bool


class FacetOut(Schema):
    key: str
    label: str
    options: list[FacetOptionOut]


class TaxonomyOut(Schema):
    value: str
    label: str


class ActionOut(Schema):
    id: int
    title: str
    url: str
    summary: str
    effort: str
    impact: str
    fields: list[TaxonomyOut]
    sdgs: list[TaxonomyOut]


class SearchOut(Schema):
    locale: str
    total: int
    page: int
    page_count: int
    page_size: int
    sort: str
    engine: str
    degraded: bool
    results: list[ActionOut]
    facets: list[FacetOut]


class SearchParams(Schema):
    q: str | None = None
    field: list[str] | None = None
    effort: list[str] | None = None
    sdg: list[str] | None = None
    impact: list[str] | None = None
    resource: list[str] | None = None
    region: list[str] | None = None
    sort: str | None = None
    page: str | None = None
    locale: str | None = Field(
        None,
        description=gettext_lazy(
            "The language searched: de or en. Default: the request's Accept-Language, else German."
        ),
    )


@router.get(
    "/search",
    response={200: SearchOut, 400: ProblemOut},
    summary=gettext_lazy("Search and filter actions"),
    description=format_lazy(
        gettext_lazy(
            "Full text and facets over the action pool in one language (locale): its pages only, its words "
            "stemmed by its rules (German or English), labels, links and error messages in it. Repeat a facet "
            "parameter for several values: values of one facet are OR-ed, facets are AND-ed. Each facet's counts "
            "apply every *other* selected facet. Sort keys: {sorts}. 20 results per page. Unknown parameters, "
            "locales, facet values or sort keys and a page past the last one answer 400 with the valid values."
        ),
        sorts=", ".join(SORTS),
    ),
)
def search(request, params: Query[SearchParams]):
    # The active language follows Accept-Language under /api/ (common/api_language.py).
    language = request.GET.get("locale") or translation.get_language()
    if language not in languages():
        return problem("locale", _("Unknown locale “%(locale)s”.") % {"locale": language[:50]}, languages())
    with translation.override(language):
        return _search(request, language)


def _search(request, language):
    try:
        query = parse_query(request.GET, strict_names=True, also=("locale",))
        result = search_actions(query)
    except InvalidQuery as error:
        return problem(error.parameter, error.message, error.valid)
    except PageOutOfRange:
        return problem("page", _("This page of results does not exist."))
    return {
        "locale": language,
        "total": result.total,
        "page": query.page,
        "page_count": result.page_count,
        "page_size": query.page_size,
        "sort": query.effective_sort,
        "engine": result.engine,
        "degraded": result.degraded,
        "results": [
            {
                "id": action.pk,
                "title": action.title,
                "url": action.get_url(request) or "",
                "summary": action.summary,
                "effort": action.effort,
                "impact": action.impact,
                "fields": [{"value": f.slug, "label": f.label} for f in action.fields_of_action.all()],
                "sdgs": [{"value": str(s.number), "label": s.title} for s in action.sdgs.all()],
            }
            for action in result.actions
        ],
        "facets": result.facets,
    }
