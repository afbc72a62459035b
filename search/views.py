"""Site-wide search over all page types through Wagtail's own search backend."""

from django.shortcuts import render

from wagtail.models import Page

from home.pagination import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    return render(
        request,
        "search/search.html",
        {"search_query": query, "search_results": paginate(request, results, per_page=10)},
    )
