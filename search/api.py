"""The action search in the JSON API: ``GET /api/v3/actions/search`` (one OpenAPI schema with Wagtail's API)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ninja import Query, Router, Schema

from common.problems import ProblemOut, problem
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


@router.get(
    "/search",
    response={200: SearchOut, 400: ProblemOut},
    summary=gettext_lazy("Search and filter actions"),
    description=(
        "Full text (German stemming) and facets over the action pool. Repeat a facet parameter for several "
        "values: values of one facet are OR-ed, facets are AND-ed. Each facet's counts apply every *other* "
        f"selected facet. Sort keys: {', '.join(SORTS)}. 20 results per page. Unknown parameters, facet "
        "values or sort keys and a page past the last one answer 400 with the valid values."
    ),
)
def search(request, params: Query[SearchParams]):
    try:
        query = parse_query(request.GET, strict_names=True)
        result = search_actions(query)
    except InvalidQuery as error:
        return problem(error.parameter, error.message, error.valid)
    except PageOutOfRange:
        return problem("page", _("This page of results does not exist."))
    return {
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
