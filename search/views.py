"""Site-wide search over all page types through Wagtail's own search backend (the same engine as
``SEARCH_URL``); while that engine is down it answers from the database backend."""

import logging

from django.conf import settings
from django.shortcuts import render

from wagtail.models import Page

from common.language import locale_id
from common.pagination import paginate
from search.queries import MAX_QUERY_LENGTH

logger = logging.getLogger(__name__)


def _search(query, backend):
    # The pages of the visitor's language only: the English tree holds a copy of every German page.
    pages = Page.objects.live().public().filter(locale=locale_id())
    results = pages.specific().search(query, backend=backend)
    len(results)  # run it here, so an unreachable engine fails inside the try below
    return results


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results, degraded = Page.objects.none(), False
    if query:
        try:
            results = _search(query, "default")
        except Exception as error:  # the engine's client raises its own transport errors
            if "database" not in settings.WAGTAILSEARCH_BACKENDS:
                raise
            logger.warning("Site search falls back to the database: %s", error)
            results, degraded = _search(query, "database"), True
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": paginate(request, results, per_page=10),
            "degraded": degraded,
        },
    )
