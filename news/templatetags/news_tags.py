"""Template tags for pages outside this app that link to news (the region page's feed links)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def region_feed_links(context, region):
    """``{"rss": …, "atom": …}`` for ``region``'s news feeds, or None without a news index. One query."""
    from news.models import NewsIndexPage

    request = context.get("request")
    if request is None:
        return None
    # The region page asks twice (head and body): look the index up once per request.
    if not hasattr(request, "_news_index"):
        request._news_index = NewsIndexPage.objects.live().public().order_by("path").first()
    index = request._news_index
    if index is None:
        return None
    return index.feed_links(request, region=region)
