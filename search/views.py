"""Site-wide search over all page types through Wagtail's own search backend (the same engine as
``SEARCH_URL``); while that engine is down it answers from the database backend.

Apps add results that are not pages (initiatives) through the hook ``search.sections.SITE_SEARCH_SECTIONS``,
shown above the pages on the first page of results.
"""

import logging

from django.conf import settings
from django.shortcuts import render

from wagtail import hooks
from wagtail.models import Page

from common.language import locale_id
from common.pagination import paginate
from search.queries import MAX_QUERY_LENGTH
from search.sections import SITE_SEARCH_SECTIONS

logger = logging.getLogger(__name__)


def _search(query, backend):
    # The pages of the visitor's language only: the English tree holds a copy of every German page.
    pages = Page.objects.live().public().filter(locale=locale_id())
    results = pages.specific().search(query, backend=backend)
    len(results)  # run it here, so an unreachable engine fails inside the try below
    return results


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results, degraded, sections = Page.objects.none(), False, []
    if query:
        try:
            results = _search(query, "default")
        except Exception as error:  # the engine's client raises its own transport errors
            if "database" not in settings.WAGTAILSEARCH_BACKENDS:
                raise
            logger.warning("Site search falls back to the database: %s", error)
            results, degraded = _search(query, "database"), True
        if request.GET.get("page") in (None, "", "1"):
            sections = [section for fn in hooks.get_hooks(SITE_SEARCH_SECTIONS) if (section := fn(query))]
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": paginate(request, results, per_page=10),
            "degraded": degraded,
            "sections": sections,
        },
    )
