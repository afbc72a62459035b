"""Template tags for pages outside this app that link to news (the region page's feed links)."""

from django import template

from common.language import locale_id
from home import site_cache
from news.models import NewsIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def region_feed_links(context, region):
    """``{"rss": …, "atom": …}`` for ``region``'s news feeds, or None without a news index."""
    request = context.get("request")
    if request is None:
        return None
    index = site_cache.cached(
        "news-index",
        lambda: NewsIndexPage.objects.live().public().filter(locale_id=locale_id()).order_by("path").first(),
        per_language=True,
    )
    if index is None:
        return None
    return index.feed_links(request, region=region)
