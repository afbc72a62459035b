"""What the action pool page needs to show a search: results, facets, chips, sorting and page links.

Every link is a plain GET URL holding the whole state, so the page works without JavaScript and any
view of it can be shared.
"""

from dataclasses import replace

from django.utils.http import urlencode
from django.utils.translation import gettext as _

from search.queries import SORTS, ActionQuery, InvalidQuery, parse_query
from search.service import search_actions


def _url(query):
    params = query.as_params()
    return "?" + urlencode(params) if params else "?"


def action_pool_context(request):
    """Context for the action pool template; raises PageOutOfRange for a page past the last one."""
    try:
        query = parse_query(request.GET)
    except InvalidQuery as error:
        return {"search_error": error, "query": ActionQuery()}
    result = search_actions(query)

    chips = []
    for facet in result.facets:
        for option in facet.options:
            if option.selected:
                chips.append(
                    {
                        "facet": facet.label,
                        "label": option.label,
                        "remove_url": _url(query.without(facet.key, option.value)),
                    }
                )
    pages = [
        {"number": number, "url": _url(replace(query, page=number)), "current": number == query.page}
        for number in range(1, result.page_count + 1)
    ]
    return {
        "query": query,
        "search": result,
        "active_filters": chips,
        "clear_url": _url(ActionQuery(text=query.text, sort=query.sort)),
        "sort_options": [
            {"value": key, "label": _(label), "selected": key == query.sort} for key, label in SORTS.items()
        ],
        "result_pages": pages,
        "previous_url": pages[query.page - 2]["url"] if query.page > 1 else None,
        "next_url": pages[query.page]["url"] if query.page < result.page_count else None,
    }
